package org.noticeboard.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.CsvExport;

/**
 * The dashboard as one CSV table ({@code section, item, measure, value}): the summary figures, each
 * week, the top posts and the mentions by category, so a spreadsheet can filter by section. Cells a
 * spreadsheet would run as formulas are neutralised ({@link CsvExport}).
 */
final class ImpactCsv {

    static final List<String> HEADER = List.of("section", "item", "measure", "value");

    private ImpactCsv() {}

    static byte[] write(Dashboard d) {
        var rows = new ArrayList<List<@Nullable String>>();
        String period = d.from() + " to " + d.to();
        row(rows, "summary", period, "scope", d.scope());
        row(rows, "summary", period, "posts published", String.valueOf(d.postsPublished()));
        row(rows, "summary", period, "posts measured", String.valueOf(d.postsMeasured()));
        row(rows, "summary", period, "engagements", String.valueOf(d.engagements()));
        row(rows, "summary", period, "impressions", String.valueOf(d.impressions()));
        row(rows, "summary", period, "engagement rate", percent(d.engagementRate()));
        row(rows, "summary", period, "broadcast-only posts", String.valueOf(d.broadcastOnly()));
        row(rows, "summary", period, "broadcast-only share", percent(d.broadcastOnlyShare()));
        row(rows, "summary", period, "mentions", String.valueOf(d.mentions()));
        row(rows, "summary", period, "replies from decision-makers", String.valueOf(d.repliesFromDecisionMakers()));
        row(rows, "summary", period, "mentions answered", String.valueOf(d.mentionsAnswered()));
        row(rows, "summary", period, "median first response (minutes)",
                d.medianFirstResponse() == null ? "" : String.valueOf(d.medianFirstResponse().toMinutes()));
        for (var week : d.weeks()) {
            String item = "week of " + week.startsOn();
            row(rows, "week", item, "posts", String.valueOf(week.posts()));
            row(rows, "week", item, "engagements", String.valueOf(week.engagements()));
            row(rows, "week", item, "impressions", String.valueOf(week.impressions()));
            row(rows, "week", item, "engagement rate", percent(week.engagementRate()));
        }
        int rank = 1;
        for (var post : d.topPosts()) {
            String item = "#" + rank++ + " (post " + post.postId() + ", " + post.publishedAt() + ")";
            row(rows, "top post", item, "text", post.text());
            row(rows, "top post", item, "engagements", String.valueOf(post.engagements()));
            row(rows, "top post", item, "impressions", post.impressions() == null ? "" : String.valueOf(post.impressions()));
        }
        for (var category : d.mentionsByCategory()) {
            row(rows, "mentions by category", category.category(), "mentions", String.valueOf(category.mentions()));
        }
        return CsvExport.table(HEADER, rows);
    }

    static String percent(@Nullable Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static void row(List<List<@Nullable String>> rows, String section, String item, String measure,
            @Nullable String value) {
        var row = new ArrayList<@Nullable String>(4);
        row.add(section);
        row.add(item);
        row.add(measure);
        row.add(value);
        rows.add(row);
    }
}
