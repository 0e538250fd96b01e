package org.noticeboard.policy;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a full date (with a year) that has a birth cue close before it ("DOB", "D.O.B.",
 * "date of birth", "born", "birthday", "b.") or just after it ("(DOB)"), in the same sentence.
 * Dates without such a cue are dates of events and pass.
 *
 * <p>"Birthday" is the one cue that also introduces events ("the NHS's 75th birthday on 5 July
 * 2023"), so with it only dates more than ten years before publication count as births.
 */
final class DateOfBirthRule implements PolicyRule {

    static final String ID = "date-of-birth";

    private static final String MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "(?<d1>\\d{1,2})(?<sep>[/.\\-])(?<m1>\\d{1,2})\\k<sep>(?<y1>\\d{4}|\\d{2})"
                    + "|(?<y2>\\d{4})-(?<m2>\\d{1,2})-(?<d2>\\d{1,2})"
                    + "|(?<d3>\\d{1,2})" + ORDINAL + "(?: of)? (?<n3>" + MONTH + ")"
                    + "\\.?,? (?<y3>\\d{4}|'\\d{2}|\\d{2})"
                    + "|(?<n4>" + MONTH + ")\\.? (?<d4>\\d{1,2})" + ORDINAL
                    + ",? (?<y4>\\d{4}|'\\d{2})"
                    + ")(?![\\p{L}\\p{N}]|[/.\\-]\\d)");
    private static final Pattern CUE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?<dob>d\\.? ?o\\.? ?b\\b\\.?|date of birth|birth ?date|born|b\\.)"
                    + "|(?<birthday>birthday))(?![\\p{L}])");
    private static final int BIRTHDAY_YEARS = 10;
    private static final int CUE_BEFORE = 30;
    private static final int CUE_AFTER = 16;
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        NormalisedText normalised = context.normalised();
        String folded = normalised.folded();
        if (!hasDigit(folded) || !mayHaveCue(folded)) {
            return;
        }
        Matcher date = DATE.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher cue = CUE.matcher(folded);
        int publishYear = context.publishTime().getYear();
        int searchedTo = 0;
        for (int at = nextDateStart(folded, 0); at >= 0; at = nextDateStart(folded, Math.max(at + 1, searchedTo))) {
            date.region(at, folded.length());
            if (!date.lookingAt()) {
                continue;
            }
            searchedTo = date.end();
            String y = yearDigits(date);
            int year = year(y);
            if (year < 0 || !validDate(date, year)) {
                continue;
            }
            boolean recent = y.length() == 4 && year >= publishYear - BIRTHDAY_YEARS;
            if (hasCue(context, normalised, cue, date.start(), date.end(), recent)) {
                Span span = normalised.originalSpan(date.start(), date.end());
                if (!context.inUrl(span.start(), span.end())) {
                    findings.add(Findings.of(ID, severity,
                            "This looks like a date of birth (" + Findings.quote(context.text(), span) + ").",
                            span));
                }
            }
        }
    }

    /** The next index where a date can start: a run of digits, or a month name after a non-letter. */
    private static int nextDateStart(String folded, int from) {
        for (int i = from; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1));
            if (c >= '0' && c <= '9' && (i == 0 || !Character.isDigit(folded.charAt(i - 1)))) {
                return i;
            }
            if (wordStart && c >= 'a' && c <= 's' && i + 3 <= folded.length()
                    && MONTHS.contains(folded.substring(i, i + 3))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasCue(CheckContext context, NormalisedText normalised, Matcher cue, int start, int end,
            boolean recent) {
        String folded = normalised.folded();
        cue.region(Math.max(0, start - CUE_BEFORE), start);
        while (cue.find()) {
            if (counts(cue, recent) && sameSentence(context, normalised, cue.end(), start)) {
                return true;
            }
        }
        cue.region(end, Math.min(folded.length(), end + CUE_AFTER));
        while (cue.find()) {
            if (counts(cue, recent) && sameSentence(context, normalised, end, cue.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean counts(Matcher cue, boolean recentDate) {
        return cue.group("dob") != null || !recentDate;
    }

    // Measured on the original text, where line breaks survive.
    private static boolean sameSentence(CheckContext context, NormalisedText normalised, int from, int to) {
        if (from >= to) {
            return true;
        }
        String text = context.text();
        int a = normalised.originalStart(from);
        int b = normalised.originalEnd(to - 1);
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '!' || c == '?' || (c == '.' && i + 1 < b && Character.isWhitespace(text.charAt(i + 1))
                    && i > a)) {
                return false;
            }
        }
        return true;
    }

    private static String yearDigits(Matcher m) {
        for (String group : List.of("y1", "y2", "y3", "y4")) {
            String y = m.group(group);
            if (y != null) {
                return y.startsWith("'") ? y.substring(1) : y;
            }
        }
        throw new IllegalStateException("the date pattern always has a year");
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return 2000 + year; // only whether it is a leap year matters here
        }
        return year >= 1880 && year <= 2150 ? year : -1;
    }

    private static boolean validDate(Matcher m, int year) {
        if (m.group("d1") != null) {
            int a = Integer.parseInt(m.group("d1"));
            int b = Integer.parseInt(m.group("m1"));
            // 12/03/1954 is read both ways: British day-first and American month-first.
            return valid(a, b, year) || valid(b, a, year);
        }
        if (m.group("y2") != null) {
            return valid(Integer.parseInt(m.group("d2")), Integer.parseInt(m.group("m2")), year);
        }
        if (m.group("d3") != null) {
            return valid(Integer.parseInt(m.group("d3")), month(m.group("n3")), year);
        }
        return valid(Integer.parseInt(m.group("d4")), month(m.group("n4")), year);
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3)) + 1;
    }

    private static boolean valid(int day, int month, int year) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    // Every cue contains one of these, so a post without any has no date of birth to find.
    private static boolean mayHaveCue(String folded) {
        return folded.contains("b.") || folded.contains("born") || folded.contains("birth") || folded.contains("dob")
                || folded.contains("d.o") || folded.contains("d o");
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
