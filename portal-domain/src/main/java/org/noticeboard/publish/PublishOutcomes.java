package org.noticeboard.publish;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Told what became of each publishing attempt, after it is recorded: the operator's figures
 * (counted and timed above the domain, so the domain needs no metrics library). Implementations
 * must be quick and must not throw; they are called on the publishing threads.
 */
public interface PublishOutcomes {

    /**
     * {@code kind}: {@link PublishOutcome.Kind#PUBLISHED}, {@code RECONCILED}, {@code RETRY} or
     * {@code FAILED}. {@code lateBy}: for a post that reached X, how long after its scheduled time
     * it did; null for the other kinds and for posts sent as soon as approved (no time to be late for).
     */
    void attempted(PublishOutcome.Kind kind, @Nullable Duration lateBy);
}
