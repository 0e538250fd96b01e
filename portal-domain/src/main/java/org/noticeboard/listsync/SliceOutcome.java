package org.noticeboard.listsync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one slice of work on a sync did, for the scheduler: run again at {@code nextAt} while
 * {@code nextAt} is set; the job has ended when it is null.
 *
 * @param changes requests made to X in this slice (changes tried)
 */
public record SliceOutcome(Kind kind, @Nullable SyncState state, @Nullable Instant nextAt, int changes,
        @Nullable String message) {

    public enum Kind {
        /** This window's allowance is used up (or the slice was asked to stop); continue at {@code nextAt}. */
        WAITING,
        /** X (or the gateway's own bookkeeping of X's headers) said the limit is reached; continue at its reset. */
        RATE_LIMITED,
        /** X did not answer properly; try again at {@code nextAt}. */
        RETRY,
        /** The X List was found deleted on X and made again; the changes are planned again at once. */
        REPLANNED,
        DONE,
        FAILED,
        CANCELLED,
        /** Not due before {@code nextAt}. */
        NOT_DUE,
        /** Another worker has it now. */
        BUSY,
        /** No such job, or it is not approved or has ended. */
        NOTHING_TO_DO
    }

    public boolean ended() {
        return nextAt == null;
    }
}
