package org.noticeboard.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts, word by word (longest common subsequence), as runs of kept,
 * removed and added words. The words both texts begin and end with are kept without comparing; when
 * what is left of either is longer than {@link #MAX_WORDS} words, it is shown as removed and added
 * whole, so that the table stays under 10 MB and the time under a second for any text (a 25,000
 * character draft would otherwise need a table of gigabytes).
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
        // the words both texts start and end with are kept as they are: a small edit in a long text
        // leaves a small middle to compare, whatever the length of the whole
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        run(parts, Kind.SAME, a, 0, start);
        if (endA - start > MAX_WORDS || endB - start > MAX_WORDS) {
            run(parts, Kind.REMOVED, a, start, endA);
            run(parts, Kind.ADDED, b, start, endB);
        } else {
            middle(parts, a, start, endA, b, endB);
        }
        run(parts, Kind.SAME, a, endA, a.length);
        return parts;
    }

    /** The longest common subsequence of a[from, endA) and b[from, endB), at most MAX_WORDS + 1 squared cells. */
    private static void middle(List<Part> parts, String[] a, int from, int endA, String[] b, int endB) {
        int n = endA - from;
        int m = endB - from;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[from + i].equals(b[from + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[from + i].equals(b[from + j])) {
                add(parts, Kind.SAME, a[from + i]);
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(parts, Kind.REMOVED, a[from + i]);
                i++;
            } else {
                add(parts, Kind.ADDED, b[from + j]);
                j++;
            }
        }
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

    /** Words [from, to) as one part, joined once (adding them one by one would copy the growing text each time). */
    private static void run(List<Part> parts, Kind kind, String[] words, int from, int to) {
        if (from < to) {
            add(parts, kind, String.join(" ", java.util.Arrays.asList(words).subList(from, to)));
        }
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
