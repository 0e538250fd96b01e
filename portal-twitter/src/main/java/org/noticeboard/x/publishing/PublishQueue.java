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
    /** How long a post a batch marked as sent waits before it is planned again (see {@link #toPlan}). */
    private final java.time.Duration batchGrace;

    PublishQueue(DSLContext db, java.time.Duration batchGrace) {
        this.db = db;
        this.batchGrace = batchGrace;
    }

    /** The earliest time after {@code now}, up to {@code until}, at which a scheduled post falls due. */
    java.util.Optional<Instant> nextDue(Instant now, Instant until) {
        OffsetDateTime next = db.select(DSL.min(DUE_AT)).from(POST)
                .where(POST.STATE.eq(PostState.SCHEDULED.name()), DUE_AT.gt(now.atOffset(ZoneOffset.UTC)),
                        DUE_AT.le(until.atOffset(ZoneOffset.UTC)))
                .fetchOne(0, OffsetDateTime.class);
        return java.util.Optional.ofNullable(next).map(OffsetDateTime::toInstant);
    }

    /** The runs planned, not yet started, for posts a batch has taken: the batch publishes them. */
    void forget(List<Long> postIds) {
        db.deleteFrom(SCHEDULED_TASKS)
                .where(TASK_NAME.eq(TASK), TASK_INSTANCE.in(postIds.stream().map(String::valueOf).toList()), PICKED.isFalse())
                .execute();
    }

    /** Posts due by {@code until} whose execution is missing or planned too late, soonest first. */
    List<Plan> toPlan(Instant now, Instant until, int limit) {
        OffsetDateTime current = now.atOffset(ZoneOffset.UTC);
        // a post a batch marked as sent (and took out of the plan) is left to that batch until its request
        // has surely ended, and as long again as another instance waits before taking over the work of one
        // that stopped; if it is still unfinished then (the batch's instance died, or could not record X's
        // answer), it is planned again, to be looked for on X first
        Field<OffsetDateTime> afterBatch = DSL.when(TASK_INSTANCE.isNull().and(POST.NEXT_ATTEMPT_AT.isNull())
                                .and(POST.PUBLISH_STARTED_AT.isNotNull()),
                        POST.PUBLISH_STARTED_AT.plus(DSL.field("interval '" + batchGrace.toSeconds() + " seconds'",
                                SQLDataType.INTERVAL)))
                .else_(DSL.val(current));
        Field<OffsetDateTime> runAt = DSL.greatest(DSL.coalesce(DUE_AT, DSL.val(current)), DSL.val(current), afterBatch);
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
