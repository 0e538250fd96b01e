package org.noticeboard.policy;

import java.util.List;

/**
 * The organisation's banned words and phrases, found in one pass over the folded text (see
 * {@link NormalisedText} and {@link TermMatcher}); spans point at the original text, whatever was
 * hidden inside it.
 */
final class BannedTermsRule implements PolicyRule {

    static final String ID = "banned-terms";

    private final TermMatcher matcher;

    BannedTermsRule(List<String> terms) {
        this.matcher = TermMatcher.of(terms);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        if (matcher.isEmpty()) {
            return;
        }
        NormalisedText normalised = context.normalised();
        for (TermMatcher.Match match : matcher.find(normalised.folded())) {
            Span span = normalised.originalSpan(match.start(), match.end());
            findings.add(Findings.of(ID, severity,
                    "\"" + Findings.quote(context.text(), span) + "\" is the banned term \"" + match.term() + "\".",
                    span));
        }
    }
}
