package org.noticeboard.policy;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.Regex;
import com.twitter.twittertext.TldLists;
import com.twitter.twittertext.TwitterTextEmojiRegex;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What twitter-text 3.1 says about a post (its URLs, mentions, hashtags and weighted length),
 * computed with twitter-text's own regular expressions but only where they can match.
 *
 * <p>Why not call {@code TwitterTextParser.parseTweet} and {@code Extractor}: on the JDK their
 * regular expressions are tried at every position of the text, and the emoji expression alone
 * (thousands of alternatives) costs about 250 µs for a 280-character post, five times the whole
 * engine's budget. Each method below runs the same expression only at the positions where a match
 * can start (next to an "@", a "#", in a whitespace-delimited token that contains ".x", or at a
 * possible emoji) with transparent, non-anchoring bounds, so it finds exactly the matches that
 * {@code Matcher.find()} over the whole text would find. The property tests compare the results
 * with twitter-text itself on arbitrary text.
 */
final class TweetText {

    static final int MAX_WEIGHTED_LENGTH = CheckResult.MAX_WEIGHTED_LENGTH;
    // twitter-text v3 configuration: weights are scaled by 100; a URL always counts 23.
    private static final int SCALE = 100;
    private static final int DEFAULT_WEIGHT = 200;
    private static final int LIGHT_WEIGHT = 100;
    private static final int URL_WEIGHT = 23 * SCALE;
    private static final int MAX_SCALED = MAX_WEIGHTED_LENGTH * SCALE;

    /**
     * twitter-text's URL expression with its two top-level-domain alternations (about 1,500 and 300
     * names, tried one after another at every candidate domain) grouped by their first two
     * characters. Names in different groups cannot both match at one position, and within a group
     * the original order is kept, so the expression matches exactly what the original matches, in
     * about a tenth of the time. If a future twitter-text builds its expression differently, the
     * original is used.
     */
    static final Pattern URL = fasterUrlPattern();

    private TweetText() {}

    private static Pattern fasterUrlPattern() {
        String original = Regex.VALID_URL.pattern();
        String faster = original;
        for (List<String> tlds : List.of(TldLists.GTLDS, TldLists.CTLDS)) {
            String alternation = "(?:(?:" + String.join("|", tlds) + ")(?=[^a-z0-9@+-]|$))";
            String grouped = "(?:" + grouped(tlds, 0) + "(?=[^a-z0-9@+-]|$))";
            if (!faster.contains(alternation)) {
                return Regex.VALID_URL;
            }
            faster = faster.replace(alternation, grouped);
        }
        return Pattern.compile(faster, Regex.VALID_URL.flags());
    }

    /**
     * The names (which share their first {@code depth} code points, already written) as an
     * alternation grouped by the next two code points, keeping their order within each group.
     */
    private static String grouped(List<String> names, int depth) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (String name : names) {
            if (depth >= 2 || names.size() <= 4 || name.codePointCount(0, name.length()) <= depth) {
                return plain(names, depth);
            }
            groups.computeIfAbsent(name.codePointAt(name.offsetByCodePoints(0, depth)), k -> new ArrayList<>())
                    .add(name);
        }
        StringBuilder out = new StringBuilder("(?:");
        for (Map.Entry<Integer, List<String>> group : groups.entrySet()) {
            if (out.length() > 3) {
                out.append('|');
            }
            out.appendCodePoint(group.getKey()).append(grouped(group.getValue(), depth + 1));
        }
        return out.append(')').toString();
    }

    private static String plain(List<String> names, int depth) {
        List<String> rests = new ArrayList<>(names.size());
        for (String name : names) {
            rests.add(name.substring(name.offsetByCodePoints(0, depth)));
        }
        return "(?:" + String.join("|", rests) + ")";
    }

    /** The weighted length, whether X accepts it, and where the text first goes over the limit. */
    record Length(int weightedLength, boolean valid, int overflowStart, int invalidCharAt) {}

    static boolean isLightWeight(int codePoint) {
        return codePoint <= 4351
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
    }

    /**
     * Mirrors {@code TwitterTextParser.parseTweet}: the count runs over the NFC form of the text,
     * with the URLs found in that form. {@code overflowStart} is the index (in the original text)
     * of the first character that takes the count over 280, or -1; {@code invalidCharAt} is the
     * index of the first character X refuses (U+FEFF, U+FFFE, U+FFFF), or -1.
     */
    static Length length(String text, List<TextEntity> urlsOfText) {
        return length(text, urlsOfText, true);
    }

    /** The length counting every character on its own, for when the expressions fail on a text. */
    static Length lengthWithoutEntities(String text) {
        return length(text, List.of(), false);
    }

    private static Length length(String text, List<TextEntity> urlsOfText, boolean entities) {
        if (text.trim().isEmpty()) {
            return new Length(0, false, -1, -1);
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        List<TextEntity> urls = nfc == text || !entities ? urlsOfText : urls(nfc);
        int[] emojiLengths = entities ? emojiLengths(nfc) : null;
        int len = nfc.length();
        int weighted = 0;
        int offset = 0;
        int urlIndex = 0;
        int overflow = -1;
        int invalid = -1;
        while (offset < len) {
            while (urlIndex < urls.size() && urls.get(urlIndex).span().start() < offset) {
                urlIndex++;
            }
            if (urlIndex < urls.size() && urls.get(urlIndex).span().start() == offset) {
                Span url = urls.get(urlIndex).span();
                weighted += URL_WEIGHT;
                if (overflow < 0 && weighted > MAX_SCALED) {
                    overflow = offset;
                }
                offset = url.end();
                urlIndex++;
            }
            if (offset < len) {
                int codePoint = nfc.codePointAt(offset);
                int emojiLength = emojiLengths == null ? 0 : emojiLengths[offset];
                int weight = emojiLength > 0 || !isLightWeight(codePoint) ? DEFAULT_WEIGHT : LIGHT_WEIGHT;
                weighted += weight;
                char c = nfc.charAt(offset);
                if (invalid < 0 && (c == '\uFFFE' || c == '\uFEFF' || c == '\uFFFF')) {
                    invalid = offset;
                }
                if (overflow < 0 && weighted > MAX_SCALED) {
                    overflow = offset;
                }
                offset += emojiLength > 0 ? emojiLength : Character.charCount(codePoint);
            }
        }
        int weightedLength = weighted / SCALE;
        // twitter-text maps NFC offsets back by the difference in length; so do we, within bounds.
        int shift = text.length() - len;
        return new Length(weightedLength, invalid < 0 && weightedLength <= MAX_WEIGHTED_LENGTH,
                toOriginal(text, overflow, shift), toOriginal(text, invalid, shift));
    }

    private static int toOriginal(String text, int nfcOffset, int shift) {
        if (nfcOffset < 0) {
            return -1;
        }
        int offset = Math.max(0, Math.min(text.length(), nfcOffset + shift));
        if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                && Character.isHighSurrogate(text.charAt(offset - 1))) {
            offset--;
        }
        return offset;
    }

    /** Length of the emoji starting at each index (0 where none starts), or null if there is none. */
    static int @Nullable [] emojiLengths(String text) {
        int len = text.length();
        int[] lengths = null;
        Matcher matcher = null;
        int offset = 0;
        while (offset < len) {
            int codePoint = text.codePointAt(offset);
            int step = Character.charCount(codePoint);
            if (mayStartEmoji(text, offset, codePoint)) {
                if (matcher == null) {
                    matcher = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
                    matcher.useTransparentBounds(true).useAnchoringBounds(false);
                }
                matcher.region(offset, len);
                if (matcher.lookingAt() && matcher.end() > offset) {
                    if (lengths == null) {
                        lengths = new int[len];
                    }
                    lengths[offset] = matcher.end() - offset;
                    step = matcher.end() - offset;
                }
            }
            offset += step;
        }
        return lengths;
    }

    /*
     * Checked against every code point (alone and followed by U+FE0F, U+20E3 or U+200D): the emoji
     * expression matches only at code points with the Emoji property, plus U+FE0F and U+E50A, and
     * below U+2000 only when a variation selector, keycap or joiner follows.
     */
    private static boolean mayStartEmoji(String text, int offset, int codePoint) {
        if (codePoint == 0xFE0F || codePoint == 0xE50A) {
            return true;
        }
        if (!Character.isEmoji(codePoint)) {
            return false;
        }
        if (codePoint >= 0x2000) {
            return true;
        }
        int next = offset + 1;
        if (next >= text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return c == '\uFE0F' || c == '\u20E3' || c == '\u200D' || c == '\uFE0E';
    }

    /** {@code Extractor.extractURLsWithIndices}, run only on tokens that contain "." and a letter after it. */
    static List<TextEntity> urls(String text) {
        if (text.indexOf('.') < 0) {
            return List.of();
        }
        List<TextEntity> urls = new ArrayList<>(2);
        Matcher matcher = null;
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && isUrlBreak(text.charAt(i))) {
                i++;
            }
            int tokenStart = i;
            boolean candidate = false;
            while (i < len && !isUrlBreak(text.charAt(i))) {
                if (text.charAt(i) == '.' && i + 1 < len && Character.isLetter(text.codePointAt(i + 1))) {
                    candidate = true;
                }
                i++;
            }
            if (!candidate) {
                continue;
            }
            if (matcher == null) {
                matcher = URL.matcher(text);
                matcher.useTransparentBounds(true).useAnchoringBounds(false);
            }
            // The character before the token is where the expression's "preceding character" lies;
            // "^" still matches at index 0 without anchoring bounds.
            matcher.region(Math.max(0, tokenStart - 1), i);
            while (matcher.find()) {
                addUrl(matcher, urls);
            }
        }
        return urls;
    }

    // No character class of the URL expression admits ASCII whitespace or Unicode separators (Z*).
    private static boolean isUrlBreak(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || Character.isSpaceChar(c);
    }

    private static void addUrl(Matcher matcher, List<TextEntity> urls) {
        String protocol = matcher.group(Regex.VALID_URL_GROUP_PROTOCOL);
        if (protocol == null || protocol.isEmpty()) {
            String before = matcher.group(Regex.VALID_URL_GROUP_BEFORE);
            if (Regex.INVALID_URL_WITHOUT_PROTOCOL_MATCH_BEGIN.matcher(before).matches()) {
                return;
            }
        }
        String url = matcher.group(Regex.VALID_URL_GROUP_URL);
        int start = matcher.start(Regex.VALID_URL_GROUP_URL);
        int end = matcher.end(Regex.VALID_URL_GROUP_URL);
        Matcher tco = Regex.VALID_TCO_URL.matcher(url);
        if (tco.find()) {
            if (tco.group(1).length() > Extractor.MAX_TCO_SLUG_LENGTH) {
                return;
            }
            url = tco.group(0);
            end = start + url.length();
        }
        String host = matcher.group(Regex.VALID_URL_GROUP_DOMAIN);
        if (Extractor.isValidHostAndLength(url.length(), protocol, host)) {
            urls.add(new TextEntity(new Span(start, end), url));
        }
    }

    /** {@code Extractor.extractMentionedScreennamesWithIndices}, tried only just before each "@". */
    static List<TextEntity> mentions(String text) {
        int len = text.length();
        int at = nextOf(text, 0, '@', '\uFF20');
        if (at < 0) {
            return List.of();
        }
        List<TextEntity> mentions = new ArrayList<>(2);
        Matcher matcher = Regex.VALID_MENTION_OR_LIST.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        Matcher invalidEnd = Regex.INVALID_MENTION_MATCH_END.matcher(text);
        int searchedTo = 0; // every start below this has been tried or lies inside a match
        while (at >= 0) {
            // The expression's prefix ("RT:" after a separator at most) is at most four code points.
            // Like Matcher.find() on a pattern with supplementary characters, never start inside a pair.
            int windowStart = at;
            for (int k = 0; k < 4 && windowStart > 0; k++) {
                windowStart = text.offsetByCodePoints(windowStart, -1);
            }
            for (int start = Math.max(searchedTo, windowStart); start <= at;
                    start += Character.charCount(text.codePointAt(start))) {
                if (insidePair(text, start)) {
                    continue;
                }
                matcher.region(start, len);
                if (matcher.lookingAt()) {
                    int end = matcher.end();
                    invalidEnd.region(end, len);
                    if (!invalidEnd.lookingAt()
                            && matcher.group(Regex.VALID_MENTION_OR_LIST_GROUP_LIST) == null) {
                        int nameStart = matcher.start(Regex.VALID_MENTION_OR_LIST_GROUP_USERNAME);
                        mentions.add(new TextEntity(new Span(nameStart - 1, end),
                                matcher.group(Regex.VALID_MENTION_OR_LIST_GROUP_USERNAME)));
                    }
                    searchedTo = end;
                    break;
                }
                searchedTo = start + Character.charCount(text.codePointAt(start));
            }
            at = nextOf(text, Math.max(at + 1, searchedTo), '@', '\uFF20');
        }
        return mentions;
    }

    /**
     * {@code Extractor.extractHashtagsWithIndices}: tried only at the character before each "#"
     * (or at the start), then hashtags overlapping a URL are dropped as twitter-text drops them.
     */
    static List<TextEntity> hashtags(String text, List<TextEntity> urls) {
        int len = text.length();
        int hash = nextOf(text, 0, '#', '\uFF03');
        if (hash < 0) {
            return List.of();
        }
        List<TextEntity> hashtags = new ArrayList<>(2);
        Matcher matcher = Regex.VALID_HASHTAG.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int searchedTo = 0;
        while (hash >= 0) {
            int start = hash == 0 ? 0 : text.offsetByCodePoints(hash, -1);
            if (start >= searchedTo) {
                int end = asciiHashtagEnd(text, hash);
                int sign = hash;
                if (end == SLOW) {
                    matcher.region(start, len);
                    end = matcher.lookingAt() ? matcher.end() : NONE;
                    sign = end == NONE ? hash : matcher.start(Regex.VALID_HASHTAG_GROUP_HASH);
                }
                if (end != NONE) {
                    if (!(text.startsWith("#", end) || text.startsWith("\uFF03", end) || text.startsWith("://", end))) {
                        hashtags.add(new TextEntity(new Span(sign, end), text.substring(sign + 1, end)));
                    }
                    searchedTo = end;
                }
            }
            hash = nextOf(text, hash + 1, '#', '\uFF03');
        }
        return urls.isEmpty() ? hashtags : withoutUrlOverlaps(hashtags, urls);
    }

    private static final int NONE = -1;
    private static final int SLOW = -2;

    /*
     * The hashtag expression spends most of its time in character classes of thousands of ranges.
     * When everything it looks at is ASCII, its answer is plain: the character before "#" must not
     * be "&", a letter, digit or "_"; the tag is the run of ASCII letters, digits and "_" after it,
     * which must hold a letter. Returns the end of the match, NONE, or SLOW when the expression must
     * decide (a non-ASCII character before, in or after the run).
     */
    private static int asciiHashtagEnd(String text, int hash) {
        if (hash > 0) {
            char before = text.charAt(hash - 1);
            if (before >= 0x80) {
                return SLOW;
            }
            if (before == '&' || isAsciiWordChar(before)) {
                return NONE;
            }
        }
        int end = hash + 1;
        boolean letter = false;
        while (end < text.length() && isAsciiWordChar(text.charAt(end))) {
            letter |= Character.isLetter(text.charAt(end));
            end++;
        }
        if (end < text.length() && text.charAt(end) >= 0x80) {
            return SLOW;
        }
        return letter ? end : NONE;
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    // twitter-text sorts hashtags then URLs by start (stably) and drops each entity that starts
    // before the previous kept one ends.
    private static List<TextEntity> withoutUrlOverlaps(List<TextEntity> hashtags, List<TextEntity> urls) {
        List<TextEntity> kept = new ArrayList<>(hashtags.size());
        int h = 0;
        int u = 0;
        int previousEnd = -1;
        while (h < hashtags.size() || u < urls.size()) {
            boolean takeHashtag = u >= urls.size()
                    || (h < hashtags.size() && hashtags.get(h).span().start() <= urls.get(u).span().start());
            TextEntity entity = takeHashtag ? hashtags.get(h++) : urls.get(u++);
            if (previousEnd > entity.span().start()) {
                continue;
            }
            previousEnd = entity.span().end();
            if (takeHashtag) {
                kept.add(entity);
            }
        }
        return kept;
    }

    private static boolean insidePair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1));
    }

    private static int nextOf(String text, int from, char a, char b) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
