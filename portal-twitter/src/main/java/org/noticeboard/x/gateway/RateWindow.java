package org.noticeboard.x.gateway;

import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One rate-limit window as X reports it in {@code x-rate-limit-limit}, {@code -remaining} and {@code -reset}. */
record RateWindow(int limit, int remaining, Instant resetAt) {

    static final String LIMIT = "x-rate-limit-limit";
    static final String REMAINING = "x-rate-limit-remaining";
    static final String RESET = "x-rate-limit-reset";

    /** The window in a response's headers, or null when X sent none (or none we can read). */
    static @Nullable RateWindow fromHeaders(Function<String, @Nullable String> header) {
        String limit = header.apply(LIMIT);
        String remaining = header.apply(REMAINING);
        String reset = header.apply(RESET);
        if (limit == null || remaining == null || reset == null) {
            return null;
        }
        try {
            return new RateWindow(Math.max(0, Integer.parseInt(limit.trim())),
                    Math.max(0, Integer.parseInt(remaining.trim())),
                    Instant.ofEpochSecond(Long.parseLong(reset.trim())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // bookkeeping is a courtesy to X; a header we cannot read must not fail the call it came with
            return null;
        }
    }
}
