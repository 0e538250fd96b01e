package org.noticeboard.policy;

/** Whether a rule is on, and how serious its findings are. */
public record RuleSetting(boolean enabled, Severity severity) {}
