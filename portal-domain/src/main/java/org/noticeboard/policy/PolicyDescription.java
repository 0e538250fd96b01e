package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** A policy version in words, field by field, for differences, the audit trail and auditors. */
public final class PolicyDescription {

    private PolicyDescription() {}

    /** Every setting as "what" → "value", in a stable order. */
    public static Map<String, String> describe(PolicySettings settings) {
        var fields = new LinkedHashMap<String, String>();
        for (RuleInfo rule : RuleCatalog.all()) {
            RuleSetting setting = settings.rules().get(rule.id());
            fields.put("Rule: " + rule.title(), setting == null || !setting.enabled() ? "off"
                    : "on, " + setting.severity().name());
        }
        var p = settings.parameters();
        fields.put("Banned terms", String.join(", ", p.bannedTerms()));
        fields.put("Allowed link domains", String.join(", ", p.allowedLinkDomains()));
        fields.put("Denied link domains", String.join(", ", p.deniedLinkDomains()));
        fields.put("Published phone numbers", String.join(", ", p.publishedPhoneNumbers()));
        fields.put("Published e-mail addresses", String.join(", ", p.publishedEmailAddresses()));
        fields.put("Hospital number pattern", Objects.toString(p.hospitalNumberPattern(), ""));
        fields.put("Publishing hours", p.publishingStart() == null || p.publishingEnd() == null ? "any time"
                : p.publishingStart() + "–" + p.publishingEnd());
        fields.put("Publishing days", p.publishingDays().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.UK)).collect(Collectors.joining(", ")));
        fields.put("Pre-election periods", p.preElectionPeriods().stream()
                .map(r -> r.from() + " to " + r.to()).collect(Collectors.joining(", ")));
        fields.put("Political stakeholders", String.join(", ", p.politicalStakeholders()));
        fields.put("Capitals that count as shouting", p.capitalsPercent() + "%");
        fields.put("Extra tone words", String.join(", ", p.extraToneWords()));
        return fields;
    }

    /** What changed from {@code before} to {@code after}, one line per field. */
    public static List<String> differences(PolicySettings before, PolicySettings after) {
        var was = describe(before);
        var now = describe(after);
        var lines = new ArrayList<String>();
        now.forEach((field, value) -> {
            String old = was.getOrDefault(field, "");
            if (!old.equals(value)) {
                lines.add(field + ": " + (old.isEmpty() ? "(none)" : old) + " \u2192 " + (value.isEmpty() ? "(none)" : value));
            }
        });
        return lines;
    }

}
