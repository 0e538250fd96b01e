package org.noticeboard.x.gateway;

import static org.noticeboard.db.jooq.Tables.X_RATE_LIMIT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;

/**
 * X's rate-limit windows per X user and endpoint, in PostgreSQL so that every portal instance
 * sees what the others were told. A call first takes one request from its window and is refused,
 * without calling X, when the window is used up until its reset; every answer then writes back
 * what X said. Reports that arrive out of order cannot raise a window again: within one window
 * the lowest remaining count wins, and a report of an older window is ignored.
 *
 * <p>Each statement is short and commits on its own when no transaction is active; call the
 * gateway outside database transactions, or a window's row stays locked while X answers.
 */
public final class RateLimitBook {

    /** X's usual window, assumed when a 429 does not say when it ends. */
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private final DSLContext db;
    private final Clock clock;

    public RateLimitBook(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A window as last recorded. */
    public record Window(int limit, int remaining, Instant resetAt, Instant updatedAt) {}

    /**
     * Takes one request from the window, or throws {@link XFailure#RATE_LIMITED} with the reset
     * time when none is left. An unknown window, or one whose reset has passed, lets the call go.
     * Returns the window as the request left it, or null when no window was known.
     */
    public @Nullable Window acquire(String xUserId, String endpoint) {
        OffsetDateTime now = now();
        var taken = db.update(X_RATE_LIMIT)
                .set(X_RATE_LIMIT.REMAINING, X_RATE_LIMIT.REMAINING.minus(1))
                .set(X_RATE_LIMIT.UPDATED_AT, now)
                .where(X_RATE_LIMIT.X_USER_ID.eq(xUserId), X_RATE_LIMIT.ENDPOINT.eq(endpoint),
                        X_RATE_LIMIT.RESET_AT.gt(now), X_RATE_LIMIT.REMAINING.gt(0))
                .returning(X_RATE_LIMIT.REQUEST_LIMIT, X_RATE_LIMIT.REMAINING, X_RATE_LIMIT.RESET_AT)
                .fetchOne();
        if (taken != null) {
            return new Window(taken.getRequestLimit(), taken.getRemaining(), taken.getResetAt().toInstant(), now.toInstant());
        }
        OffsetDateTime exhaustedUntil = db.select(X_RATE_LIMIT.RESET_AT)
                .from(X_RATE_LIMIT)
                .where(X_RATE_LIMIT.X_USER_ID.eq(xUserId), X_RATE_LIMIT.ENDPOINT.eq(endpoint),
                        X_RATE_LIMIT.RESET_AT.gt(now), X_RATE_LIMIT.REMAINING.le(0))
                .fetchOne(X_RATE_LIMIT.RESET_AT);
        if (exhaustedUntil != null) {
            Instant reset = exhaustedUntil.toInstant();
            throw new XException(XFailure.RATE_LIMITED, null, "The rate limit of " + endpoint
                    + " is used up for this X account until " + reset + "; X was not called", reset, null);
        }
        return null;
    }

    /**
     * Whether what X said after a request leaves the book as it is: the window {@link #acquire}
     * took the request from, with as many requests left or more (answers overtake each other, and
     * within a window the count only goes down). Then {@link #record} is not needed.
     */
    static boolean agrees(@Nullable Window taken, int limit, int remaining, Instant resetAt) {
        return taken != null && taken.limit() == Math.max(0, limit) && taken.resetAt().equals(resetAt)
                && Math.max(0, remaining) >= taken.remaining();
    }

    /** What X said in its {@code x-rate-limit-*} headers. */
    public void record(String xUserId, String endpoint, int limit, int remaining, Instant resetAt) {
        OffsetDateTime reset = at(resetAt);
        db.insertInto(X_RATE_LIMIT)
                .set(X_RATE_LIMIT.X_USER_ID, xUserId)
                .set(X_RATE_LIMIT.ENDPOINT, endpoint)
                .set(X_RATE_LIMIT.REQUEST_LIMIT, Math.max(0, limit))
                .set(X_RATE_LIMIT.REMAINING, Math.max(0, remaining))
                .set(X_RATE_LIMIT.RESET_AT, reset)
                .set(X_RATE_LIMIT.UPDATED_AT, now())
                .onConflict(X_RATE_LIMIT.X_USER_ID, X_RATE_LIMIT.ENDPOINT)
                .doUpdate()
                .set(X_RATE_LIMIT.REQUEST_LIMIT, DSL.excluded(X_RATE_LIMIT.REQUEST_LIMIT))
                // answers overtake each other; within a window the count only ever goes down
                .set(X_RATE_LIMIT.REMAINING, DSL.when(X_RATE_LIMIT.RESET_AT.eq(DSL.excluded(X_RATE_LIMIT.RESET_AT)),
                                DSL.least(X_RATE_LIMIT.REMAINING, DSL.excluded(X_RATE_LIMIT.REMAINING)))
                        .otherwise(DSL.excluded(X_RATE_LIMIT.REMAINING)))
                .set(X_RATE_LIMIT.RESET_AT, DSL.excluded(X_RATE_LIMIT.RESET_AT))
                .set(X_RATE_LIMIT.UPDATED_AT, DSL.excluded(X_RATE_LIMIT.UPDATED_AT))
                .where(DSL.excluded(X_RATE_LIMIT.RESET_AT).ge(X_RATE_LIMIT.RESET_AT))
                .execute();
    }

    /**
     * X answered 429: nothing is left until {@code resetAt} (X's reset, or {@link #retryAfter429()}
     * when it gave none), whatever was recorded before.
     */
    public void recordExhausted(String xUserId, String endpoint, @Nullable Integer limit, Instant resetAt) {
        db.insertInto(X_RATE_LIMIT)
                .set(X_RATE_LIMIT.X_USER_ID, xUserId)
                .set(X_RATE_LIMIT.ENDPOINT, endpoint)
                .set(X_RATE_LIMIT.REQUEST_LIMIT, limit == null ? 0 : Math.max(0, limit))
                .set(X_RATE_LIMIT.REMAINING, 0)
                .set(X_RATE_LIMIT.RESET_AT, at(resetAt))
                .set(X_RATE_LIMIT.UPDATED_AT, now())
                .onConflict(X_RATE_LIMIT.X_USER_ID, X_RATE_LIMIT.ENDPOINT)
                .doUpdate()
                .set(X_RATE_LIMIT.REQUEST_LIMIT, limit == null ? X_RATE_LIMIT.REQUEST_LIMIT
                        : DSL.excluded(X_RATE_LIMIT.REQUEST_LIMIT))
                .set(X_RATE_LIMIT.REMAINING, 0)
                .set(X_RATE_LIMIT.RESET_AT, DSL.greatest(X_RATE_LIMIT.RESET_AT, DSL.excluded(X_RATE_LIMIT.RESET_AT)))
                .set(X_RATE_LIMIT.UPDATED_AT, DSL.excluded(X_RATE_LIMIT.UPDATED_AT))
                .execute();
    }

    public Optional<Window> window(String xUserId, String endpoint) {
        return db.selectFrom(X_RATE_LIMIT)
                .where(X_RATE_LIMIT.X_USER_ID.eq(xUserId), X_RATE_LIMIT.ENDPOINT.eq(endpoint))
                .fetchOptional(r -> new Window(r.getRequestLimit(), r.getRemaining(), r.getResetAt().toInstant(),
                        r.getUpdatedAt().toInstant()));
    }

    /** When to try again after a 429 that carried no {@code x-rate-limit-reset}. */
    Instant retryAfter429() {
        return clock.instant().plus(DEFAULT_WINDOW);
    }

    private OffsetDateTime now() {
        return at(clock.instant());
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
