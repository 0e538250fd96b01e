package org.noticeboard.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Naming a political stakeholder when the post would be published in a pre-election period.
 * Stakeholders written with "@" are X handles and match mentions; the others are names and match
 * as whole words, in any case and with any spacing. The workflow adds the extra approval step.
 */
final class PreElectionRule implements PolicyRule {

    static final String ID = "pre-election";

    private final List<DateRange> periods;
    private final Set<String> handles;
    private final @Nullable Pattern names;

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
                names.add(Pattern.quote(s).replaceAll("\\s+", "\\\\E\\\\s+\\\\Q"));
            }
        }
        this.handles = Set.copyOf(handles);
        this.names = names.isEmpty() ? null : Pattern.compile(
                "(?<![\\p{L}\\p{N}_@])(?:" + String.join("|", names) + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
        for (TextEntity mention : context.mentions()) {
            if (handles.contains(mention.value().toLowerCase(Locale.ROOT))) {
                findings.add(finding(context, severity, mention.span(), day));
            }
        }
        Pattern p = names;
        if (p != null) {
            Matcher m = p.matcher(context.text());
            while (m.find()) {
                if (!context.inUrl(m.start(), m.end())) {
                    findings.add(finding(context, severity, new Span(m.start(), m.end()), day));
                }
            }
        }
    }

    private static Finding finding(CheckContext context, Severity severity, Span span, LocalDate day) {
        return Findings.of(ID, severity,
                Findings.quote(context.text(), span) + " is a political stakeholder, and " + day
                        + " is in a pre-election period. This post needs an extra approval.",
                span);
    }
}
