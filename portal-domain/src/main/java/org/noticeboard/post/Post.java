package org.noticeboard.post;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A post with its current revision and the numbers of all its revisions. */
public record Post(
        long id,
        long accountId,
        String accountHandle,
        String accountName,
        long authorId,
        String authorName,
        PostState state,
        @Nullable Integer reviewStep,
        @Nullable Instant submittedAt,
        int version,
        Revision current,
        List<Integer> revisions,
        @Nullable Integer workflowVersion,
        java.time.@Nullable ZonedDateTime scheduledAt,
        Publication publication) {

    public Post {
        revisions = List.copyOf(revisions);
    }
}
