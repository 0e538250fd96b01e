package org.noticeboard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ten-digit numbers with a valid mod-11 check digit, as NHS and CHI numbers are written: all
 * together, 3-3-4 or 6-4 with spaces or hyphens, and not part of a longer run of digits. Found in
 * the folded text, so fullwidth digits and zero-width characters do not hide them; never inside a
 * URL.
 */
final class TenDigitNumbers {

    record Candidate(String digits, Span span) {}

    private static final Pattern TEN_DIGITS = Pattern.compile(
            "(?<![0-9])([0-9]{3})[ \\-\u2010]?([0-9]{3})[ \\-\u2010]?([0-9]{4})(?![0-9])");

    private TenDigitNumbers() {}

    private static final Object KEY = new Object();

    static List<Candidate> find(CheckContext context) {
        return context.shared(KEY, TenDigitNumbers::compute);
    }

    private static List<Candidate> compute(CheckContext context) {
        NormalisedText normalised = context.normalised();
        String folded = normalised.folded();
        if (countDigits(folded) < 10) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>(1);
        Matcher m = TEN_DIGITS.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
        int len = folded.length();
        int i = 0;
        while (i < len) {
            // a number starts where a run of digits starts; the expression need not be tried elsewhere
            if (!isDigit(folded.charAt(i)) || (i > 0 && isDigit(folded.charAt(i - 1)))) {
                i++;
                continue;
            }
            m.region(i, len);
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            String digits = m.group(1) + m.group(2) + m.group(3);
            Span span = normalised.originalSpan(m.start(), m.end());
            if (Mod11.valid(digits) && !context.inUrl(span.start(), span.end())) {
                found.add(new Candidate(digits, span));
            }
            i = m.end();
        }
        return List.copyOf(found);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the first six digits are a date DDMMYY, as in a CHI number (29 February when YY is a multiple of 4). */
    static boolean startsWithDate(String digits) {
        int day = Integer.parseInt(digits, 0, 2, 10);
        int month = Integer.parseInt(digits, 2, 4, 10);
        int year = Integer.parseInt(digits, 4, 6, 10);
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> year % 4 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    private static int countDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }
}
