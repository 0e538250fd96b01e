package org.noticeboard.post;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post with its current revision and the numbers of all its revisions; {@code repost} for a repost
 * of someone's post; {@code reviewRound} counts its entries into review (only the current round's
 * approvals count); {@code replyTemplateText} is the reply template's text as filled when the reply
 * was started from one.
 */
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
        boolean repost,
        int reviewRound,
        @Nullable String replyTemplateText) {

    public Post {
        revisions = List.copyOf(revisions);
    }

    /**
     * Whether the current revision is a reply whose text is exactly the reply template it was started
     * from, as filled then: only such a reply may take a workflow's single-step template route.
     */
    public boolean templateReply() {
        return replyTemplateText != null && current.replyToUrl() != null && current.text().strip().equals(replyTemplateText);
    }

    /** A repost carries no text of its own: its revision's quote URL names the post it reposts. */
    public @Nullable String repostOf() {
        return repost ? current.quoteUrl() : null;
    }
}
