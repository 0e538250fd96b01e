package org.noticeboard.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses, also in the disguised forms people use ("jane [at] example [dot] com",
 * "jane(at)example.com"), found in the folded text so fullwidth "＠" and zero-width characters do
 * not hide them. The organisation's published addresses are allowed, compared without case.
 */
final class EmailAddressRule implements PolicyRule {

    static final String ID = "email-address";

    private static final String AT = "(?:@| ?[\\[({]at[\\])}] ?)";
    private static final String DOT = "(?:\\.| ?[\\[({]dot[\\])}] ?)";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}_%+\\-]++(?:\\.[\\p{L}\\p{N}_%+\\-]++)*+" + AT
                    + LABEL + "(?:" + DOT + LABEL + ")*" + DOT + "\\p{L}{2,}(?![\\p{L}\\p{N}])");
    private static final Pattern DISGUISED_AT = Pattern.compile(" ?[\\[({]at[\\])}] ?");
    private static final Pattern DISGUISED_DOT = Pattern.compile(" ?[\\[({]dot[\\])}] ?");

    private final Set<String> published;

    EmailAddressRule(List<String> publishedAddresses) {
        Set<String> addresses = new HashSet<>();
        for (String address : publishedAddresses) {
            addresses.add(canonical(NormalisedText.fold(address)));
        }
        this.published = Set.copyOf(addresses);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        NormalisedText normalised = context.normalised();
        String folded = normalised.folded();
        Matcher m = EMAIL.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        for (int at = nextAt(folded, 0); at >= 0; at = nextAt(folded, at + 1)) {
            int start = at;
            if (folded.charAt(start) != '@' && start > 0 && folded.charAt(start - 1) == ' ') {
                start--;
            }
            while (start > searchedTo && isLocalChar(folded.codePointBefore(start))) {
                start -= Character.charCount(folded.codePointBefore(start));
            }
            if (start == at || start < searchedTo) {
                continue;
            }
            m.region(start, folded.length());
            if (!m.lookingAt()) {
                continue;
            }
            searchedTo = m.end();
            if (published.contains(canonical(m.group()))) {
                continue;
            }
            Span span = normalised.originalSpan(m.start(), m.end());
            findings.add(Findings.of(ID, severity,
                    "This looks like a personal e-mail address (" + Findings.quote(context.text(), span)
                            + "). Only the organisation's published addresses may appear in posts.",
                    span));
        }
    }

    /** The next "@" or bracketed "at" (the only places an address can turn on). */
    private static int nextAt(String folded, int from) {
        for (int i = from; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '@' || ((c == '[' || c == '(' || c == '{') && folded.startsWith("at", i + 1))) {
                return i;
            }
        }
        return -1;
    }

    // The characters of the expression's local part: \p{L}, \p{N} and ._%+-
    private static boolean isLocalChar(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static String canonical(String address) {
        String a = DISGUISED_AT.matcher(address).replaceAll("@");
        return DISGUISED_DOT.matcher(a).replaceAll(".").toLowerCase(Locale.ROOT);
    }
}
