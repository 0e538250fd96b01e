package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.AUDIT_CHAIN_HEAD;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.AUDIT_LEGACY_BOUNDARY;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.ORGANISATION;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.db.jooq.tables.records.AuditEventRecord;

/**
 * The audit chain's writes and the reads that verify and checkpoint it. Made by the audit package's
 * beans themselves (not a bean of its own), so that a benchmark can build them from a DSLContext.
 */
class AuditRepository {

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    /** A row to append; its hash was computed by the caller. */
    record NewEvent(long organisationId, long seq, java.time.Instant occurredAt, @Nullable Long actorMemberId,
            String actorName, String action, String subjectType, String subjectId, String summary,
            @Nullable String beforeState, @Nullable String afterState,
            @Nullable String beforeDigest, @Nullable String afterDigest,
            String prevHash, String hash, String hashAlg, @Nullable String keyId) {}

    /** The head of a chain: its last sequence number and hash. */
    record Head(long seq, String hash) {}

    /** Whether the account is one of the organisation's: a search of the trail may name only those. */
    boolean hasAccount(long organisationId, long accountId) {
        return db.fetchExists(OFFICIAL_ACCOUNT, OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId),
                OFFICIAL_ACCOUNT.ID.eq(accountId));
    }

    /**
     * Makes sure the organisation's head row exists and locks it until commit (an upsert that changes
     * nothing still locks the row, and the insert-only trigger lets an unchanged head through), which
     * puts concurrent changes of one organisation in order; returns the head as it stands.
     */
    Head lockHead(long organisationId) {
        var head = db.insertInto(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.ORGANISATION_ID, organisationId)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, 0L)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, AuditHashing.GENESIS)
                .onConflict(AUDIT_CHAIN_HEAD.ORGANISATION_ID)
                .doUpdate()
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_SEQ)
                .returning()
                .fetchSingle();
        return new Head(head.getLastSeq(), head.getLastHash());
    }

    void append(List<NewEvent> events) {
        var insert = db.insertInto(AUDIT_EVENT, AUDIT_EVENT.ORGANISATION_ID, AUDIT_EVENT.SEQ, AUDIT_EVENT.OCCURRED_AT,
                AUDIT_EVENT.ACTOR_MEMBER_ID, AUDIT_EVENT.ACTOR_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.SUBJECT_TYPE,
                AUDIT_EVENT.SUBJECT_ID, AUDIT_EVENT.SUMMARY, AUDIT_EVENT.BEFORE_STATE, AUDIT_EVENT.AFTER_STATE,
                AUDIT_EVENT.BEFORE_DIGEST, AUDIT_EVENT.AFTER_DIGEST, AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH,
                AUDIT_EVENT.HASH_ALG, AUDIT_EVENT.KEY_ID);
        for (NewEvent e : events) {
            insert = insert.values(e.organisationId(), e.seq(), e.occurredAt().atOffset(ZoneOffset.UTC), e.actorMemberId(),
                    e.actorName(), e.action(), e.subjectType(), e.subjectId(), e.summary(), e.beforeState(), e.afterState(),
                    e.beforeDigest(), e.afterDigest(), e.prevHash(), e.hash(), e.hashAlg(), e.keyId());
        }
        insert.execute();
    }

    void moveHead(long organisationId, Head head) {
        db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, head.seq())
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, head.hash())
                .where(AUDIT_CHAIN_HEAD.ORGANISATION_ID.eq(organisationId))
                .execute();
    }

    Optional<Head> head(long organisationId) {
        return db.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_HASH).from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ORGANISATION_ID.eq(organisationId))
                .fetchOptional(r -> new Head(r.value1(), r.value2()));
    }

    /** The last sequence number that may be unkeyed (written before keys): 0 for a chain that began keyed. */
    long lastUnkeyedSeq(long organisationId) {
        return db.select(AUDIT_LEGACY_BOUNDARY.LAST_UNKEYED_SEQ).from(AUDIT_LEGACY_BOUNDARY)
                .where(AUDIT_LEGACY_BOUNDARY.ORGANISATION_ID.eq(organisationId))
                .fetchOptional(AUDIT_LEGACY_BOUNDARY.LAST_UNKEYED_SEQ).orElse(0L);
    }

    /** The organisation's events in chain order, read {@code batch} rows at a time; close it. */
    Cursor<AuditEventRecord> chain(long organisationId, int batch) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(organisationId))
                .orderBy(AUDIT_EVENT.SEQ)
                .fetchSize(batch)
                .fetchLazy();
    }

    String organisationName(long organisationId) {
        return db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.NAME).orElse("organisation #" + organisationId);
    }

    /** The e-mail addresses of the organisation's active auditors: they receive the checkpoints. */
    List<String> auditorAddresses(long organisationId) {
        return db.selectDistinct(MEMBER.EMAIL)
                .from(ROLE_GRANT)
                .join(MEMBER).on(MEMBER.ID.eq(ROLE_GRANT.MEMBER_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), MEMBER.ACTIVE.isTrue(), MEMBER.EMAIL.isNotNull(),
                        ROLE_GRANT.ROLE.eq(Role.AUDITOR.name()))
                .orderBy(MEMBER.EMAIL)
                .fetch(MEMBER.EMAIL);
    }
}
