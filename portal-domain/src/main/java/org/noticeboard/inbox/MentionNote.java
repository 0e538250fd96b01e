package org.noticeboard.inbox;

import java.time.Instant;

/** An internal note on a mention: never sent to X. */
public record MentionNote(long id, long authorId, String authorName, String body, Instant createdAt) {}
