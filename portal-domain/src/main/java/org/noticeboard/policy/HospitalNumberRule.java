package org.noticeboard.policy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hospital numbers in the organisation's own format. The pattern is an administrator's regular
 * expression, so it runs on a text that counts how often it is read: a pattern that backtracks
 * catastrophically is stopped and reported instead of hanging the editor.
 */
final class HospitalNumberRule implements PolicyRule {

    static final String ID = "hospital-number";
    private static final long BASE_BUDGET = 2_000_000;
    private static final long BUDGET_PER_CHAR = 2_000;

    private final @Nullable Pattern pattern;

    HospitalNumberRule(@Nullable Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles the organisation's pattern, naming the parameter when it is not a regular expression. */
    static @Nullable Pattern compile(@Nullable String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "hospitalNumberPattern is not a valid regular expression: " + e.getDescription()
                            + " near index " + e.getIndex(), e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        Pattern p = pattern;
        if (p == null) {
            return;
        }
        String text = context.text();
        Matcher m = p.matcher(new Budgeted(text, BASE_BUDGET + BUDGET_PER_CHAR * text.length()));
        try {
            while (m.find()) {
                if (m.end() > m.start() && !context.inUrl(m.start(), m.end())) {
                    Span span = new Span(m.start(), m.end());
                    findings.add(Findings.of(ID, severity,
                            "This looks like a hospital number (" + Findings.quote(text, span) + ").", span));
                }
            }
        } catch (OverBudget e) {
            findings.add(Findings.of(ID, severity,
                    "The hospital number check could not finish on this text: ask the organisation's"
                            + " administrator to simplify the hospital number pattern, and check the post"
                            + " for hospital numbers yourself.",
                    null));
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** A view of the text that gives up after a number of reads. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long[] left;

        Budgeted(String text, long budget) {
            this(text, 0, text.length(), new long[] {budget});
        }

        private Budgeted(String text, int offset, int length, long[] left) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.left = left;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new OverBudget();
            }
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text, offset + start, end - start, left);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
