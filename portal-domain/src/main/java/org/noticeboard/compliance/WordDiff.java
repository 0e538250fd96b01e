package org.noticeboard.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts, word by word (longest common subsequence), as runs of kept,
 * removed and added words. Texts longer than {@link #MAX_WORDS} words are compared as wholes, to
 * keep the table small.
 */
public final class WordDiff {

    static final int MAX_WORDS = 1500;

    public enum Kind { SAME, REMOVED, ADDED }

    public record Part(Kind kind, String text) {}

    private WordDiff() {}

    public static List<Part> between(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        var parts = new ArrayList<Part>();
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            if (!before.equals(after)) {
                add(parts, Kind.REMOVED, before);
                add(parts, Kind.ADDED, after);
            } else {
                add(parts, Kind.SAME, before);
            }
            return parts;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(parts, Kind.SAME, a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(parts, Kind.REMOVED, a[i]);
                i++;
            } else {
                add(parts, Kind.ADDED, b[j]);
                j++;
            }
        }
        return parts;
    }

    /** In words: "removed "x"; added "y"", or "no change to the text". */
    public static String describe(List<Part> parts) {
        var lines = new ArrayList<String>();
        for (Part part : parts) {
            if (part.kind() == Kind.REMOVED) {
                lines.add("removed \"" + part.text() + "\"");
            } else if (part.kind() == Kind.ADDED) {
                lines.add("added \"" + part.text() + "\"");
            }
        }
        return lines.isEmpty() ? "no change to the text" : String.join("; ", lines);
    }

    private static void add(List<Part> parts, Kind kind, String word) {
        if (!parts.isEmpty() && parts.getLast().kind() == kind) {
            parts.set(parts.size() - 1, new Part(kind, parts.getLast().text() + " " + word));
        } else {
            parts.add(new Part(kind, word));
        }
    }

    private static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }
}
