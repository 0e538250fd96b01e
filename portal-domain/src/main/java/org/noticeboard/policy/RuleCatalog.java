package org.noticeboard.policy;

import java.util.List;

// TEMPORARY placeholder until the policy-engine branch is merged; replaced wholesale by it.
public final class RuleCatalog {

    private static final List<RuleInfo> RULES = List.of(
            new RuleInfo("length", "Length", "Over 280 as X counts it", Severity.BLOCK, GuidanceSection.WRITING_FOR_X, "Keep it short."),
            new RuleInfo("nhs-number", "NHS numbers", "NHS numbers", Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, "Never post anything that identifies a patient."),
            new RuleInfo("tone-punctuation", "Shouting punctuation", "!!!", Severity.WARN, GuidanceSection.NEVER_TWEET_ANGRY, "Never tweet while angry."));

    private RuleCatalog() {}

    public static List<RuleInfo> all() {
        return RULES;
    }

    public static RuleInfo get(String id) {
        return RULES.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
