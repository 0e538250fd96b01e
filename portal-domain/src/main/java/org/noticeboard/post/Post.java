package org.noticeboard.post;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A post with its current revision and the numbers of all its revisions; {@code repost} for a repost of someone's post. */
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
        Publication publication,
        boolean repost) {

    public Post {
        revisions = List.copyOf(revisions);
    }

    /** A repost carries no text of its own: its revision's quote URL names the post it reposts. */
    public @Nullable String repostOf() {
        return repost ? current.quoteUrl() : null;
    }
}
