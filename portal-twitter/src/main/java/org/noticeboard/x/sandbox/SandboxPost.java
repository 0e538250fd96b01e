package org.noticeboard.x.sandbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A post as the world sees it (deleted ones included, flagged), with its author's handle and name. */
public record SandboxPost(
        String id,
        String authorId,
        String authorUsername,
        String authorName,
        String text,
        Instant createdAt,
        String conversationId,
        @Nullable String inReplyToId,
        @Nullable String inReplyToUserId,
        @Nullable String quotedId,
        List<String> mediaIds,
        SandboxMetrics metrics,
        boolean deleted) {

    public SandboxPost {
        mediaIds = List.copyOf(mediaIds);
    }
}
