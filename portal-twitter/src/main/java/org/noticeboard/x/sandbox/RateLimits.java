package org.noticeboard.x.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * X's per-user rate limits: for each user (and app) and endpoint, a fixed 15-minute window that
 * starts with its first request. The windows are kept in memory only: a restart forgets them,
 * and several portal instances count separately, which a training sandbox can live with.
 */
final class RateLimits {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** What the x-rate-limit-* headers say after a request, and whether it was let through. */
    record Verdict(int limit, int remaining, long resetEpochSecond, boolean allowed) {}

    private record Key(long userId, String clientId, Endpoint endpoint) {}

    private static final class Window {
        final Instant start;
        int used;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Clock clock;
    private final Duration length;
    private final Map<Key, Window> windows = new HashMap<>();

    RateLimits(Clock clock) {
        this(clock, WINDOW);
    }

    /** Windows of another length than X's 15 minutes: for a test that cannot wait a quarter of an hour. */
    RateLimits(Clock clock, Duration length) {
        if (length.toSeconds() < 1) {
            throw new IllegalArgumentException("A rate-limit window lasts at least a second, not " + length);
        }
        this.clock = clock;
        this.length = length;
    }

    /** Counts one request; a request over the limit is refused and not counted. */
    synchronized Verdict take(long userId, String clientId, Endpoint endpoint) {
        Instant now = clock.instant();
        Key key = new Key(userId, clientId, endpoint);
        Window window = windows.get(key);
        if (window == null || !now.isBefore(window.start.plus(length))) {
            // whole seconds, so that the window ends exactly at the x-rate-limit-reset it announces
            window = new Window(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            windows.put(key, window);
        }
        boolean allowed = window.used < endpoint.limit();
        if (allowed) {
            window.used++;
        }
        return new Verdict(endpoint.limit(), endpoint.limit() - window.used,
                window.start.plus(length).getEpochSecond(), allowed);
    }
}
