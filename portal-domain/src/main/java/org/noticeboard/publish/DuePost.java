package org.noticeboard.publish;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.post.PostState;

/** What the publisher needs to know about one post. */
record DuePost(
        long postId,
        long organisationId,
        long accountId,
        String handle,
        @Nullable String xUserId,
        long authorId,
        PostState state,
        int revision,
        String text,
        @Nullable String replyToUrl,
        @Nullable String quoteUrl,
        List<Image> images,
        @Nullable Instant scheduledAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant startedAt,
        int attempts,
        boolean repost) {

    record Image(long mediaId, String contentType, @Nullable String altText) {}

    Instant dueAt(Instant otherwise) {
        if (nextAttemptAt != null) {
            return nextAttemptAt;
        }
        return scheduledAt != null ? scheduledAt : otherwise;
    }
}
