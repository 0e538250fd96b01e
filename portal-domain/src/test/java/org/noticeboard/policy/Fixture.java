package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds settings and inputs for the policy tests. */
final class Fixture {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Tuesday morning: inside the default publishing hours. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 10, 30, 0, 0, LONDON);

    private Fixture() {}

    static Params params() {
        return new Params();
    }

    static CheckInput input(String text) {
        return new CheckInput(text, List.of(), null, NOW, false);
    }

    /** Settings with only this rule on, at its default severity. */
    static PolicySettings only(String ruleId, PolicyParameters parameters) {
        Map<String, RuleSetting> rules = new HashMap<>();
        for (RuleInfo info : RuleCatalog.all()) {
            rules.put(info.id(), new RuleSetting(info.id().equals(ruleId), info.defaultSeverity()));
        }
        return new PolicySettings(rules, parameters);
    }

    /** Settings with every rule on at its default severity. */
    static PolicySettings onlyAllRules(PolicyParameters parameters) {
        return new PolicySettings(PolicyEngine.defaults().rules(), parameters);
    }

    /** The findings of one rule, alone, on a text. */
    static List<Finding> findings(String ruleId, PolicyParameters parameters, String text) {
        return new PolicyEngine(only(ruleId, parameters)).check(input(text)).findings();
    }

    static List<Finding> findings(String ruleId, String text) {
        return findings(ruleId, params().build(), text);
    }

    /** The texts of the findings' spans, in order. */
    static List<String> spans(List<Finding> findings, String text) {
        List<String> spans = new ArrayList<>();
        for (Finding f : findings) {
            spans.add(f.span() == null ? "<post>" : f.span().of(text));
        }
        return spans;
    }

    static List<String> spans(String ruleId, PolicyParameters parameters, String text) {
        return spans(findings(ruleId, parameters, text), text);
    }

    static List<String> spans(String ruleId, String text) {
        return spans(ruleId, params().build(), text);
    }

    /** CSV tables write "no finding" as an empty cell. */
    static List<String> expected(@Nullable String span) {
        return span == null || span.isEmpty() ? List.of() : List.of(span.split("\\|", -1));
    }

    /** Mutable parameters with the engine's defaults. */
    static final class Params {
        List<String> bannedTerms = List.of();
        List<String> allowedLinkDomains = List.of();
        List<String> deniedLinkDomains = List.of();
        List<String> publishedPhoneNumbers = List.of();
        List<String> publishedEmailAddresses = List.of();
        @Nullable String hospitalNumberPattern;
        @Nullable LocalTime publishingStart = LocalTime.of(8, 0);
        @Nullable LocalTime publishingEnd = LocalTime.of(18, 0);
        Set<DayOfWeek> publishingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        List<DateRange> preElectionPeriods = List.of();
        List<String> politicalStakeholders = List.of();
        int capitalsPercent = 60;
        List<String> extraToneWords = List.of();

        Params bannedTerms(String... terms) {
            bannedTerms = List.of(terms);
            return this;
        }

        Params allowed(String... domains) {
            allowedLinkDomains = List.of(domains);
            return this;
        }

        Params denied(String... domains) {
            deniedLinkDomains = List.of(domains);
            return this;
        }

        Params phones(String... numbers) {
            publishedPhoneNumbers = List.of(numbers);
            return this;
        }

        Params emails(String... addresses) {
            publishedEmailAddresses = List.of(addresses);
            return this;
        }

        Params hospitalPattern(@Nullable String pattern) {
            hospitalNumberPattern = pattern;
            return this;
        }

        Params hours(@Nullable LocalTime start, @Nullable LocalTime end, Set<DayOfWeek> days) {
            publishingStart = start;
            publishingEnd = end;
            publishingDays = days;
            return this;
        }

        Params preElection(LocalDate from, LocalDate to, String... stakeholders) {
            preElectionPeriods = List.of(new DateRange(from, to));
            politicalStakeholders = List.of(stakeholders);
            return this;
        }

        Params capitals(int percent) {
            capitalsPercent = percent;
            return this;
        }

        Params toneWords(String... words) {
            extraToneWords = List.of(words);
            return this;
        }

        PolicyParameters build() {
            return new PolicyParameters(bannedTerms, allowedLinkDomains, deniedLinkDomains, publishedPhoneNumbers,
                    publishedEmailAddresses, hospitalNumberPattern, publishingStart, publishingEnd, publishingDays,
                    preElectionPeriods, politicalStakeholders, capitalsPercent, extraToneWords);
        }
    }
}
