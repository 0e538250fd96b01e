package org.noticeboard.x.sandbox;

import static org.noticeboard.db.jooq.Tables.X_SANDBOX_ID_STATE;

import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * X-like ids: milliseconds since X's epoch in the high bits, like X's snowflakes, so that ids grow
 * with time and since_id / until_id mean "newer" / "older". The last id handed out is kept in the
 * database and every new one is greater, even when the clock stands still (a test's fixed clock)
 * or is behind the ids of an earlier run. Taking an id locks that one row until the transaction
 * that took it ends, so posts become visible in the order of their ids: a client polling with
 * since_id cannot miss a post that committed late with a smaller id.
 */
final class SandboxIds {

    /** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
    static final long X_EPOCH_MILLIS = 1288834974657L;
    private static final int SEQUENCE_BITS = 22;

    private final DSLContext dsl;
    private final Clock clock;

    SandboxIds(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Takes {@code count} consecutive ids at once; returns the last of them. */
    long nextBlock(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Take at least one id");
        }
        long candidate = Math.max(0, clock.millis() - X_EPOCH_MILLIS) << SEQUENCE_BITS;
        Long last = dsl.update(X_SANDBOX_ID_STATE)
                .set(X_SANDBOX_ID_STATE.LAST_ID, DSL.greatest(X_SANDBOX_ID_STATE.LAST_ID.plus((long) count),
                        DSL.val(candidate + count - 1)))
                .returningResult(X_SANDBOX_ID_STATE.LAST_ID)
                .fetchOne(X_SANDBOX_ID_STATE.LAST_ID);
        if (last == null) {
            throw new IllegalStateException("x_sandbox_id_state has no row: was V015 applied?");
        }
        return last;
    }

    long next() {
        long candidate = Math.max(0, clock.millis() - X_EPOCH_MILLIS) << SEQUENCE_BITS;
        Long id = dsl.update(X_SANDBOX_ID_STATE)
                .set(X_SANDBOX_ID_STATE.LAST_ID, DSL.greatest(X_SANDBOX_ID_STATE.LAST_ID.plus(1L), DSL.val(candidate)))
                .returningResult(X_SANDBOX_ID_STATE.LAST_ID)
                .fetchOne(X_SANDBOX_ID_STATE.LAST_ID);
        if (id == null) {
            throw new IllegalStateException("x_sandbox_id_state has no row: was V015 applied?");
        }
        return id;
    }
}
