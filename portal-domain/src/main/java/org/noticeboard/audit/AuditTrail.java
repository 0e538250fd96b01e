package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.AUDIT_CHAIN_HEAD;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
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
        long seq = head.getLastSeq() + 1;
        var occurredAt = AuditHashing.truncate(clock.instant());
        String beforeState = before == null ? null : AuditState.canonical(before);
        String afterState = after == null ? null : AuditState.canonical(after);
        String id = subjectId.toString();
        String hash = AuditHashing.chainHash(head.getLastHash(), org, seq, occurredAt, actor.memberId(),
                actor.displayName(), action, subjectType, id, summary, beforeState, afterState);
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ORGANISATION_ID, org)
                .set(AUDIT_EVENT.SEQ, seq)
                .set(AUDIT_EVENT.OCCURRED_AT, occurredAt.atOffset(java.time.ZoneOffset.UTC))
                .set(AUDIT_EVENT.ACTOR_MEMBER_ID, actor.memberId())
                .set(AUDIT_EVENT.ACTOR_NAME, actor.displayName())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.SUBJECT_TYPE, subjectType)
                .set(AUDIT_EVENT.SUBJECT_ID, id)
                .set(AUDIT_EVENT.SUMMARY, summary)
                .set(AUDIT_EVENT.BEFORE_STATE, beforeState)
                .set(AUDIT_EVENT.AFTER_STATE, afterState)
                .set(AUDIT_EVENT.BEFORE_DIGEST, AuditHashing.digest(beforeState))
                .set(AUDIT_EVENT.AFTER_DIGEST, AuditHashing.digest(afterState))
                .set(AUDIT_EVENT.PREV_HASH, head.getLastHash())
                .set(AUDIT_EVENT.HASH, hash)
                .execute();
        db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, seq)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, hash)
                .where(AUDIT_CHAIN_HEAD.ORGANISATION_ID.eq(org))
                .execute();
    }
}
