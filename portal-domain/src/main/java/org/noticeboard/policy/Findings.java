package org.noticeboard.policy;

import org.jspecify.annotations.Nullable;

/** Builds findings with the catalogue's guidance line and section, so rules only say what and where. */
final class Findings {

    private static final int MAX_QUOTE = 60;

    private Findings() {}

    static Finding of(String ruleId, Severity severity, String message, @Nullable Span span) {
        RuleInfo info = RuleCatalog.get(ruleId);
        return new Finding(ruleId, severity, message, span, info.guidance(), info.section());
    }

    /** The text of the span, shortened for a message. */
    static String quote(String text, Span span) {
        String quoted = span.of(text).strip();
        if (quoted.length() > MAX_QUOTE) {
            int cut = MAX_QUOTE;
            if (Character.isHighSurrogate(quoted.charAt(cut - 1))) {
                cut--;
            }
            return quoted.substring(0, cut) + "…";
        }
        return quoted;
    }
}
