package org.noticeboard.policy;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One check's input together with what several rules need, worked out once per check: the URLs,
 * mentions and hashtags as X sees them (with their spans), the weighted length, and the folded
 * text for word and number matching (computed on first use).
 *
 * <p>Not thread-safe; the engine makes one per check.
 */
public final class CheckContext {

    private final CheckInput input;
    private final List<TextEntity> urls;
    private final List<TextEntity> mentions;
    private final List<TextEntity> hashtags;
    private final TweetText.Length length;
    private final boolean complete;
    private @Nullable NormalisedText normalised;
    private final Map<Object, Object> shared = new HashMap<>(4);

    public CheckContext(CheckInput input) {
        this.input = input;
        String text = input.text();
        List<TextEntity> u;
        List<TextEntity> m;
        List<TextEntity> h;
        TweetText.Length l;
        boolean ok = true;
        try {
            u = TweetText.urls(text);
            m = TweetText.mentions(text);
            h = TweetText.hashtags(text, u);
            l = TweetText.length(text, u);
        } catch (RuntimeException | StackOverflowError e) {
            // twitter-text's expressions recurse per character on some pathological tokens; the
            // rules still run, and the length rule says the count may be off.
            ok = false;
            u = List.of();
            m = List.of();
            h = List.of();
            l = TweetText.lengthWithoutEntities(text);
        }
        this.urls = u;
        this.mentions = m;
        this.hashtags = h;
        this.length = l;
        this.complete = ok;
    }

    /** False when X's way of reading the text could not be reproduced (links, mentions, hashtags are then missing). */
    public boolean complete() {
        return complete;
    }

    public CheckInput input() {
        return input;
    }

    public String text() {
        return input.text();
    }

    public ZonedDateTime publishTime() {
        return input.effectivePublishTime();
    }

    /** URLs in the order they appear; the value is the URL as written. */
    public List<TextEntity> urls() {
        return urls;
    }

    /** Mentions in order; the value is the screen name without "@", the span includes the "@". */
    public List<TextEntity> mentions() {
        return mentions;
    }

    /** Hashtags in order; the value is the tag without "#", the span includes the "#". */
    public List<TextEntity> hashtags() {
        return hashtags;
    }

    /** The length as X counts it (URLs 23, emoji and most non-Latin characters 2). */
    public int weightedLength() {
        return length.weightedLength();
    }

    /** Whether X accepts the text: not empty, not over 280, no characters it refuses. */
    public boolean validLength() {
        return length.valid();
    }

    /** Index of the first character past the 280 limit, or -1. */
    public int overflowStart() {
        return length.overflowStart();
    }

    /** Index of the first character X refuses (U+FEFF, U+FFFE, U+FFFF), or -1. */
    public int invalidCharacterAt() {
        return length.invalidCharAt();
    }

    /** The folded text with its map back to the original. */
    public NormalisedText normalised() {
        NormalisedText n = normalised;
        if (n == null) {
            n = NormalisedText.of(input.text());
            normalised = n;
        }
        return n;
    }

    /**
     * Something several rules work out from the text (the NHS and CHI rules share their ten-digit
     * candidates, say), computed by the first rule that asks, under a key the helper owns.
     */
    @SuppressWarnings("unchecked")
    <T> T shared(Object key, Function<CheckContext, T> compute) {
        Object value = shared.get(key);
        if (value == null) {
            value = compute.apply(this);
            shared.put(key, value);
        }
        return (T) value;
    }

    /** Whether the stretch overlaps a URL. */
    public boolean inUrl(int start, int end) {
        for (TextEntity url : urls) {
            if (url.span().start() < end && start < url.span().end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the stretch overlaps a URL, mention or hashtag. */
    public boolean inEntity(int start, int end) {
        return inUrl(start, end) || overlaps(mentions, start, end) || overlaps(hashtags, start, end);
    }

    private static boolean overlaps(List<TextEntity> entities, int start, int end) {
        for (TextEntity entity : entities) {
            if (entity.span().start() < end && start < entity.span().end()) {
                return true;
            }
        }
        return false;
    }
}
