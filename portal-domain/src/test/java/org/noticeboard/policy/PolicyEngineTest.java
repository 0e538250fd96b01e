package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private static final String EVERYTHING_WRONG =
            "@JaneMP Patient 943 476 5919 is a disgrace!!! Call 07700 900123 or see http://bit.ly/x #mentalhealthawareness";

    @Test
    void the_catalogue_lists_every_rule_once_with_plain_words() {
        List<RuleInfo> all = RuleCatalog.all();
        assertThat(all).extracting(RuleInfo::id).containsExactly("length", "nhs-number", "chi-number",
                "hospital-number", "date-of-birth", "phone-number", "email-address", "tone-capitals",
                "tone-punctuation", "tone-words", "leading-mention", "links", "banned-terms", "image-alt-text",
                "hashtag-case", "pre-election", "publishing-hours");
        assertThat(all).allSatisfy(info -> {
            assertThat(info.title()).isNotBlank();
            assertThat(info.description()).isNotBlank();
            assertThat(info.guidance()).isNotBlank();
        });
        assertThat(RuleCatalog.get("nhs-number").defaultSeverity()).isEqualTo(Severity.BLOCK);
        assertThat(RuleCatalog.get("hashtag-case").defaultSeverity()).isEqualTo(Severity.INFO);
        assertThatThrownBy(() -> RuleCatalog.get("broadcast-only")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_defaults_turn_every_rule_on_at_its_default_severity() {
        PolicySettings defaults = PolicyEngine.defaults();
        for (RuleInfo info : RuleCatalog.all()) {
            assertThat(defaults.rule(info.id())).isEqualTo(new RuleSetting(true, info.defaultSeverity()));
        }
        PolicyParameters p = defaults.parameters();
        assertThat(p.capitalsPercent()).isEqualTo(60);
        assertThat(p.publishingStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(p.publishingEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(p.publishingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(p.hospitalNumberPattern()).isNull();
        assertThat(p.bannedTerms()).isEmpty();
    }

    @Test
    void findings_are_ordered_by_position_with_whole_post_findings_last() {
        PolicyEngine engine = new PolicyEngine(PolicyEngine.defaults());
        CheckInput input = new CheckInput(EVERYTHING_WRONG, List.of(new ImageInput("a.png", null)), null,
                Fixture.NOW, false);
        CheckResult result = engine.check(input);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly(
                "leading-mention", "nhs-number", "tone-words", "tone-punctuation", "phone-number", "links",
                "hashtag-case", "image-alt-text");
        assertThat(Fixture.spans(result.findings(), EVERYTHING_WRONG)).containsExactly("@JaneMP", "943 476 5919",
                "disgrace", "!!!", "07700 900123", "http://bit.ly/x", "#mentalhealthawareness", "<post>");
        assertThat(result.blocked()).isTrue();
        assertThat(result.warnings()).extracting(Finding::ruleId)
                .containsExactly("leading-mention", "tone-words", "tone-punctuation", "links");
    }

    @Test
    void a_rule_switched_off_finds_nothing() {
        Map<String, RuleSetting> rules = new HashMap<>(PolicyEngine.defaults().rules());
        rules.put("nhs-number", new RuleSetting(false, Severity.BLOCK));
        rules.put("tone-words", new RuleSetting(false, Severity.WARN));
        PolicyEngine engine = new PolicyEngine(new PolicySettings(rules, PolicyEngine.defaults().parameters()));
        assertThat(engine.check(Fixture.input(EVERYTHING_WRONG)).findings()).extracting(Finding::ruleId)
                .doesNotContain("nhs-number", "tone-words").contains("phone-number");
    }

    @Test
    void the_settings_decide_the_severity() {
        Map<String, RuleSetting> rules = new HashMap<>(PolicyEngine.defaults().rules());
        rules.put("tone-punctuation", new RuleSetting(true, Severity.BLOCK));
        rules.put("phone-number", new RuleSetting(true, Severity.WARN));
        PolicyEngine engine = new PolicyEngine(new PolicySettings(rules, PolicyEngine.defaults().parameters()));
        List<Finding> findings = engine.check(Fixture.input("Call 07700 900123 now!!!")).findings();
        assertThat(findings).extracting(Finding::ruleId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("phone-number", Severity.WARN),
                org.assertj.core.groups.Tuple.tuple("tone-punctuation", Severity.BLOCK));
    }

    @Test
    void rules_missing_from_the_settings_run_at_their_defaults_and_unknown_ids_are_ignored() {
        Map<String, RuleSetting> rules = Map.of("broadcast-only", new RuleSetting(true, Severity.INFO));
        PolicyEngine engine = new PolicyEngine(new PolicySettings(rules, PolicyEngine.defaults().parameters()));
        assertThat(engine.check(Fixture.input("NHS 943 476 5919")).findings()).extracting(Finding::ruleId)
                .containsExactly("nhs-number");
    }

    @Test
    void parameters_that_cannot_be_used_are_rejected_naming_them() {
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("length", Fixture.params().hospitalPattern("(").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hospitalNumberPattern is not a valid regular expression");
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("length", Fixture.params().capitals(0).build())))
                .hasMessageContaining("capitalsPercent");
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("length", Fixture.params().denied("").build())))
                .hasMessageContaining("deniedLinkDomains");
    }

    @Test
    void a_clean_post_has_no_findings() {
        PolicyEngine engine = new PolicyEngine(PolicyEngine.defaults());
        CheckResult result = engine.check(Fixture.input(
                "Our physiotherapy team is running a free back pain clinic on 12 March 2026. Book at"
                        + " https://www.example.nhs.uk/clinic #BackPain"));
        assertThat(result.findings()).isEmpty();
        assertThat(result.blocked()).isFalse();
        assertThat(result.validLength()).isTrue();
    }

    @Test
    void an_empty_post_has_no_findings_but_is_not_a_valid_length() {
        CheckResult result = new PolicyEngine(PolicyEngine.defaults()).check(Fixture.input(""));
        assertThat(result.findings()).isEmpty();
        assertThat(result.weightedLength()).isZero();
        assertThat(result.validLength()).isFalse();
    }

    // Pathological input must be checked completely, not give up or backtrack for minutes. How fast
    // it is measured in PolicyEngineBenchmark (-Pbench), not here: a timed unit test fails on a busy machine.
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"@a ", "#b ", "a.co ", "1 ", "9434765919 ", "a@b.co ",
        "DOB 12/03/1954 ", "s h a m b l e s ", "!?", "\uD83D\uDE00", "aaaaaaaaaa", "http://a.co/((((", "@", "#", ".", "0"})
    void a_post_of_25000_characters_of_repetitive_input_is_checked_completely(String unit) {
        PolicyEngine engine = new PolicyEngine(Fixture.onlyAllRules(Fixture.params()
                .bannedTerms("shambles", "fake news").hospitalPattern("RX\\d{7}").phones("0161 496 0000").build()));
        String text = unit.repeat(25_000 / unit.length() + 1).substring(0, 25_000);
        CheckResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> engine.check(Fixture.input(text)), "no catastrophic backtracking on " + unit);
        assertThat(result.findings()).noneMatch(f -> f.message().startsWith(PolicyEngine.COULD_NOT_CHECK));
    }
}
