package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            THIS IS A DISGRACE AND WE WILL NOT STAND FOR IT                     => THIS IS A DISGRACE AND WE WILL NOT STAND FOR IT
            STOP THIS NOW YOU ARE ALL LIARS                                     => STOP THIS NOW YOU ARE ALL LIARS
            '  WHY DOES NOBODY LISTEN TO US  '                                  => WHY DOES NOBODY LISTEN TO US
            Our NHS ICB and AHP teams met the CQC today to plan the winter      =>
            Great work from the A&E team at #NHSEnglandNorthEastAndYorkshire  =>
            Thanks @NHSENGLANDOFFICIAL and @UKHSAGOVUK for the visit today      =>
            SHORT CAPS POST                                                     =>
            Join our FREE clinic on Monday, all welcome                         =>
            Read more at HTTPS://EXAMPLE.NHS.UK/WINTER-VACCINES-2026 today      =>
            """)
    void capitals_warn_when_most_letters_shout(String text, @Nullable String spans) {
        assertThat(Fixture.spans("tone-capitals", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void the_capitals_threshold_comes_from_the_parameters() {
        String text = "Please READ THIS before your appointment";
        assertThat(Fixture.findings("tone-capitals", Fixture.params().capitals(60).build(), text)).isEmpty();
        assertThat(Fixture.findings("tone-capitals", Fixture.params().capitals(25).build(), text)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Unbelievable!!!                   => !!!
            Why???                            => ???
            Really?!?                         => ?!?
            What！！！                         => ！！！
            Seriously‼!                       => ‼!
            Great news! Come along!           =>
            Really?!                          =>
            """)
    void punctuation_warns_about_three_marks_in_a_row(String text, @Nullable String spans) {
        assertThat(Fixture.spans("tone-punctuation", text)).isEqualTo(Fixture.expected(spans));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            This decision is disgraceful              => disgraceful
            What a load of sh1t                       => sh1t
            These idiots again                        => idiots
            \u0456diots                               => \u0456diots
            Oh shut   up                              => shut   up
            You are a liar                            => liar
            p a t h e t i c                           => p a t h e t i c
            The F.U.C.K.                              => F.U.C.K
            Our class assessment was passed           =>
            Scunthorpe General Hospital               =>
            Shutting up shop at five                  =>
            We took bloods and did a finger prick     =>
            """)
    void words_warn_about_swearing_and_hostility(String text, @Nullable String spans) {
        assertThat(Fixture.spans("tone-words", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void the_organisation_adds_its_own_tone_words() {
        PolicyParameters params = Fixture.params().toneWords("numpties", "load of tosh").build();
        assertThat(Fixture.spans("tone-words", params, "What a load of tosh from these numpties"))
                .containsExactly("load of tosh", "numpties");
        assertThat(ToneWordsRule.BUILT_IN).contains("disgraceful", "idiots", "shut up", "pathetic", "liar");
    }

    @Test
    void tone_findings_warn_and_point_to_never_tweeting_angry() {
        Finding finding = Fixture.findings("tone-punctuation", "No!!!").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARN);
        assertThat(finding.section()).isEqualTo(GuidanceSection.NEVER_TWEET_ANGRY);
        assertThat(finding.guidance()).contains("step away");
    }
}
