package org.noticeboard.policy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Naming a political stakeholder when the post would be published in a pre-election period.
 * Stakeholders written with "@" are X handles and match mentions; the others are names and match
 * as whole words after the same folding as banned terms (any case, any spacing, look-alike letters).
 * The workflow adds the extra approval step.
 */
final class PreElectionRule implements PolicyRule {

    static final String ID = "pre-election";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final List<DateRange> periods;
    private final Set<String> handles;
    private final TermMatcher names;

    PreElectionRule(List<DateRange> periods, List<String> stakeholders) {
        this.periods = List.copyOf(periods);
        Set<String> handles = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String stakeholder : stakeholders) {
            String s = stakeholder.strip();
            if (s.startsWith("@") || s.startsWith("\uFF20")) {
                if (s.length() > 1) {
                    handles.add(s.substring(1).toLowerCase(Locale.ROOT));
                }
            } else if (!s.isEmpty()) {
                names.add(s);
            }
        }
        this.handles = Set.copyOf(handles);
        this.names = TermMatcher.of(names);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        LocalDate day = context.publishTime().toLocalDate();
        if (periods.stream().noneMatch(period -> period.contains(day))) {
            return;
        }
        List<Span> reported = new ArrayList<>();
        for (TextEntity mention : context.mentions()) {
            if (handles.contains(mention.value().toLowerCase(Locale.ROOT))) {
                findings.add(finding(context, severity, mention.span(), day));
                reported.add(mention.span());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        NormalisedText normalised = context.normalised();
        for (TermMatcher.Match match : names.find(normalised.folded())) {
            Span span = normalised.originalSpan(match.start(), match.end());
            if (!context.inUrl(span.start(), span.end()) && reported.stream().noneMatch(r -> overlap(r, span))) {
                findings.add(finding(context, severity, span, day));
            }
        }
    }

    private static boolean overlap(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static Finding finding(CheckContext context, Severity severity, Span span, LocalDate day) {
        return Findings.of(ID, severity,
                Findings.quote(context.text(), span) + " is a political stakeholder, and " + DAY.format(day)
                        + " is in a pre-election period. This post needs an extra approval.",
                span);
    }
}
