package org.noticeboard.post;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A post waiting for review, as the queue shows it. */
public record QueueItem(long postId, long accountId, String accountHandle, long authorId, String authorName, int step,
        @Nullable Long campaignId, @Nullable String campaignName, Instant submittedAt, @Nullable Instant scheduledAt,
        String excerpt, int revision, int version) {

    public Duration waited(Instant now) {
        return Duration.between(submittedAt, now);
    }
}
