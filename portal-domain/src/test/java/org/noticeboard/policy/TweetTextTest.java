package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.Regex;
import com.twitter.twittertext.TldLists;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's faster way of running twitter-text gives twitter-text's answers. */
class TweetTextTest {

    private final Extractor extractor = new Extractor();

    @Test
    void the_grouped_url_expression_is_in_use_and_finds_every_top_level_domain_as_twitter_text_does() {
        assertThat(TweetText.URL).isNotSameAs(Regex.VALID_URL);
        List<String> tlds = new ArrayList<>(TldLists.GTLDS);
        tlds.addAll(TldLists.CTLDS);
        for (String tld : tlds) {
            String text = "see example." + tld + "/x, https://a.b." + tld + " and nhs." + tld + "x or t.co/ab." + tld;
            assertThat(urls(TweetText.urls(text))).as(tld).isEqualTo(extractor.extractURLs(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"#tag", "a#tag", "&#tag", "_#tag", "##tag", "#123", "#12a", "#tag#", "#tag://x", "#tagé",
        "é#tag", "#é", "ü#tag", "\uFE0F#tag", "#tag\u200Dx", "＃tag", "#_", "#a_1", "x #a#b #c", "𝐛#a", "#👍",
        "#tag\u0301", "https://x.com/#frag #real"})
    void hashtags_come_out_as_twitter_text_finds_them(String text) {
        List<TextEntity> found = TweetText.hashtags(text, TweetText.urls(text));
        assertThat(entities(found)).isEqualTo(twitter(extractor.extractHashtagsWithIndices(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@a", "x@a", "RT@a", "RT:@a", "xRT@a", "éRT@a", "@@a", "@a@b", "@a/list", "@a://",
        "＠a", "𝐛@a", "𝐛RT@a", "a @b_c d", "@abcdefghijklmnopqrstuvwxyz"})
    void mentions_come_out_as_twitter_text_finds_them(String text) {
        assertThat(entities(TweetText.mentions(text)))
                .isEqualTo(twitter(extractor.extractMentionedScreennamesWithIndices(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "👩🏽‍⚕️", "🇬🇧🇫🇷", "1️⃣", "#️⃣", "©️", "©", "❤️", "❤", "\uFE0F", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
        "a😀b", "👨‍👩‍👧‍👦", "✌🏿", "☺", "\uE50A"})
    void emoji_weigh_as_twitter_text_weighs_them(String text) {
        assertThat(TweetText.length(text, TweetText.urls(text)).weightedLength())
                .isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
    }

    private static List<String> urls(List<TextEntity> entities) {
        return entities.stream().map(TextEntity::value).toList();
    }

    private static List<String> entities(List<TextEntity> entities) {
        return entities.stream().map(e -> e.span().start() + ".." + e.span().end() + " " + e.value()).toList();
    }

    private static List<String> twitter(List<Extractor.Entity> entities) {
        return entities.stream().map(e -> e.getStart() + ".." + e.getEnd() + " " + e.getValue()).toList();
    }
}
