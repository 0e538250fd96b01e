package org.noticeboard.post;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a post stands with X: its id there once published ({@code xUsername} is the X user it went
 * out as), and otherwise the last problem in words with what to do next, and when the next attempt is due.
 */
public record Publication(
        @Nullable String xPostId,
        @Nullable String xUsername,
        @Nullable Instant publishedAt,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String problem,
        @Nullable String problemKind) {

    public static final Publication NONE = new Publication(null, null, null, 0, null, null, null);

    public boolean published() {
        return xPostId != null;
    }
}
