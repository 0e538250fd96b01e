package org.noticeboard.post;

import org.jspecify.annotations.Nullable;
import org.noticeboard.policy.Finding;
import org.noticeboard.policy.Severity;

/**
 * A finding of the check stored with a revision, with the author's justification when it is a
 * warning they chose to override. The key (rule and offending words) survives edits elsewhere
 * in the text, so a justification stays with its finding.
 */
public record CheckedFinding(Finding finding, String key, @Nullable String justification) {

    public static String keyOf(Finding finding, String text) {
        var span = finding.span();
        return span == null || span.end() > text.length() ? finding.ruleId()
                : finding.ruleId() + ":" + span.of(text).strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean needsJustification() {
        return finding.severity() == Severity.WARN && (justification == null || justification.isBlank());
    }
}
