package org.noticeboard.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticeboard.shared.InvalidInputException;

/**
 * A reply approved in advance. Placeholders in braces stand for what the author fills in:
 * {@code {link}} an https address (the service's page on Care Opinion, say), any other
 * {@code {name}} a few plain words (no links, handles or hashtags).
 */
public record ReplyTemplate(long id, String name, String text) {

    public static final String LINK = "{link}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z_]{0,30})\\}");
    private static final Pattern HTTPS = Pattern.compile("https://\\S+");
    private static final Pattern PLAIN_WORDS = Pattern.compile("[^\\n{}@#]{1,80}");

    /** The placeholders in the order they first appear, without braces: {@code link}, {@code service}. */
    public List<String> placeholders() {
        var names = new LinkedHashSet<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /**
     * The template with every placeholder filled. A placeholder without a value, or with one it
     * cannot take, is refused with a message naming it.
     */
    public String fill(Map<String, String> values) {
        var missing = new ArrayList<String>();
        for (String placeholder : placeholders()) {
            String value = values.get(placeholder);
            if (value == null || value.isBlank()) {
                missing.add("{" + placeholder + "}");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("placeholder_missing", "placeholders", "The template \"" + name
                    + "\" needs a value for " + String.join(", ", missing) + " before it can be used.");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        var filled = new StringBuilder();
        while (m.find()) {
            String placeholder = m.group(1);
            String value = values.get(placeholder).strip();
            boolean fits = placeholder.equals("link") ? HTTPS.matcher(value).matches() : PLAIN_WORDS.matcher(value).matches()
                    && !value.contains("://");
            if (!fits) {
                throw new InvalidInputException("placeholder_invalid", "placeholders." + placeholder, placeholder.equals("link")
                        ? "{link} in \"" + name + "\" must be one https address, e.g. https://www.careopinion.org.uk/…; \""
                                + value + "\" is not."
                        : "{" + placeholder + "} in \"" + name + "\" takes a few plain words (at most 80 characters, no "
                                + "links, @handles or #hashtags).");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return filled.toString().strip();
    }
}
