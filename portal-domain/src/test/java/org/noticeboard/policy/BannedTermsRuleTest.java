package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BannedTermsRuleTest {

    private static final PolicyParameters TERMS =
            Fixture.params().bannedTerms("ass", "shambles", "crikey", "bloodbath", "fake news", " Postcode Lottery ").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            What a shambles                 => shambles
            What a SHAMBLES!                => SHAMBLES
            sh\u0430mbles                   => sh\u0430mbles
            \u0455h\u0430mbl\u0435\u0455    => \u0455h\u0430mbl\u0435\u0455
            SH\u0391MBLES                   => SH\u0391MBLES
            sham\u200Bbles                  => sham\u200Bbles
            sham\u00ADbles                  => sham\u00ADbles
            sham\u2060bl\uFE0Fes            => sham\u2060bl\uFE0Fes
            5h4mbl35                        => 5h4mbl35
            $hamble$                        => $hamble$
            s h a m b l e s                 => s h a m b l e s
            s.h.a.m.b.l.e.s.                => s.h.a.m.b.l.e.s
            s-h-a-m-b-l-e-s                 => s-h-a-m-b-l-e-s
            ｓｈａｍｂｌｅｓ                     => ｓｈａｍｂｌｅｓ
            \uD835\uDC2C\uD835\uDC21\uD835\uDC1A\uD835\uDC26\uD835\uDC1B\uD835\uDC25\uD835\uDC1E\uD835\uDC2C => \uD835\uDC2C\uD835\uDC21\uD835\uDC1A\uD835\uDC26\uD835\uDC1B\uD835\uDC25\uD835\uDC1E\uD835\uDC2C
            shambl\u00E9s                   => shambl\u00E9s
            shamble\u0301s                  => shamble\u0301s
            cr1key                          => cr1key
            b1oodbath                       => b1oodbath
            Cr!key                          => Cr!key
            Ass.                            => Ass
            @ss                             => @ss
            a$$                             => a$$
            a s s                           => a s s
            fake news                       => fake news
            FAKE    NEWS                    => FAKE    NEWS
            f4ke n3ws                       => f4ke n3ws
            postcode lottery                => postcode lottery
            shambles and crikey             => shambles|crikey
            class                           =>
            assessment                      =>
            passage                         =>
            glass and cl@ss                 =>
            Bass guitar                     =>
            shamblesque                     =>
            bloodbaths                      =>
            fakenews                        =>
            b a s s                         =>
            Plan a, s, or s                 =>
            """)
    void finds_banned_terms_however_they_are_disguised(String text, @Nullable String spans) {
        assertThat(Fixture.spans("banned-terms", TERMS, text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void phrases_match_across_line_breaks_and_the_span_covers_the_original_text() {
        String text = "This is fake\n\u00A0news.";
        assertThat(Fixture.spans("banned-terms", TERMS, text)).containsExactly("fake\n\u00A0news");
    }

    @Test
    void the_message_names_the_term_as_configured() {
        Finding finding = Fixture.findings("banned-terms", TERMS, "sh\u0430mbles").get(0);
        assertThat(finding.message()).isEqualTo("\"sh\u0430mbles\" is the banned term \"shambles\".");
        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.section()).isEqualTo(GuidanceSection.ORGANISATION_POLICY);
    }

    @Test
    void terms_written_with_look_alike_letters_are_folded_too() {
        PolicyParameters cyrillicTerm = Fixture.params().bannedTerms("\u0441rikey").build();
        assertThat(Fixture.spans("banned-terms", cyrillicTerm, "crikey")).containsExactly("crikey");
    }

    @Test
    void no_terms_no_findings() {
        assertThat(Fixture.findings("banned-terms", "shambles")).isEmpty();
    }
}
