package org.noticeboard.ui.post;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticeboard.policy.Finding;
import org.noticeboard.policy.Severity;

/** Post text as safe HTML: findings highlighted, or mentions, hashtags and links styled as X shows them. */
public final class TextMarkup {

    private static final Pattern ENTITY = Pattern.compile("(https?://\\S+)|((?<![\\w.])\\.?@[A-Za-z0-9_]{1,15})|(#[\\p{L}\\p{N}_]+)");

    private TextMarkup() {}

    public static String escape(String text) {
        var html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\n' -> html.append("<br>");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** The text with each finding's span marked in its severity's colour (overlaps: the earlier wins). */
    public static String highlighted(String text, List<Finding> findings) {
        var spans = findings.stream().filter(f -> f.span() != null && f.span().end() <= text.length())
                .sorted(Comparator.comparingInt((Finding f) -> f.span().start())).toList();
        var html = new StringBuilder("<div>");
        int at = 0;
        for (Finding finding : spans) {
            int start = Math.max(at, finding.span().start());
            int end = finding.span().end();
            if (end <= start) {
                continue;
            }
            html.append(escape(text.substring(at, start)));
            html.append("<mark class=\"finding-").append(finding.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\" title=\"").append(escape(finding.message())).append("\" style=\"background:")
                    .append(colour(finding.severity())).append("\">")
                    .append(escape(text.substring(start, end))).append("</mark>");
            at = end;
        }
        html.append(escape(text.substring(at))).append("</div>");
        return html.toString();
    }

    public static String highlightedChecked(String text, List<org.noticeboard.post.CheckedFinding> findings) {
        return highlighted(text, findings.stream().map(org.noticeboard.post.CheckedFinding::finding).toList());
    }

    /** The text as X shows it: links, mentions and hashtags in blue. */
    public static String asOnX(String text) {
        var html = new StringBuilder("<div>");
        Matcher matcher = ENTITY.matcher(text);
        int at = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(at, matcher.start())));
            html.append("<span style=\"color:#1d9bf0\">").append(escape(matcher.group())).append("</span>");
            at = matcher.end();
        }
        html.append(escape(text.substring(at))).append("</div>");
        return html.toString();
    }

    public static String colour(Severity severity) {
        return switch (severity) {
            case BLOCK -> "#ffc9c9";
            case WARN -> "#ffe8a3";
            case INFO -> "#cfe3ff";
        };
    }
}
