package org.noticeboard.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Swearing and hostile words: the built-in list ({@code tone-words.txt}) and the organisation's
 * additions, matched as whole words after the same folding as banned terms, so "p4thetic" and
 * "іdiots" (Cyrillic і) are caught too.
 */
final class ToneWordsRule implements PolicyRule {

    static final String ID = "tone-words";
    static final List<String> BUILT_IN = load("tone-words.txt");

    private final TermMatcher matcher;

    ToneWordsRule(List<String> extraWords) {
        List<String> words = new ArrayList<>(BUILT_IN);
        words.addAll(extraWords);
        this.matcher = TermMatcher.of(words);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        NormalisedText normalised = context.normalised();
        for (TermMatcher.Match match : matcher.find(normalised.folded())) {
            Span span = normalised.originalSpan(match.start(), match.end());
            findings.add(Findings.of(ID, severity,
                    "\"" + Findings.quote(context.text(), span) + "\" may read as hostile or offensive.", span));
        }
    }

    /** A word list resource: one entry a line, "#" starts a comment. */
    static List<String> load(String resource) {
        try (InputStream in = ToneWordsRule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    lines.add(entry);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
