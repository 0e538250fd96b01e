package org.noticeboard.policy;

import java.util.List;

/**
 * The weighted length as twitter-text counts it, and the few characters X refuses outright. The
 * span of an over-long post is the part past the limit, which is what the author must cut.
 */
final class LengthRule implements PolicyRule {

    static final String ID = "length";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        String text = context.text();
        int length = context.weightedLength();
        if (length > CheckResult.MAX_WEIGHTED_LENGTH) {
            int from = context.overflowStart();
            Span span = from >= 0 && from < text.length() ? new Span(from, text.length()) : new Span(0, text.length());
            findings.add(Findings.of(ID, severity,
                    "This post is " + length + " characters as X counts them; the limit is "
                            + CheckResult.MAX_WEIGHTED_LENGTH + ": cut " + (length - CheckResult.MAX_WEIGHTED_LENGTH)
                            + " characters.",
                    span));
        }
        if (!context.complete()) {
            findings.add(Findings.of(ID, severity,
                    "The length could not be counted exactly as X counts it (links, mentions and hashtags"
                            + " were not recognised in this text), so the count shown may be off.",
                    null));
        }
        int invalid = context.invalidCharacterAt() < 0 ? -1 : firstRefused(text);
        if (invalid >= 0) {
            findings.add(Findings.of(ID, severity,
                    "X will not accept this post: it contains an invisible character (U+"
                            + String.format("%04X", (int) text.charAt(invalid)) + ") that X refuses. Delete it.",
                    new Span(invalid, invalid + 1)));
        }
    }

    // NFC neither makes nor removes these, so the first one in the original text is the one to delete.
    private static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }
}
