package org.noticeboard.policy;

/**
 * What the policy editor shows about a rule: its id, a title and a description in plain words, its
 * default severity, the guidance section it belongs to, and the one line of guidance shown with
 * each of its findings.
 */
public record RuleInfo(String id, String title, String description, Severity defaultSeverity,
        GuidanceSection section, String guidance) {}
