package org.noticeboard.policy;

import java.util.List;

/**
 * One rule of the policy. A rule is built once per policy version (with that version's parameters
 * already compiled) and then checks many posts, so {@link #check} must not keep state between
 * calls: several threads may check posts with the same rule at once.
 */
public interface PolicyRule {

    /** The rule's id, as in {@link RuleCatalog} and in {@link PolicySettings#rules()}. */
    String id();

    /** Adds this rule's findings about the post, each with the given severity, to {@code findings}. */
    void check(CheckContext context, Severity severity, List<Finding> findings);
}
