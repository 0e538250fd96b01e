package org.noticeboard.publish;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What one call of {@link Publisher#publish(long)} did. */
public record PublishOutcome(Kind kind, @Nullable String xPostId, @Nullable Instant nextAttemptAt, @Nullable String detail) {

    public enum Kind {
        /** Created on X now. */
        PUBLISHED,
        /** An earlier attempt had created it after all: found on X, not posted again. */
        RECONCILED,
        /** Will be tried again at {@code nextAttemptAt}. */
        RETRY,
        /** Given up; the post is FAILED with the reason in words. */
        FAILED,
        /** Nothing to do: not due, no longer approved, already published. */
        SKIPPED,
        /** Another worker holds this post now. */
        BUSY
    }

    static PublishOutcome skipped(String why) {
        return new PublishOutcome(Kind.SKIPPED, null, null, why);
    }
}
