package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HospitalNumberRuleTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            RX[0-9]{7}               => Seen RX1234567 today                  => RX1234567
            RX[0-9]{7}               => seen rx1234567 today                  => rx1234567
            RX[0-9]{7}               => RX1234567 and RX7654321               => RX1234567|RX7654321
            RX[0-9]{7}               => RX123456 is too short                 =>
            RX[0-9]{7}               => https://example.nhs.uk/RX1234567      =>
            RX[0-9]{7}               => No number here                        =>
            \\bK\\d{6}\\b            => MRN K123456.                          => K123456
            \\bK\\d{6}\\b            => MRN XK123456                          =>
            \\bK\\d{6}\\b            => K1234567                              =>
            [A-Z]{3}\\d{5}           => case note ABC12345                    => ABC12345
            [A-Z]{3}\\d{5}           => case note abc12345                    => abc12345
            [A-Z]{3}\\d{5}           => case note AB12345                     =>
            H\\d{2}-\\d{4}           => H12-3456 and H123456                  => H12-3456
            H\\d{2}-\\d{4}           => H12-345                               =>
            \\d{8}                   => Hospital no. 12345678                 => 12345678
            \\d{8}                   => visit example.org/12345678 please     =>
            \\d{8}                   => 1234567                               =>
            (?:RX|RY)\\d{6}          => RY654321 moved to RX123456            => RY654321|RX123456
            (?:RX|RY)\\d{6}          => RZ654321                              =>
            \\d*                     => empty matches are not reported         =>
            """)
    void finds_the_organisations_hospital_numbers_outside_links(String pattern, String text, @Nullable String spans) {
        PolicyParameters parameters = Fixture.params().hospitalPattern(pattern).build();
        assertThat(Fixture.spans("hospital-number", parameters, text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void without_a_pattern_the_rule_finds_nothing() {
        assertThat(Fixture.findings("hospital-number", "RX1234567 12345678")).isEmpty();
    }

    @Test
    void an_invalid_pattern_is_rejected_with_the_parameter_named() {
        PolicyParameters parameters = Fixture.params().hospitalPattern("RX[0-9").build();
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("hospital-number", parameters)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hospitalNumberPattern");
        // also when the rule is switched off: a bad value is reported when the policy is saved
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("length", parameters)))
                .hasMessageContaining("hospitalNumberPattern");
    }

    @Test
    void a_pattern_that_backtracks_catastrophically_is_stopped_and_reported() {
        PolicyParameters parameters = Fixture.params().hospitalPattern("(a+)+b").build();
        String text = "a".repeat(5_000);
        long start = System.nanoTime();
        List<Finding> findings = Fixture.findings("hospital-number", parameters, text);
        // stopped by the rule's own time budget, not left running for minutes (generous: CI machines are busy)
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.span()).isNull();
            assertThat(f.message()).contains("could not finish");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        });
    }
}
