package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberRuleTest {

    private static final PolicyParameters PUBLISHED =
            Fixture.params().phones("0161 496 0000", "+44 20 7946 0018").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Call me on 07700 900123                    => 07700 900123
            +44 7700 900123                            => +44 7700 900123
            +447700900123                              => +447700900123
            07700900123.                               => 07700900123
            (020) 7946 0019                            => (020) 7946 0019
            020 7946 0019                              => 020 7946 0019
            0161 496 0001                              => 0161 496 0001
            0113-496-0123                              => 0113-496-0123
            Mobile: 07700-900-456                      => 07700-900-456
            Two: 07700 900123 or 07700 900456          => 07700 900123|07700 900456
            Ring +1 212 555 0100 in New York           => +1 212 555 0100
            ０７７００ ９００１２３                          => ０７７００ ９００１２３
            Our number is 0161 496 0000                =>
            Our number is 0161-496-0000                =>
            Our number is +44 161 496 0000             =>
            Our number is (020) 7946 0018              =>
            Our number is 02079460018                  =>
            Call NHS 111 or 999                        =>
            On 12/03/2026 at 10.30                     =>
            NHS 943 476 5919                           =>
            CHI 0101549504                             =>
            Order 2026 4571 dispatched                 =>
            Visit example.nhs.uk/07700900123           =>
            We saw 1200 patients in 2025               =>
            """)
    void finds_personal_phone_numbers_and_allows_the_published_ones(String text, @Nullable String spans) {
        assertThat(Fixture.spans("phone-number", PUBLISHED, text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void without_published_numbers_the_organisations_number_is_reported_too() {
        assertThat(Fixture.spans("phone-number", "Our number is 0161 496 0000")).containsExactly("0161 496 0000");
    }

    @Test
    void the_message_says_only_published_numbers_may_appear() {
        assertThat(Fixture.findings("phone-number", "Call 07700 900123").get(0).message())
                .isEqualTo("This looks like a personal phone number (07700 900123). Only the organisation's"
                        + " published numbers may appear in posts.");
    }
}
