package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChiNumberRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            CHI 0101549504                          => 0101549504
            chi: 120354 6998                        => 120354 6998
            120354-6998                             => 120354-6998
            120 354 6998                            => 120 354 6998
            Born on a leap day: 2902007558          => 2902007558
            3112999479.                             => 3112999479
            1506870902 and 0505050544               => 1506870902|0505050544
            (0101549504)                            => 0101549504
            ０１０１５４９５０４                        => ０１０１５４９５０４
            0101\u200C549504                        => 0101\u200C549504
            0101549505                              =>
            1203546999                              =>
            2902007559                              =>
            3102547494                              =>
            0113545258                              =>
            2902019521                              =>
            01015495041                             =>
            https://example.scot/p/0101549504       =>
            9434765919                              =>
            Ring 0131 496 0000                      =>
            On 01/01/54 we                          =>
            010154                                  =>
            """)
    void finds_chi_numbers_that_start_with_a_date_and_carry_a_valid_check_digit(String text, @Nullable String spans) {
        assertThat(Fixture.spans("chi-number", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void a_chi_number_is_not_also_reported_as_an_nhs_number() {
        CheckResult result = new PolicyEngine(PolicyEngine.defaults()).check(Fixture.input("CHI 0101549504"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("chi-number");
        assertThat(result.findings().get(0).message()).isEqualTo("This looks like a Scottish CHI number (0101549504).");
    }

    @Test
    void leap_days_need_a_year_divisible_by_four() {
        assertThat(TenDigitNumbers.startsWithDate("2902000000")).isTrue();
        assertThat(TenDigitNumbers.startsWithDate("2902010000")).isFalse();
        assertThat(TenDigitNumbers.startsWithDate("3104990000")).isFalse();
        assertThat(TenDigitNumbers.startsWithDate("0000000000")).isFalse();
    }
}
