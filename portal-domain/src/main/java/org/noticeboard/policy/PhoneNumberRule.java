package org.noticeboard.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers, found by libphonenumber with GB as the default region, except the organisation's
 * published numbers (compared in E.164, so any way of writing them is allowed).
 *
 * <p>libphonenumber's "possible" leniency is used because its "valid" one rejects Ofcom's drama
 * ranges (07700 900xxx) and any number allocated after its metadata was cut. To keep possible
 * numbers from swallowing every long number, a candidate must be written the way phone numbers
 * are: starting with "+" or a trunk "0" (with or without a bracket), and for UK numbers with nine
 * or ten national digits. Ten bare digits with a valid mod-11 check digit are left to the NHS and
 * CHI rules, which report them under the right name.
 */
final class PhoneNumberRule implements PolicyRule {

    static final String ID = "phone-number";
    private static final String REGION = "GB";
    private static final int MIN_DIGITS = 7;
    private static final int CONTEXT = 6;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final Set<String> published;
    // The digits of each published number as people write them (44..., 0044..., 0...), so a stretch
    // that is exactly a published number skips libphonenumber, which costs ten microseconds a call.
    private final Set<String> publishedDigits;

    PhoneNumberRule(List<String> publishedNumbers) {
        Set<String> numbers = new HashSet<>();
        Set<String> digitForms = new HashSet<>();
        for (String number : publishedNumbers) {
            String e164 = e164(util, number);
            if (e164 == null) {
                continue;
            }
            numbers.add(e164);
            String international = e164.substring(1);
            digitForms.add(international);
            digitForms.add("00" + international);
            if (international.startsWith("44")) {
                digitForms.add("0" + international.substring(2));
            }
        }
        this.published = Set.copyOf(numbers);
        this.publishedDigits = Set.copyOf(digitForms);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        String text = context.text();
        int len = text.length();
        int i = 0;
        int[] reportedTo = {0};
        // libphonenumber scans slowly, so only stretches that hold enough digits go to it.
        while (i < len) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int lastDigit = i;
            int gap = 0;
            StringBuilder stretch = new StringBuilder(16);
            while (i < len && gap <= 2) {
                char c = text.charAt(i);
                if (Character.isDigit(c)) {
                    digits++;
                    stretch.append((char) ('0' + Character.digit(c, 10)));
                    lastDigit = i;
                    gap = 0;
                } else if (" -.()/\u00A0\u2010\u2011\u2012\u2013".indexOf(c) >= 0) {
                    gap++;
                } else {
                    break;
                }
                i++;
            }
            i = lastDigit + 1;
            if (digits >= MIN_DIGITS && !publishedDigits.contains(stretch.toString())) {
                int from = Math.max(0, start - CONTEXT);
                int to = Math.min(len, lastDigit + 1 + CONTEXT);
                scan(context, text, from, to, reportedTo, severity, findings);
            }
        }
    }

    // Windows may overlap; reportedTo keeps a number seen in two of them from being reported twice.
    private void scan(CheckContext context, String text, int from, int to, int[] reportedTo, Severity severity,
            List<Finding> findings) {
        String window = text.substring(from, to);
        for (PhoneNumberMatch match : util.findNumbers(window, REGION, PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            int start = from + match.start();
            int end = from + match.end();
            if (start < reportedTo[0]) {
                continue;
            }
            String raw = match.rawString();
            if (!writtenAsPhoneNumber(raw, match.number()) || looksLikeNhsOrChi(raw)
                    || context.inUrl(start, end)) {
                continue;
            }
            if (published.contains(util.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164))) {
                continue;
            }
            Span span = new Span(start, end);
            reportedTo[0] = end;
            findings.add(Findings.of(ID, severity,
                    "This looks like a personal phone number (" + Findings.quote(text, span) + "). Only the"
                            + " organisation's published numbers may appear in posts.",
                    span));
        }
    }

    private boolean writtenAsPhoneNumber(String raw, PhoneNumber number) {
        int first = 0;
        while (first < raw.length() && raw.charAt(first) == '(') {
            first++;
        }
        if (first >= raw.length()) {
            return false;
        }
        char c = raw.charAt(first);
        boolean international = c == '+' || c == '\uFF0B';
        if (!international && Character.digit(c, 10) != 0) {
            return false;
        }
        int national = util.getNationalSignificantNumber(number).length();
        if (number.getCountryCode() == 44) {
            return national == 9 || national == 10;
        }
        return international && national >= 6;
    }

    private static boolean looksLikeNhsOrChi(String raw) {
        String digits = digits(raw);
        return digits.length() == 10 && raw.indexOf('+') < 0 && raw.indexOf('(') < 0 && Mod11.valid(digits);
    }

    private static @Nullable String e164(PhoneNumberUtil util, String number) {
        try {
            return util.format(util.parse(number, REGION), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String digits(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int d = Character.digit(text.charAt(i), 10);
            if (d >= 0) {
                digits.append((char) ('0' + d));
            }
        }
        return digits.toString();
    }
}
