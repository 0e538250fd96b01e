package org.noticeboard.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds whole-word occurrences of many terms in a {@link NormalisedText} in one pass over a trie.
 *
 * <p>Leetspeak is resolved here rather than in the folding because one character can stand for two
 * letters ("1" for "i" and "l", "!" and "|" likewise): the walk simply follows every letter a
 * character may stand for. Digits and these symbols still count as themselves, so a term that
 * contains digits matches too.
 *
 * <p>A match must not touch a letter or digit on either side, so "ass" never matches in "class" or
 * "assessment"; spaces in a term match any run of whitespace. Single-word terms of three letters or
 * more are also found spelt out one character at a time ("b a d", "b.a.d", "b-a-d"), but only where
 * every character stands alone between separators, which ordinary words never do, and the match
 * is the whole run or borders only the one-letter words "a" and "I".
 */
final class TermMatcher {

    /** A match in folded indices; {@code term} is the term as it was configured. */
    record Match(int start, int end, String term) {}

    private static final int MIN_SPACED_LETTERS = 3;
    private static final int MAX_GAP = 3;

    private final Node root = new Node();
    private final Node spacedRoot = new Node();
    private final boolean empty;

    private TermMatcher(Collection<String> terms) {
        boolean any = false;
        for (String term : terms) {
            String folded = NormalisedText.fold(term);
            if (folded.isEmpty()) {
                continue;
            }
            any = true;
            root.add(folded, term.strip());
            if (folded.indexOf(' ') < 0 && folded.length() >= MIN_SPACED_LETTERS) {
                spacedRoot.add(folded, term.strip());
            }
        }
        empty = !any;
    }

    static TermMatcher of(Collection<String> terms) {
        return new TermMatcher(terms);
    }

    boolean isEmpty() {
        return empty;
    }

    List<Match> find(String text) {
        if (empty) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        findWhole(text, matches);
        findSpelledOut(text, matches);
        if (matches.size() > 1) {
            matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
        return matches;
    }

    private void findWhole(String text, List<Match> matches) {
        int n = text.length();
        Best best = new Best();
        int start = 0;
        while (start < n) {
            if (start == 0 || !isWordChar(text.charAt(start - 1))) {
                best.end = -1;
                walk(root, text, start, start, best, false);
                if (best.end > start && best.term != null) {
                    matches.add(new Match(start, best.end, best.term));
                    start = best.end;
                    continue;
                }
            }
            start++;
        }
    }

    private void findSpelledOut(String text, List<Match> matches) {
        if (spacedRoot.isLeaf()) {
            return;
        }
        int[] positions = new int[8];
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!isStandAlone(text, i)) {
                continue;
            }
            if (count > 0 && !gapIsSeparators(text, positions[count - 1] + 1, i)) {
                if (count >= MIN_SPACED_LETTERS) {
                    matchRun(text, positions, count, matches);
                }
                count = 0;
            }
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = i;
        }
        if (count >= MIN_SPACED_LETTERS) {
            matchRun(text, positions, count, matches);
        }
    }

    private void matchRun(String text, int[] positions, int count, List<Match> matches) {
        StringBuilder letters = new StringBuilder(count);
        for (int k = 0; k < count; k++) {
            letters.append(text.charAt(positions[k]));
        }
        String run = letters.toString();
        Best best = new Best();
        int start = 0;
        while (start < count) {
            best.end = -1;
            if (start == 0 || isOneLetterWord(run.charAt(start - 1))) {
                walk(spacedRoot, run, start, start, best, true);
            }
            if (best.end >= start + MIN_SPACED_LETTERS && best.term != null) {
                matches.add(new Match(positions[start], positions[best.end - 1] + 1, best.term));
                start = best.end;
            } else {
                start++;
            }
        }
    }

    // Inside a run of spelt-out letters a match may only sit next to "a" or "I", which are words on
    // their own ("you are a b a d person"); "b a s s" does not contain "a s s".
    private static boolean isOneLetterWord(char c) {
        return c == 'a' || c == 'i';
    }

    private static final class Best {
        int end = -1;
        @Nullable String term;
    }

    private static void walk(Node node, String text, int start, int pos, Best best, boolean spelled) {
        if (node.term != null && pos > start && pos > best.end && endsHere(text, pos, spelled)) {
            best.end = pos;
            best.term = node.term;
        }
        if (pos >= text.length()) {
            return;
        }
        char c = text.charAt(pos);
        Node child = node.child(c);
        if (child != null) {
            walk(child, text, start, pos + 1, best, spelled);
        }
        String stands = standsFor(c);
        for (int k = 0; k < stands.length(); k++) {
            Node alt = node.child(stands.charAt(k));
            if (alt != null) {
                walk(alt, text, start, pos + 1, best, spelled);
            }
        }
    }

    private static boolean endsHere(String text, int pos, boolean spelled) {
        if (pos == text.length()) {
            return true;
        }
        char next = text.charAt(pos);
        return spelled ? isOneLetterWord(next) : !isWordChar(next);
    }

    /** The letters a digit or symbol is used for in leetspeak. */
    static String standsFor(char c) {
        return switch (c) {
            case '0' -> "o";
            case '1', '!', '|' -> "il";
            case '3', '\u20AC' -> "e";
            case '4', '@' -> "a";
            case '5', '$' -> "s";
            case '7' -> "t";
            case '8' -> "b";
            case '9' -> "g";
            default -> "";
        };
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isTokenChar(char c) {
        return isWordChar(c) || !standsFor(c).isEmpty();
    }

    private static boolean isStandAlone(String text, int i) {
        return isTokenChar(text.charAt(i))
                && (i == 0 || !isTokenChar(text.charAt(i - 1)))
                && (i + 1 == text.length() || !isTokenChar(text.charAt(i + 1)));
    }

    private static boolean gapIsSeparators(String text, int from, int to) {
        if (to - from < 1 || to - from > MAX_GAP) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '.' && c != '-' && c != '_' && c != '*' && c != '\u00B7' && c != ','
                    && c != '/' && c != '~' && c != '\u2010' && c != '\u2022') {
                return false;
            }
        }
        return true;
    }

    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        @Nullable String term;

        boolean isLeaf() {
            return keys.length == 0;
        }

        @Nullable Node child(char c) {
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        void add(String folded, String term) {
            Node node = this;
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                Node next = node.child(c);
                if (next == null) {
                    next = new Node();
                    node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                    node.children = Arrays.copyOf(node.children, node.children.length + 1);
                    node.keys[node.keys.length - 1] = c;
                    node.children[node.children.length - 1] = next;
                }
                node = next;
            }
            if (node.term == null) {
                node.term = term;
            }
        }
    }
}
