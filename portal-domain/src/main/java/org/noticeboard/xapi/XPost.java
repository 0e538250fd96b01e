package org.noticeboard.xapi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post on X. {@code inReplyToPostId} and {@code quotedPostId} come from {@code referenced_tweets};
 * {@code metrics} only when {@code public_metrics} was asked for.
 */
public record XPost(String id, String text, @Nullable String authorId, @Nullable Instant createdAt,
        @Nullable String conversationId, @Nullable String inReplyToPostId, @Nullable String quotedPostId,
        @Nullable XMetrics metrics) {}
