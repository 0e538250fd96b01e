package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            NHS no 943 476 5919 please                      => 943 476 5919
            943-476-5919                                    => 943-476-5919
            9434765919                                      => 9434765919
            His number is 943 476-5919.                     => 943 476-5919
            943476 5919                                     => 943476 5919
            (943 476 5919)                                  => 943 476 5919
            7074833789 and 776 232 8602                     => 7074833789|776 232 8602
            Patient 4273464683, ward 7                      => 4273464683
            Seen today: ６９５ ８９６ ９３５９                 => ６９５ ８９６ ９３５９
            943\u200B476\u200B5919                          => 943\u200B476\u200B5919
            943  476  5919                                  => 943  476  5919
            9434765918                                      =>
            Ref 943 476 5918 (a wrong check digit)          =>
            6648485060                                      =>
            6648485061                                      =>
            943 476 59190                                   =>
            19434765919                                     =>
            https://example.nhs.uk/records/9434765919       =>
            see example.nhs.uk/943-476-5919 for more        =>
            Order 1234567890 has shipped                    =>
            Call 0800 123 4567                              =>
            0101549504 is a CHI number, not an NHS number   =>
            94 34 76 59 19                                  =>
            943.476.5919                                    =>
            """)
    void finds_nhs_numbers_with_a_valid_check_digit(String text, @Nullable String spans) {
        assertThat(Fixture.spans("nhs-number", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void the_message_quotes_the_number_and_the_finding_blocks() {
        Finding finding = Fixture.findings("nhs-number", "NHS 943 476 5919").get(0);
        assertThat(finding.message()).isEqualTo("This looks like an NHS number (943 476 5919).");
        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.section()).isEqualTo(GuidanceSection.CONFIDENTIALITY);
        assertThat(finding.guidance()).contains("identify a patient");
    }

    @Test
    void the_check_digit_follows_the_modulus_11_scheme() {
        assertThat(Mod11.valid("9434765919")).isTrue();
        assertThat(Mod11.valid("9434765918")).isFalse();
        // remainder 0 gives check digit 11, written 0
        assertThat(Mod11.valid("4010232080")).isTrue();
        assertThat(Mod11.valid("4010232081")).isFalse();
        assertThat(Mod11.valid("123")).isFalse();
    }
}
