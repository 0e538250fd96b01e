package org.noticeboard.ui.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Differences between two texts, word by word (longest common subsequence), as HTML with
 * removed words struck through and added words underlined. Written by hand: posts are short,
 * and a quadratic table over a few hundred words costs nothing.
 */
final class WordDiff {

    private WordDiff() {}

    static String html(String before, String after) {
        String[] a = before.split("(?<=\\s)|(?=\\s)");
        String[] b = after.split("(?<=\\s)|(?=\\s)");
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(escape(a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add("<del style=\"background:#ffd7d5\">" + escape(a[i++]) + "</del>");
            } else {
                out.add("<ins style=\"background:#ccffd8\">" + escape(b[j++]) + "</ins>");
            }
        }
        while (i < a.length) {
            out.add("<del style=\"background:#ffd7d5\">" + escape(a[i++]) + "</del>");
        }
        while (j < b.length) {
            out.add("<ins style=\"background:#ccffd8\">" + escape(b[j++]) + "</ins>");
        }
        return "<div style=\"white-space:pre-wrap\">" + String.join("", out) + "</div>";
    }

    private static String escape(String text) {
        return org.noticeboard.ui.post.TextMarkup.escape(text);
    }
}
