package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateOfBirthRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            DOB 12/03/1954                                       => 12/03/1954
            DOB: 12-03-54                                        => 12-03-54
            D.O.B. 12.03.1954                                    => 12.03.1954
            d.o.b 12/3/1954                                      => 12/3/1954
            Date of birth: 12 March 1954                         => 12 March 1954
            Mrs Smith, born 12th March 1954, was discharged      => 12th March 1954
            She was born in Leeds on March 12th, 1954            => March 12th, 1954
            Happy birthday Doris! Born 1 Jan 1926                => 1 Jan 1926
            Jane Doe b. 3 Sept 1961                              => 3 Sept 1961
            12/03/1954 (DOB)                                     => 12/03/1954
            1954-03-12 date of birth                             => 1954-03-12
            birthdate 29/02/1952                                 => 29/02/1952
            DOB 03/25/1970                                       => 03/25/1970
            Birthday: 7 July 1948                                => 7 July 1948
            ＤＯＢ １２/０３/１９５４                                 => １２/０３/１９５４
            On 12 March 2026 we open the new ward                =>
            Clinic dates: 12/03/2026 and 19/03/2026              =>
            The NHS celebrates its 75th birthday on 5 July 2023  =>
            DOB 31/02/1954                                       =>
            DOB 13/13/1954 is not a date                         =>
            DOB 12/13/1954 is read month first                   => 12/13/1954
            Born to care. On 12 March 2026 we open               =>
            Our stubborn team met on 12/03/2026                  =>
            Version 1.2.3 was born                               =>
            DOB 12/03                                            =>
            """)
    void finds_dates_only_where_they_read_as_dates_of_birth(String text, @Nullable String spans) {
        assertThat(Fixture.spans("date-of-birth", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void a_line_break_between_cue_and_date_ends_the_sentence() {
        assertThat(Fixture.spans("date-of-birth", "We were all born to serve\n12/03/2026: open day")).isEmpty();
        assertThat(Fixture.spans("date-of-birth", "born 12/03/1954")).containsExactly("12/03/1954");
    }

    @Test
    void the_message_quotes_the_date() {
        assertThat(Fixture.findings("date-of-birth", "DOB 12/03/1954").get(0).message())
                .isEqualTo("This looks like a date of birth (12/03/1954).");
    }
}
