package org.noticeboard.post;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line in a list of posts; {@code xPostId} and {@code xUsername} once it is on X, {@code publishProblem}
 * while publishing has trouble.
 */
public record PostSummary(long id, String accountHandle, String authorName, PostState state, String excerpt,
        Instant updatedAt, int revision, boolean blocked, int unjustifiedWarnings, @Nullable String xPostId,
        @Nullable String xUsername, @Nullable String publishProblem) {}
