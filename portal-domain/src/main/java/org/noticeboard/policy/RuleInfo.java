package org.noticeboard.policy;

public record RuleInfo(String id, String title, String description, Severity defaultSeverity, GuidanceSection section,
        String guidance) {}
