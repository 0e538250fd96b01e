package org.noticeboard.impact;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which dashboard: one official account's, or one campaign's (across the accounts that posted in it),
 * for the days {@code from} to {@code to} inclusive, in the organisation's time zone.
 */
public record ImpactQuery(@Nullable Long accountId, @Nullable Long campaignId, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static ImpactQuery account(long accountId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return new ImpactQuery(accountId, null, from, to);
    }

    public static ImpactQuery campaign(long campaignId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return new ImpactQuery(null, campaignId, from, to);
    }
}
