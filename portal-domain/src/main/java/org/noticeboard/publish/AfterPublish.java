package org.noticeboard.publish;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Told, in the transaction that marks a post published, that it is on X: the inbox uses it to
 * record the first response to the mentions the post answers.
 */
public interface AfterPublish {

    /**
     * {@code replyToXPostId} and {@code quoteXPostId}: the X posts it replies to and quotes (for a
     * repost, the one it reposts), when it does.
     */
    void published(long organisationId, long accountId, long postId, @Nullable String replyToXPostId,
            @Nullable String quoteXPostId, Instant at);

    /** A post that went out, as {@link #published} is told of it. */
    record Published(long organisationId, long accountId, long postId, @Nullable String replyToXPostId,
            @Nullable String quoteXPostId, Instant at) {}

    /** Several posts that went out together (a batch); by default, each in turn. */
    default void publishedAll(List<Published> posts) {
        for (Published p : posts) {
            published(p.organisationId(), p.accountId(), p.postId(), p.replyToXPostId(), p.quoteXPostId(), p.at());
        }
    }
}
