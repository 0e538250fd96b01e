package org.noticeboard.template;

import java.util.regex.Pattern;

/** A reply approved in advance; {@code {link}} stands for an https address the author fills in. */
public record ReplyTemplate(long id, String name, String text) {

    public static final String LINK = "{link}";

    /** Whether a reply's text is this template, with any {link} filled by one https address and nothing else changed. */
    public boolean matches(String reply) {
        var pattern = new StringBuilder();
        String[] parts = text.strip().split(Pattern.quote(LINK), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                pattern.append("https://\\S+");
            }
            pattern.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(reply.strip()).matches();
    }
}
