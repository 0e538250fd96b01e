package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.AUDIT_CHAIN_HEAD;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.db.jooq.tables.records.AuditEventRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading and verifying the audit trail: auditors and organisation admins only. */
@Service
public class AuditService {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, @Nullable String>> STATE = new TypeReference<>() {};

    private final DSLContext db;
    private final Access access;
    private final Clock clock;

    public AuditService(DSLContext db, Access access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> search(AuditQuery query, int offset, int limit) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        return db.selectFrom(AUDIT_EVENT)
                .where(conditions(actor, query))
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .offset(Math.max(0, offset))
                .limit(Math.clamp(limit, 1, 500))
                .fetch(AuditService::toEvent);
    }

    @Transactional(readOnly = true)
    public int count(AuditQuery query) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        return db.fetchCount(AUDIT_EVENT, conditions(actor, query));
    }

    /** The distinct actions recorded in the organisation, for filter choices. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        return db.selectDistinct(AUDIT_EVENT.ACTION)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(actor.organisationId()))
                .orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    /**
     * Recomputes every link of the organisation's chain, in order, and reports the first event
     * that was altered, inserted out of order, or follows a deleted one.
     */
    @Transactional(readOnly = true)
    public IntegrityReport verify() {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        return verify(actor.organisationId());
    }

    IntegrityReport verify(long organisationId) {
        long expectedSeq = 1;
        String expectedPrev = AuditHashing.GENESIS;
        long checked = 0;
        try (var cursor = db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(organisationId))
                .orderBy(AUDIT_EVENT.SEQ)
                .fetchSize(1000)
                .fetchLazy()) {
            for (AuditEventRecord row : cursor) {
                String problem = problemWith(row, expectedSeq, expectedPrev);
                if (problem != null) {
                    return broken(checked, expectedSeq < row.getSeq() ? expectedSeq : row.getSeq(), problem);
                }
                checked++;
                expectedSeq = row.getSeq() + 1;
                expectedPrev = row.getHash();
            }
        }
        var head = db.selectFrom(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.ORGANISATION_ID.eq(organisationId)).fetchOne();
        long lastSeq = head == null ? 0 : head.getLastSeq();
        if (lastSeq != expectedSeq - 1 || (head != null && !head.getLastHash().equals(expectedPrev))) {
            return broken(checked, expectedSeq,
                    "the chain should end at event #" + lastSeq + " but ends at #" + (expectedSeq - 1)
                            + ": the newest events were deleted or replaced.");
        }
        return new IntegrityReport(true, checked, null, null, clock.instant());
    }

    private static @Nullable String problemWith(AuditEventRecord row, long expectedSeq, String expectedPrev) {
        if (row.getSeq() != expectedSeq) {
            return "event #" + expectedSeq + " is missing (deleted) before event #" + row.getSeq() + ".";
        }
        if (!row.getPrevHash().equals(expectedPrev)) {
            return "it does not point at the event before it (an event was replaced or reordered).";
        }
        if (!Objects.equals(AuditHashing.digest(row.getBeforeState()), row.getBeforeDigest())
                || !Objects.equals(AuditHashing.digest(row.getAfterState()), row.getAfterDigest())) {
            return "its recorded before/after state no longer matches its digest (altered).";
        }
        String recomputed = AuditHashing.chainHash(row.getPrevHash(), row.getOrganisationId(), row.getSeq(),
                row.getOccurredAt().toInstant(), row.getActorMemberId(), row.getActorName(), row.getAction(),
                row.getSubjectType(), row.getSubjectId(), row.getSummary(), row.getBeforeState(), row.getAfterState());
        if (!recomputed.equals(row.getHash())) {
            return "its content no longer matches its hash (altered after it was written).";
        }
        return null;
    }

    private IntegrityReport broken(long checked, long seq, String problem) {
        return new IntegrityReport(false, checked, seq, problem, clock.instant());
    }

    private static Condition conditions(Actor actor, AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(AUDIT_EVENT.ORGANISATION_ID.eq(actor.organisationId()));
        if (notBlank(query.actorName())) {
            conditions.add(AUDIT_EVENT.ACTOR_NAME.containsIgnoreCase(query.actorName().trim()));
        }
        if (notBlank(query.action())) {
            conditions.add(AUDIT_EVENT.ACTION.eq(query.action().trim()));
        }
        if (notBlank(query.subjectType())) {
            conditions.add(AUDIT_EVENT.SUBJECT_TYPE.eq(query.subjectType().trim()));
        }
        if (notBlank(query.text())) {
            String text = query.text().trim();
            conditions.add(DSL.or(AUDIT_EVENT.SUMMARY.containsIgnoreCase(text),
                    AUDIT_EVENT.BEFORE_STATE.containsIgnoreCase(text), AUDIT_EVENT.AFTER_STATE.containsIgnoreCase(text)));
        }
        if (query.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(query.from().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(query.to().atOffset(java.time.ZoneOffset.UTC)));
        }
        return DSL.and(conditions);
    }

    private static boolean notBlank(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static AuditEvent toEvent(AuditEventRecord row) {
        return new AuditEvent(row.getId(), row.getSeq(), row.getOccurredAt().toInstant(), row.getActorMemberId(),
                row.getActorName(), row.getAction(), row.getSubjectType(), row.getSubjectId(), row.getSummary(),
                read(row.getBeforeState()), read(row.getAfterState()));
    }

    private static Map<String, @Nullable String> read(@Nullable String state) {
        return state == null ? Collections.emptyMap() : Collections.unmodifiableMap(json.readValue(state, STATE));
    }
}
