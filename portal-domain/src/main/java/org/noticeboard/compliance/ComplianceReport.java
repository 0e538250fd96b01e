package org.noticeboard.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.audit.IntegrityCheck;

/**
 * What happened on some official accounts in a period: posts published, the share that went out with
 * every approval their workflow required (every other one is a breach, as is a post found on the
 * account on X that did not come through Noticeboard), overridden warnings with their
 * justifications, rejections with reasons, approval lead times, and posts naming political
 * stakeholders in pre-election periods. Long lists keep their first {@link #LIST_LIMIT} rows and
 * their full count; {@code included} says in words what the report covers and what it left out.
 */
public record ComplianceReport(
        String organisationName,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        List<String> accounts,
        Instant generatedAt,
        String generatedBy,
        @Nullable IntegrityCheck integrity,
        int published,
        int publishedWithAllApprovals,
        int outsideNoticeboard,
        Listed<Breach> breaches,
        Listed<OverriddenWarning> overrides,
        Listed<Rejection> rejections,
        LeadTimes leadTimes,
        Listed<PoliticalMention> political,
        Listed<DeletedOnX> deletedOnX,
        List<String> xComparison,
        List<String> included) {

    public static final int LIST_LIMIT = 2_000;

    /** Published on the accounts in the period: through Noticeboard, and found on X outside it. */
    public int totalOnAccounts() {
        return published + outsideNoticeboard;
    }

    /** Per cent (one decimal) of everything on the accounts that went out with all required approvals; null when nothing did. */
    public @Nullable Double compliantShare() {
        int total = totalOnAccounts();
        return total == 0 ? null : Math.round(publishedWithAllApprovals * 1000.0 / total) / 10.0;
    }

    public String integrityInWords() {
        if (integrity == null) {
            return "Not verified yet: run the integrity check on the audit trail page.";
        }
        return (integrity.report().intact() ? "Intact" : "BROKEN") + " at the last check ("
                + integrity.report().checkedAt().atZone(zone).toLocalDateTime().withNano(0) + ", "
                + (integrity.scheduled() ? "daily check" : "run by " + integrity.checkedByName()) + "): "
                + integrity.report().describe();
    }

    public record Listed<T>(List<T> items, int total) {

        public Listed {
            items = List.copyOf(items);
        }

        public boolean truncated() {
            return total > items.size();
        }
    }

    public enum BreachKind {
        MISSING_APPROVAL("Published without every required approval"),
        OUTSIDE_NOTICEBOARD("On the account on X but not published through Noticeboard");

        private final String label;

        BreachKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Breach(BreachKind kind, String account, @Nullable Long postId, @Nullable String xPostId,
            @Nullable Instant at, String detail) {}

    public record OverriddenWarning(long postId, String account, Instant publishedAt, String ruleId, String message,
            String justification, String authorName) {}

    public record Rejection(long postId, String account, Instant at, int step, String approverName, String reason) {}

    public record PoliticalMention(long postId, String account, Instant publishedAt, List<String> handles, String period) {}

    public record DeletedOnX(long postId, String account, String xPostId, Instant publishedAt) {}

    /** Submission to last required approval, over the posts published with all their approvals (nearest-rank percentiles). */
    public record LeadTimes(int count, @Nullable Duration median, @Nullable Duration p90) {

        static LeadTimes of(long[] seconds) {
            if (seconds.length == 0) {
                return new LeadTimes(0, null, null);
            }
            long[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            return new LeadTimes(sorted.length, Duration.ofSeconds(rank(sorted, 50)), Duration.ofSeconds(rank(sorted, 90)));
        }

        private static long rank(long[] sorted, int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)];
        }

        public static String words(@Nullable Duration duration) {
            if (duration == null) {
                return "-";
            }
            long minutes = duration.toMinutes();
            return minutes < 60 ? minutes + " min" : (minutes / 60 + " h " + (minutes % 60 == 0 ? "" : minutes % 60 + " min")).strip();
        }
    }
}
