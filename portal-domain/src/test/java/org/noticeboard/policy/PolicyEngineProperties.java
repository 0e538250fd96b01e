package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over arbitrary text: the engine never throws and keeps its promises about spans and
 * order, within {@link org.noticeboard.testing.Bounded}'s time and memory bounds for the text's size
 * (texts up to 10,000 characters, hostile ones included); and its own twitter-text counting and
 * extraction agree with twitter-text's.
 */
class PolicyEngineProperties {

    private static final ZonedDateTime PUBLISH = ZonedDateTime.of(2026, 4, 18, 21, 15, 0, 0, Fixture.LONDON);

    private static final PolicyEngine ENGINE = new PolicyEngine(Fixture.onlyAllRules(Fixture.params()
            .bannedTerms("shambles", "fake news", "ass", "crikey", "b@d", "postcode lottery", "1l1l")
            .allowed("nhs.uk", "gov.uk")
            .denied("dailyrag.co.uk")
            .phones("0161 496 0000", "+44 20 7946 0018")
            .emails("enquiries@example.nhs.uk")
            .hospitalPattern("RX\\d{7}|\\bK\\d{6}\\b")
            .hours(LocalTime.of(8, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))
            .preElection(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 7), "@JaneMP", "Jane Smith", "Green Party")
            .capitals(60)
            .toneWords("numpties", "load of tosh")
            .build()));

    private static final List<String> TOKENS = List.of(
            " ", " ", " ", "\n", "\t", "\u00A0", "\u3000", "a", "B", "z", "the", "NHS", "ward", "shambles", "sh\u0430mbles",
            "s h a m b l e s", "f4ke n3ws", "fake", "news", "class", "ass", "@", "@JaneMP", "＠", "#", "＃", "#tag",
            "#mentalhealthawareness", ".", ",", ":", "/", "-", "!", "?", "！", "‼", "(", ")", "[at]", "[dot]", "0", "1",
            "7", "9", "943 476 5919", "9434765919", "0101549504", "07700 900123", "+44", "(020) 7946 0018", "12/03/1954",
            "DOB", "born", "12 March 1954", "RX1234567", "jane@example.com", "http://", "https://", "www.", "nhs.uk",
            "bit.ly/x", "example.com", ".co.uk", "t.co/abc", "😀", "👩🏽‍⚕️", "🇬🇧", "1️⃣", "\u20E3", "\uFE0F", "\u200B",
            "\u200D", "\uFEFF", "\u00AD", "\u0301", "\u0308", "\uD800", "\uDC00", "中文", "ＡＢＣ", "１２３", "𝐛𝐚𝐝",
            "RT", "RT:", "Jane Smith", "GREEN PARTY", "SHOUTING IN CAPITALS", "\u202E", "ß", "İ", "ﬁ", "Ⓐ", "\u0000");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(1_500).map(list -> cut(String.join("", list)));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(10_000);
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(2_000);
        Arbitrary<String> dense = Arbitraries.strings()
                .withChars("@#＠＃0123456789 .:/-_!?aAbBsS$\u200B\u200D\u0301\uFE0F\u20E3\uD83D\uDE00htpw")
                .ofMaxLength(10_000);
        Arbitrary<String> mixed = Arbitraries.oneOf(tokens, anyChars, bmp, dense).list().ofMaxSize(4)
                .map(list -> cut(String.join("", list)));
        // jqwik favours short strings; make sure long ones come up too
        Arbitrary<String> long_ = Arbitraries.of(TOKENS).list().ofMinSize(1_000).ofMaxSize(3_000)
                .map(list -> cut(String.join("", list)));
        return Arbitraries.oneOf(tokens, anyChars, dense, mixed, long_);
    }

    @Property(tries = 200)
    void check_never_throws_keeps_spans_inside_the_text_and_orders_findings(@ForAll("texts") String text) {
        CheckInput input = new CheckInput(text, List.of(new ImageInput("a.png", null)), PUBLISH, Fixture.NOW, false);
        CheckResult result = org.noticeboard.testing.Bounded.call(2L * text.length(), () -> ENGINE.check(input));
        Integer previousStart = null;
        boolean sawWholePost = false;
        for (Finding finding : result.findings()) {
            assertThat(finding.message()).doesNotStartWith(PolicyEngine.COULD_NOT_CHECK);
            Span span = finding.span();
            if (span == null) {
                sawWholePost = true;
                continue;
            }
            assertThat(sawWholePost).as("whole-post findings come last").isFalse();
            assertThat(span.start()).isBetween(0, text.length());
            assertThat(span.end()).isBetween(span.start(), text.length());
            if (previousStart != null) {
                assertThat(span.start()).isGreaterThanOrEqualTo(previousStart);
            }
            previousStart = span.start();
        }
    }

    @Property(tries = 200)
    void counting_and_extraction_agree_with_twitter_text(@ForAll("shortTexts") String text) {
        Extractor extractor = new Extractor();
        assertThat(entities(TweetText.urls(text))).isEqualTo(twitter(extractor.extractURLsWithIndices(text)));
        assertThat(entities(TweetText.mentions(text)))
                .isEqualTo(twitter(extractor.extractMentionedScreennamesWithIndices(text)));
        assertThat(entities(TweetText.hashtags(text, TweetText.urls(text))))
                .isEqualTo(twitter(extractor.extractHashtagsWithIndices(text)));
        TwitterTextParseResults expected = TwitterTextParser.parseTweet(text);
        TweetText.Length length = TweetText.length(text, TweetText.urls(text));
        assertThat(length.weightedLength()).isEqualTo(expected.weightedLength);
        assertThat(length.valid()).isEqualTo(expected.isValid);
    }

    @Provide
    Arbitrary<String> shortTexts() {
        return texts().map(text -> text.length() > 1_500 ? cut(text.substring(0, 1_500)) : text);
    }

    private static String cut(String text) {
        return text.length() > 10_000 ? text.substring(0, 10_000) : text;
    }

    private static List<String> entities(List<TextEntity> entities) {
        List<String> out = new ArrayList<>();
        for (TextEntity e : entities) {
            out.add(e.span().start() + ".." + e.span().end() + " " + e.value());
        }
        return out;
    }

    private static List<String> twitter(List<Extractor.Entity> entities) {
        List<String> out = new ArrayList<>();
        for (Extractor.Entity e : entities) {
            out.add(e.getStart() + ".." + e.getEnd() + " " + e.getValue());
        }
        return out;
    }
}
