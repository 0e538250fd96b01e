package org.noticeboard.post;

import java.time.Instant;

/** A line in a list of posts. */
public record PostSummary(long id, String accountHandle, String authorName, PostState state, String excerpt,
        Instant updatedAt, int revision, boolean blocked, int unjustifiedWarnings) {}
