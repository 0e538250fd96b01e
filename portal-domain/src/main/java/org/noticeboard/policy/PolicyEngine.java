package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// TEMPORARY placeholder until the policy-engine branch is merged; replaced wholesale by it.
public final class PolicyEngine {

    private final PolicySettings settings;

    public PolicyEngine(PolicySettings settings) {
        this.settings = settings;
        String pattern = settings.parameters().hospitalNumberPattern();
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("hospitalNumberPattern: " + e.getMessage());
            }
        }
    }

    public static PolicySettings defaults() {
        var rules = new HashMap<String, RuleSetting>();
        RuleCatalog.all().forEach(r -> rules.put(r.id(), new RuleSetting(true, r.defaultSeverity())));
        return new PolicySettings(rules, new PolicyParameters(List.of(), List.of(), List.of(), List.of(), List.of(), null,
                LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(),
                List.of(), 60, List.of()));
    }

    public CheckResult check(CheckInput input) {
        var findings = new ArrayList<Finding>();
        String text = input.text();
        Matcher nhs = Pattern.compile("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b").matcher(text);
        while (nhs.find() && settings.rule("nhs-number").enabled()) {
            findings.add(new Finding("nhs-number", settings.rule("nhs-number").severity(), "NHS number",
                    new Span(nhs.start(), nhs.end()), "Never post anything that identifies a patient.", GuidanceSection.CONFIDENTIALITY));
        }
        Matcher bang = Pattern.compile("!{3,}").matcher(text);
        while (bang.find() && settings.rule("tone-punctuation").enabled()) {
            findings.add(new Finding("tone-punctuation", settings.rule("tone-punctuation").severity(), "Shouting",
                    new Span(bang.start(), bang.end()), "Never tweet while angry.", GuidanceSection.NEVER_TWEET_ANGRY));
        }
        int length = text.codePointCount(0, text.length());
        return new CheckResult(length, length <= 280, List.of(), List.of(), List.of(), findings);
    }
}
