package org.noticeboard.policy;

import java.util.List;
import java.util.Set;

/**
 * Shouting: the share of capitals among the letters of the post, in posts with at least 20 letters.
 * Hashtags, mentions and links are left out (their capitals are names, not tone), and so are the
 * everyday all-capital abbreviations of health and care (NHS, ICB, A&amp;E...). Only those listed:
 * leaving out every short capitalised word would let "STOP THIS NOW YOU ARE ALL LIARS" through.
 */
final class ToneCapitalsRule implements PolicyRule {

    static final String ID = "tone-capitals";
    static final int MIN_LETTERS = 20;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "NHS", "NHSE", "NHSI", "ICB", "ICS", "ICP", "AHP", "AHPS", "GP", "GPS", "CQC", "NICE", "UK",
            "HR", "IT", "ED", "ICU", "ITU", "PPE", "OT", "MSK", "CEO", "MP", "MPS", "MSP", "MS", "MLA", "COVID",
            "RCN", "RCM", "BMA", "HCPC", "NMC", "GMC", "CSP", "DHSC", "UKHSA", "PCN", "PCNS", "CAMHS", "SEND",
            "LGBTQ", "LGBT", "BAME", "EDI", "NIHR", "HEE", "CPD", "MDT", "ACP", "FCP", "OPD", "A&E", "AE", "II",
            "III", "IV", "BSL", "ADHD", "ASD", "RSV", "HIV", "TB", "MRI", "CT", "ECG", "BP", "BMI", "NB", "FAQ",
            "FAQS", "Q&A", "QA", "OK", "TV", "BBC", "ITV", "UCL", "KCL", "IMO", "FYI", "ASAP", "RSVP", "AM", "PM");

    private final int percent;

    ToneCapitalsRule(int percent) {
        this.percent = percent;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        String text = context.text();
        int len = text.length();
        int letters = 0;
        int capitals = 0;
        int i = 0;
        while (i < len) {
            int codePoint = text.codePointAt(i);
            if (!Character.isLetter(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int wordStart = i;
            int wordLetters = 0;
            int wordCapitals = 0;
            while (i < len) {
                int c = text.codePointAt(i);
                if (Character.isLetter(c)) {
                    wordLetters++;
                    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                        wordCapitals++;
                    }
                } else if (c != '&' && c != '\'' && c != '\u2019') {
                    break;
                }
                i += Character.charCount(c);
            }
            if (context.inEntity(wordStart, i)
                    || (wordCapitals == wordLetters && ABBREVIATIONS.contains(text.substring(wordStart, i)))) {
                continue;
            }
            letters += wordLetters;
            capitals += wordCapitals;
        }
        if (letters >= MIN_LETTERS && capitals * 100 >= percent * letters) {
            Span span = trimmed(text);
            findings.add(Findings.of(ID, severity,
                    "Most of this post is in capitals (" + (capitals * 100 / letters)
                            + "% of its letters), which reads as shouting.",
                    span));
        }
    }

    private static Span trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }
}
