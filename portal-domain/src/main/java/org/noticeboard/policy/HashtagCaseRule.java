package org.noticeboard.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lower-case hashtags that join several words, which screen readers read as one long word
 * or letter by letter. A tag is flagged when it is not itself a word but splits into two or more
 * known words (the split with the fewest words wins, so #mentalhealthawareness becomes
 * #MentalHealthAwareness). The word list is broad on purpose: a short list would split real words
 * that it lacks ("therapist" into "the" + "rapist").
 */
final class HashtagCaseRule implements PolicyRule {

    static final String ID = "hashtag-case";
    private static final int MAX_WORD = 15;
    private static final int MAX_TAG = 60;

    private static final class Words {
        static final Set<String> ALL = new HashSet<>(ToneWordsRule.load("hashtag-words.txt"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        for (TextEntity hashtag : context.hashtags()) {
            String tag = hashtag.value();
            if (!isLowerAscii(tag)) {
                continue;
            }
            List<String> words = split(tag);
            if (words.size() >= 2) {
                StringBuilder camel = new StringBuilder("#");
                for (String word : words) {
                    camel.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                }
                findings.add(Findings.of(ID, severity,
                        "#" + tag + " joins " + words.size() + " words in lower case; write it as " + camel
                                + " so screen readers can say each word.",
                        hashtag.span()));
            }
        }
    }

    /** The fewest known words the tag splits into, or an empty list if it is a word or does not split. */
    static List<String> split(String tag) {
        int n = tag.length();
        if (n < 5 || n > MAX_TAG || Words.ALL.contains(tag)) {
            return List.of();
        }
        int[] fewest = new int[n + 1];
        int[] previous = new int[n + 1];
        java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - MAX_WORD); start <= end - 2; start++) {
                if (fewest[start] != Integer.MAX_VALUE && fewest[start] + 1 < fewest[end]
                        && Words.ALL.contains(tag.substring(start, end))) {
                    fewest[end] = fewest[start] + 1;
                    previous[end] = start;
                }
            }
        }
        if (fewest[n] == Integer.MAX_VALUE || fewest[n] < 2) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = previous[end]) {
            words.add(0, tag.substring(previous[end], end));
        }
        return words;
    }

    private static boolean isLowerAscii(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !tag.isEmpty() && tag.equals(tag.toLowerCase(Locale.ROOT));
    }
}
