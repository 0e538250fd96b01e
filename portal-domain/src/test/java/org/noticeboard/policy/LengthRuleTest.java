package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LengthRuleTest {

    private static final PolicyEngine ENGINE = new PolicyEngine(Fixture.only("length", Fixture.params().build()));

    private static CheckResult check(String text) {
        return ENGINE.check(Fixture.input(text));
    }

    @Test
    void two_hundred_and_eighty_characters_pass_and_one_more_is_blocked_with_the_excess_as_span() {
        String ok = "a".repeat(280);
        assertThat(check(ok).weightedLength()).isEqualTo(280);
        assertThat(check(ok).validLength()).isTrue();
        assertThat(check(ok).findings()).isEmpty();

        String tooLong = "a".repeat(279) + "bc";
        CheckResult result = check(tooLong);
        assertThat(result.weightedLength()).isEqualTo(281);
        assertThat(result.validLength()).isFalse();
        assertThat(result.blocked()).isTrue();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.span().of(tooLong)).isEqualTo("c");
            assertThat(f.message()).isEqualTo("This post is 281 characters as X counts them; the limit is 280: cut 1 characters.");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            https://www.example.nhs.uk/a/very/long/path/that/goes/on/and/on/for/ever  => 23
            See example.nhs.uk                                                        => 27
            😀                                                                        => 2
            👩🏽‍⚕️                                                                      => 2
            🇬🇧                                                                        => 2
            中文                                                                      => 4
            こんにちは                                                                 => 10
            café                                                                      => 4
            cafe\u0301                                                                => 4
            “quoted” — dash                                                           => 15
            '   '                                                                     => 0
            """)
    void the_weighted_length_counts_urls_as_23_and_emoji_and_cjk_as_2(String text, int expected) {
        assertThat(check(text).weightedLength()).isEqualTo(expected)
                .isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
    }

    @Test
    void the_span_of_an_over_long_post_starts_at_the_first_character_past_the_limit() {
        String text = "a".repeat(278) + "😀😀";
        CheckResult result = check(text);
        assertThat(result.weightedLength()).isEqualTo(282);
        assertThat(result.findings().get(0).span().of(text)).isEqualTo("😀");
        String withUrl = "a".repeat(260) + " https://example.com/x";
        assertThat(check(withUrl).weightedLength()).isEqualTo(284);
        assertThat(check(withUrl).findings().get(0).span().of(withUrl)).isEqualTo("https://example.com/x");
    }

    @Test
    void characters_x_refuses_are_blocked_even_in_a_short_post() {
        String text = "Hello\uFEFF there";
        CheckResult result = check(text);
        assertThat(result.validLength()).isFalse();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.span()).isEqualTo(new Span(5, 6));
            assertThat(f.message()).contains("U+FEFF");
        });
        assertThat(TwitterTextParser.parseTweet(text).isValid).isFalse();
    }

    @Test
    void the_result_lists_urls_mentions_and_hashtags_as_x_extracts_them() {
        String text = "Thanks @JaneMP and ＠bob_1 for #NHS75 see https://nhs.uk/x and www.gov.uk #a#b RT @c";
        CheckResult result = check(text);
        assertThat(result.mentions()).containsExactly("JaneMP", "bob_1", "c");
        assertThat(result.hashtags()).containsExactly("NHS75");
        assertThat(result.urls()).containsExactly("https://nhs.uk/x", "www.gov.uk");
        Extractor extractor = new Extractor();
        assertThat(result.mentions()).isEqualTo(extractor.extractMentionedScreennames(text));
        assertThat(result.hashtags()).isEqualTo(extractor.extractHashtags(text));
        assertThat(result.urls()).isEqualTo(extractor.extractURLs(text));
        assertThat(result.weightedLength()).isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
    }
}
