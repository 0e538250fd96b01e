package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.AUDIT_CHAIN_HEAD;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to an organisation's audit trail. Must run inside the transaction of the change it
 * records (it refuses to run outside one), so that the change and its record commit together
 * or not at all.
 */
@Component
public class AuditTrail {

    private final DSLContext db;
    private final Clock clock;

    public AuditTrail(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, Object subjectId, String summary,
            @Nullable Map<String, ? extends @Nullable Object> before,
            @Nullable Map<String, ? extends @Nullable Object> after) {
        recordAll(actor, List.of(new Entry(action, subjectType, subjectId, summary, before, after)));
    }

    /** One change to record: what was done, to what, and its state before and after. */
    public record Entry(String action, String subjectType, Object subjectId, String summary,
            @Nullable Map<String, ? extends @Nullable Object> before,
            @Nullable Map<String, ? extends @Nullable Object> after) {}

    /**
     * Several changes by one actor, chained in the order given, with three statements however many
     * there are (publishing a burst of posts records each one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Actor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long org = actor.organisationId();
        // One statement makes sure the organisation's head row exists and locks it until commit (an
        // upsert that changes nothing still locks the row), which puts concurrent changes of one
        // organisation in order; it returns the head as it stands.
        var head = db.insertInto(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.ORGANISATION_ID, org)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, 0L)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, AuditHashing.GENESIS)
                .onConflict(AUDIT_CHAIN_HEAD.ORGANISATION_ID)
                .doUpdate()
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_SEQ)
                .returning()
                .fetchSingle();
        long seq = head.getLastSeq();
        String previous = head.getLastHash();
        var occurredAt = AuditHashing.truncate(clock.instant());
        var insert = db.insertInto(AUDIT_EVENT, AUDIT_EVENT.ORGANISATION_ID, AUDIT_EVENT.SEQ, AUDIT_EVENT.OCCURRED_AT,
                AUDIT_EVENT.ACTOR_MEMBER_ID, AUDIT_EVENT.ACTOR_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.SUBJECT_TYPE,
                AUDIT_EVENT.SUBJECT_ID, AUDIT_EVENT.SUMMARY, AUDIT_EVENT.BEFORE_STATE, AUDIT_EVENT.AFTER_STATE,
                AUDIT_EVENT.BEFORE_DIGEST, AUDIT_EVENT.AFTER_DIGEST, AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH);
        for (Entry entry : entries) {
            seq++;
            String beforeState = entry.before() == null ? null : AuditState.canonical(entry.before());
            String afterState = entry.after() == null ? null : AuditState.canonical(entry.after());
            String id = entry.subjectId().toString();
            String hash = AuditHashing.chainHash(previous, org, seq, occurredAt, actor.memberId(), actor.displayName(),
                    entry.action(), entry.subjectType(), id, entry.summary(), beforeState, afterState);
            insert = insert.values(org, seq, occurredAt.atOffset(java.time.ZoneOffset.UTC), actor.memberId(),
                    actor.displayName(), entry.action(), entry.subjectType(), id, entry.summary(), beforeState, afterState,
                    AuditHashing.digest(beforeState), AuditHashing.digest(afterState), previous, hash);
            previous = hash;
        }
        insert.execute();
        db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, seq)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, previous)
                .where(AUDIT_CHAIN_HEAD.ORGANISATION_ID.eq(org))
                .execute();
    }
}
