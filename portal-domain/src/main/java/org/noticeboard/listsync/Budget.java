package org.noticeboard.listsync;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * X's per-user allowance for the requests a sync makes: 300 list member changes (adds and
 * removals counted together, as the issue puts X's limit) and 50 follows per 15-minute window.
 * Noticeboard keeps its own window per account so that X never has to refuse a request.
 */
public enum Budget {
    MEMBERS(300, "list changes"),
    FOLLOWS(50, "follows");

    /** X's rate-limit window. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /**
     * X starts its window with the first request it sees and reports its end in whole seconds; ours
     * starts a moment earlier. A new window of ours begins this long after the old one ended, so
     * that X's has surely ended too.
     */
    public static final Duration MARGIN = Duration.ofSeconds(5);
    /** How long one of our windows lasts: X's window and the margin. */
    public static final Duration SPAN = WINDOW.plus(MARGIN);

    private final int limit;
    private final String what;

    Budget(int limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** Requests allowed per window. */
    public int limit() {
        return limit;
    }

    /** "list changes", "follows". */
    public String what() {
        return what;
    }

    /**
     * When {@code remaining} changes will have been made at this pace, starting no earlier than
     * {@code now} and {@code notBefore}, given the account's current window (its start and what it
     * has used; {@code windowStart} null when there is none).
     */
    public Instant estimateFinish(int remaining, Instant now, @Nullable Instant notBefore, @Nullable Instant windowStart,
            int used) {
        Instant start = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        if (remaining <= 0) {
            return start;
        }
        int left = remaining;
        if (windowStart != null && start.isBefore(windowStart.plus(SPAN))) {
            int inWindow = Math.max(0, limit - used);
            if (left <= inWindow) {
                return start;
            }
            left -= inWindow;
            start = windowStart.plus(SPAN);
        }
        long windows = (left + limit - 1) / limit;
        // the last window's requests take moments, not the whole window
        return start.plus(SPAN.multipliedBy(windows - 1));
    }
}
