package org.noticeboard.x.publishing;

import static org.noticeboard.db.jooq.Tables.POST;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.noticeboard.post.PostState;

/**
 * Which posts need a {@code publish-post} execution planned, and when: every post to go out within
 * the look-ahead (scheduled, or waiting for its next attempt) that has no execution planned yet, or
 * whose execution is planned later than it is now due (its time was brought forward). Planning ahead
 * lets db-scheduler start each post at its due time, instead of a scan noticing it afterwards.
 */
final class PublishQueue {

    /** A post and the time its execution should run (its due time, or now if that has passed). */
    record Plan(long postId, Instant at, boolean replan) {}

    static final String TASK = "publish-post";

    private static final Table<?> SCHEDULED_TASKS = DSL.table(DSL.name("scheduled_tasks"));
    private static final Field<String> TASK_NAME = DSL.field(DSL.name("scheduled_tasks", "task_name"), SQLDataType.VARCHAR);
    private static final Field<String> TASK_INSTANCE = DSL.field(DSL.name("scheduled_tasks", "task_instance"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> EXECUTION_TIME = DSL.field(DSL.name("scheduled_tasks", "execution_time"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<Boolean> PICKED = DSL.field(DSL.name("scheduled_tasks", "picked"), SQLDataType.BOOLEAN);
    private static final Field<OffsetDateTime> DUE_AT = DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT);
    private static final List<String> PUBLISHABLE = List.of(PostState.SCHEDULED.name(), PostState.PUBLISHING.name());

    private final DSLContext db;

    PublishQueue(DSLContext db) {
        this.db = db;
    }

    /** Posts due by {@code until} whose execution is missing or planned too late, soonest first. */
    List<Plan> toPlan(Instant now, Instant until, int limit) {
        OffsetDateTime current = now.atOffset(ZoneOffset.UTC);
        Field<OffsetDateTime> runAt = DSL.greatest(DSL.coalesce(DUE_AT, DSL.val(current)), DSL.val(current));
        return db.select(POST.ID, runAt, TASK_INSTANCE)
                .from(POST)
                .leftJoin(SCHEDULED_TASKS).on(TASK_NAME.eq(TASK), TASK_INSTANCE.eq(POST.ID.cast(SQLDataType.VARCHAR)))
                .where(POST.STATE.in(PUBLISHABLE), DUE_AT.le(until.atOffset(ZoneOffset.UTC)).or(DUE_AT.isNull()))
                .and(TASK_INSTANCE.isNull().or(PICKED.isFalse().and(EXECUTION_TIME.gt(runAt))))
                .orderBy(DUE_AT.asc().nullsFirst(), POST.ID)
                .limit(limit)
                .fetch(r -> new Plan(r.value1(), r.value2().toInstant(), r.value3() != null));
    }
}
