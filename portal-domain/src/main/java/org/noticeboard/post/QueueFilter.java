package org.noticeboard.post;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Narrows the review queue; null means any. {@code olderThan}: waited at least this long. */
public record QueueFilter(@Nullable Long accountId, @Nullable Integer step, @Nullable Long authorId,
        @Nullable Long campaignId, @Nullable Duration olderThan) {

    public static QueueFilter all() {
        return new QueueFilter(null, null, null, null, null);
    }
}
