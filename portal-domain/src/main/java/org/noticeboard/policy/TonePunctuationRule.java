package org.noticeboard.policy;

import java.util.List;

/** Three or more exclamation or question marks in a row, in any mix and width ("!!!", "?!?", "！！！", "‼!"). */
final class TonePunctuationRule implements PolicyRule {

    static final String ID = "tone-punctuation";
    private static final int MIN_RUN = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        String text = context.text();
        int len = text.length();
        int i = 0;
        while (i < len) {
            int marks = marks(text.charAt(i));
            if (marks == 0) {
                i++;
                continue;
            }
            int start = i;
            int count = 0;
            while (i < len && (marks = marks(text.charAt(i))) > 0) {
                count += marks;
                i++;
            }
            if (count >= MIN_RUN) {
                Span span = new Span(start, i);
                findings.add(Findings.of(ID, severity,
                        "\"" + Findings.quote(text, span) + "\" reads as shouting or anger.", span));
            }
        }
    }

    /** How many marks a character stands for. */
    private static int marks(char c) {
        return switch (c) {
            case '!', '?', '\uFF01', '\uFF1F', '\u00A1', '\u00BF', '\uFE57', '\uFE56', '\u2762', '\u2763',
                    '\u2755', '\u2754', '\u2757', '\u2753' -> 1;
            case '\u203C', '\u2049', '\u2048', '\u2047' -> 2;
            default -> 0;
        };
    }
}
