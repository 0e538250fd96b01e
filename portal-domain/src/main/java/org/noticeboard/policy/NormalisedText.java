package org.noticeboard.policy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The post folded for matching words and numbers, with a map from every folded character back to
 * the stretch of the original text it came from.
 *
 * <p>Folding: compatibility decomposition (NFKD, which also does what NFKC does to fullwidth,
 * mathematical and ligature forms) with the combining marks dropped (so "bàd" reads "bad"),
 * invisible format characters (zero-width space and joiners, word joiner, soft hyphen, BOM,
 * direction marks), variation selectors and tag characters removed, Cyrillic, Greek, Armenian and
 * small-capital look-alikes turned into the Latin letters they imitate, lower case, and every run
 * of whitespace turned into one space. Digits and symbols stay as they are: leetspeak is resolved
 * by {@link TermMatcher}, which lets "1" stand for both "i" and "l".
 *
 * <p>Why by hand: ICU4J's spoof checker gives skeletons for comparing whole strings, not a folded
 * text with offsets to find words in, and no library keeps the map back to the original text.
 */
public final class NormalisedText {

    private final String folded;
    private final int[] starts;
    private final int[] ends;

    private NormalisedText(String folded, int[] starts, int[] ends) {
        this.folded = folded;
        this.starts = starts;
        this.ends = ends;
    }

    /** The folded text. */
    public String folded() {
        return folded;
    }

    /** The span of the original text that the folded characters {@code from} to {@code to} (exclusive) came from. */
    public Span originalSpan(int from, int to) {
        if (from >= to) {
            int at = from < starts.length ? starts[from] : (ends.length == 0 ? 0 : ends[ends.length - 1]);
            return new Span(at, at);
        }
        return new Span(starts[from], ends[to - 1]);
    }

    public int originalStart(int index) {
        return starts[index];
    }

    public int originalEnd(int index) {
        return ends[index];
    }

    public static NormalisedText of(String text) {
        int len = text.length();
        StringBuilder out = new StringBuilder(len);
        int[] starts = new int[len + 8];
        int[] ends = new int[len + 8];
        int n = 0;
        boolean inSpace = false;
        int i = 0;
        while (i < len) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint < 0x80 && codePoint != ' ' && !(codePoint >= '\t' && codePoint <= '\r')) {
                inSpace = false;
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                out.append((char) (codePoint >= 'A' && codePoint <= 'Z' ? codePoint + 32 : codePoint));
                starts[n] = i;
                ends[n++] = next;
            } else if (isSpace(codePoint)) {
                if (inSpace) {
                    ends[n - 1] = next;
                } else {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                        ends = Arrays.copyOf(ends, n * 2);
                    }
                    out.append(' ');
                    starts[n] = i;
                    ends[n++] = next;
                    inSpace = true;
                }
            } else if (isIgnorable(codePoint)) {
                // Invisible: belongs to whatever it sits in, so a span ending before it grows over it.
                if (n > 0 && ends[n - 1] == i) {
                    ends[n - 1] = next;
                }
            } else {
                String folded = fold(codePoint);
                if (folded.isEmpty()) {
                    if (n > 0 && ends[n - 1] == i) {
                        ends[n - 1] = next;
                    }
                } else {
                    inSpace = false;
                    for (int k = 0; k < folded.length(); k++) {
                        if (n == starts.length) {
                            starts = Arrays.copyOf(starts, n * 2);
                            ends = Arrays.copyOf(ends, n * 2);
                        }
                        out.append(folded.charAt(k));
                        starts[n] = i;
                        ends[n++] = next;
                    }
                }
            }
            i = next;
        }
        return new NormalisedText(out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Folds a short string (a configured term) the same way, without the offsets. */
    public static String fold(String text) {
        return of(text).folded().strip();
    }

    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    static boolean isIgnorable(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || codePoint == 0x180E
                || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    private static String fold(int codePoint) {
        char lookAlike = lookAlike(codePoint);
        if (lookAlike != 0) {
            return String.valueOf(lookAlike);
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        int i = 0;
        while (i < decomposed.length()) {
            int part = decomposed.codePointAt(i);
            i += Character.charCount(part);
            int type = Character.getType(part);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || isIgnorable(part)) {
                continue;
            }
            if (isSpace(part)) {
                out.append(' ');
                continue;
            }
            char partLookAlike = lookAlike(part);
            if (partLookAlike != 0) {
                out.append(partLookAlike);
            } else if (part == 0xDF || part == 0x1E9E) {
                out.append("ss");
            } else {
                out.append(Character.toString(part).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** The Latin letter a character imitates, or 0. */
    static char lookAlike(int codePoint) {
        return codePoint >= 0x100 && codePoint < LOOK_ALIKES.length ? LOOK_ALIKES[codePoint] : 0;
    }

    private static final char[] LOOK_ALIKES = new char[0x1E00];

    static {
        String[] pairs = {
            // Cyrillic capitals and small letters that look like Latin ones
            "АaВbЕeЅsІiЈjКkМmНhОoРpСcТtХxУyЁeЇiаaеeёeоoрpсcхxуyѕsіiїiјjһhԁdԛqԝwӏlкkмmнhтtпnгrвbьbъbԌgԍg",
            // Greek
            "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxαaβbεeιiκkνvοoρpτtυuχxγyωwϲcϳjΙiϜf",
            // Latin oddities NFKD leaves alone
            "ıiȷjɑaɡgɩiʟlɪiʀrʏyɴnʙbɢgʜhƖlǀlɒa",
            // Armenian
            "օoսuոnհhցgզqլl",
            // small capitals
            "ᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢz",
        };
        for (String list : pairs) {
            for (int i = 0; i + 1 < list.length(); i += 2) {
                char from = list.charAt(i);
                if (from < LOOK_ALIKES.length) {
                    LOOK_ALIKES[from] = list.charAt(i + 1);
                }
            }
        }
    }
}
