package org.noticeboard.policy;

import java.util.List;

/**
 * The outcome of a check: the weighted length as X counts it, what the text contains, and every
 * finding, ordered by position.
 */
public record CheckResult(int weightedLength, boolean validLength, List<String> mentions, List<String> hashtags,
        List<String> urls, List<Finding> findings) {

    public static final int MAX_WEIGHTED_LENGTH = 280;

    public CheckResult {
        mentions = List.copyOf(mentions);
        hashtags = List.copyOf(hashtags);
        urls = List.copyOf(urls);
        findings = List.copyOf(findings);
    }

    public boolean blocked() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARN).toList();
    }
}
