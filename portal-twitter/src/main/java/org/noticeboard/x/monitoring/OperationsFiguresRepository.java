package org.noticeboard.x.monitoring;

import static org.noticeboard.db.jooq.Tables.AUDIT_INTEGRITY_CHECK;
import static org.noticeboard.db.jooq.Tables.MENTION_POLL;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC;
import static org.noticeboard.db.jooq.Tables.X_RATE_LIMIT;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.noticeboard.x.monitoring.OperationsFigures.Figures;
import org.noticeboard.x.monitoring.OperationsFigures.MentionPoll;
import org.noticeboard.x.monitoring.OperationsFigures.Window;

/** The queries behind the operator's figures: a handful of small reads across organisations. */
final class OperationsFiguresRepository {

    private static final List<String> WAITING = List.of("SCHEDULED", "PUBLISHING");
    private static final List<String> SYNCING = List.of("QUEUED", "RUNNING");

    private final DSLContext db;

    OperationsFiguresRepository(DSLContext db) {
        this.db = db;
    }

    Figures read(Instant now, Duration overdueAfter) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // posts sent as soon as approved have no due time: they have waited since they were approved,
        // which is their last change until publishing touches them
        Field<OffsetDateTime> dueAt = DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT, POST.UPDATED_AT);
        var posts = db.select(DSL.count(), DSL.count().filterWhere(dueAt.lt(at.minus(overdueAfter))))
                .from(POST)
                .where(POST.STATE.in(WAITING), DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT).le(at)
                        .or(DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT).isNull()))
                .fetchSingle();
        // a window whose reset has passed is whole again
        var windows = db.select(OFFICIAL_ACCOUNT.HANDLE, X_RATE_LIMIT.ENDPOINT, X_RATE_LIMIT.REMAINING,
                        X_RATE_LIMIT.REQUEST_LIMIT, X_RATE_LIMIT.RESET_AT)
                .from(X_RATE_LIMIT)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.X_USER_ID.eq(X_RATE_LIMIT.X_USER_ID))
                .fetch(r -> new Window(r.value1(), r.value2(), r.value5().isAfter(at) ? r.value3() : r.value4(), r.value4()));
        var syncs = db.select(DSL.count(), DSL.coalesce(DSL.sum(X_LIST_SYNC.DONE), DSL.inline(java.math.BigDecimal.ZERO)),
                        DSL.coalesce(DSL.sum(X_LIST_SYNC.TOTAL), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(X_LIST_SYNC).where(X_LIST_SYNC.STATE.in(SYNCING))
                .fetchSingle();
        var polls = db.select(OFFICIAL_ACCOUNT.HANDLE, MENTION_POLL.LAST_POLLED_AT, MENTION_POLL.LAST_PROBLEM)
                .from(MENTION_POLL)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(MENTION_POLL.ACCOUNT_ID))
                .fetch(r -> new MentionPoll(r.value1(), r.value2() == null ? null : r.value2().toInstant(), r.value3() != null));
        // each organisation's newest check: is its chain intact?
        var latest = db.selectDistinct(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID, AUDIT_INTEGRITY_CHECK.CHECKED_AT,
                        AUDIT_INTEGRITY_CHECK.INTACT)
                .on(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID)
                .from(AUDIT_INTEGRITY_CHECK)
                .orderBy(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID, AUDIT_INTEGRITY_CHECK.CHECKED_AT.desc())
                .fetch();
        Instant lastCheck = latest.stream().map(r -> r.value2().toInstant()).max(Instant::compareTo).orElse(null);
        long broken = latest.stream().filter(r -> !r.value3()).count();
        Figures read = new Figures(now, posts.value1(), posts.value2(), windows, syncs.value1(),
                syncs.value2().longValue(), syncs.value3().longValue(), polls, lastCheck, broken);
        return read;
    }
}
