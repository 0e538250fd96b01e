package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.AUDIT_INTEGRITY_CHECK;
import static org.noticeboard.db.jooq.Tables.POST;

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

    /** Paging reaches this many of the newest matches. */
    public static final int SEARCH_WINDOW = 10_000;
    /** An export holds at most this many events. */
    public static final long EXPORT_LIMIT = 1_000_000;

    private final DSLContext db;
    private final Access access;
    private final Clock clock;
    private final AuditTrail audit;
    private final AuditRepository chain;
    private final AuditKeys keys;
    private final AuditCheckpointFiles checkpoints;

    public AuditService(DSLContext db, Access access, Clock clock, AuditTrail audit, AuditKeys keys,
            AuditCheckpointFiles checkpoints) {
        this.db = db;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.chain = new AuditRepository(db);
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    /**
     * A page of the matching events, newest first. Paging reaches the first {@link #SEARCH_WINDOW}
     * matches: past them, narrow the filters or export (exports stream every match).
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> search(AuditQuery query, int offset, int limit) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        checked(actor, query);
        int start = Math.max(0, offset);
        if (start >= SEARCH_WINDOW) {
            return List.of();
        }
        return db.selectFrom(AUDIT_EVENT)
                .where(conditions(actor, query))
                // newest first by time, then by chain order: one index serves every filter with a date range
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.SEQ.desc())
                .offset(start)
                .limit(Math.min(Math.clamp(limit, 1, 500), SEARCH_WINDOW - start))
                .fetch(AuditService::toEvent);
    }

    /** How many events match, counted up to {@link #SEARCH_WINDOW} (then {@link #matches} says "more"). */
    @Transactional(readOnly = true)
    public int count(AuditQuery query) {
        return (int) Math.min(matches(query).counted(), SEARCH_WINDOW);
    }

    /** How many events match, counting no further than one past the window, so a search over millions stays quick. */
    @Transactional(readOnly = true)
    public Matches matches(AuditQuery query) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        checked(actor, query);
        int counted = db.fetchCount(db.select(AUDIT_EVENT.ID).from(AUDIT_EVENT).where(conditions(actor, query))
                .limit(SEARCH_WINDOW + 1));
        return new Matches(Math.min(counted, SEARCH_WINDOW), counted > SEARCH_WINDOW);
    }

    /** Matching events counted up to the window; {@code more} when there are more than that. */
    public record Matches(long counted, boolean more) {

        public String describe() {
            return more ? "More than " + String.format("%,d", counted) + " events match; the list shows the newest "
                    + String.format("%,d", counted) + ". Narrow the filters, or export to get them all."
                    : String.format("%,d", counted) + (counted == 1 ? " event matches." : " events match.");
        }
    }

    /**
     * Writes every matching event (up to {@link #EXPORT_LIMIT}), oldest first, as CSV straight to
     * {@code out}, row by row from a database cursor, and records the export.
     */
    @Transactional
    public ExportSummary exportCsv(AuditQuery query, java.io.OutputStream out) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        checked(actor, query);
        long rows = 0;
        boolean truncated = false;
        var format = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader("seq", "occurred_at", "actor", "action", "subject_type", "subject_id", "summary", "changes")
                .get();
        try (var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
                var csv = new org.apache.commons.csv.CSVPrinter(writer, format);
                var cursor = db.selectFrom(AUDIT_EVENT).where(conditions(actor, query)).orderBy(AUDIT_EVENT.SEQ)
                        .fetchSize(1000).fetchLazy()) {
            for (AuditEventRecord row : cursor) {
                if (rows == EXPORT_LIMIT) {
                    truncated = true;
                    break;
                }
                AuditEvent event = toEvent(row);
                // names, summaries and changes hold people's text: a spreadsheet must show them, never run them
                csv.printRecord(org.noticeboard.shared.CsvCells.row(event.seq(), event.occurredAt(), event.actorName(),
                        event.action(), event.subjectType(), event.subjectId(), event.summary(),
                        String.join("; ", event.changes())));
                rows++;
            }
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The export could not be written", e);
        }
        var summary = new ExportSummary(rows, truncated, query.describe());
        audit.record(actor, "audit.exported", "audit_trail", "csv", "Audit trail exported as CSV: " + summary.describe(),
                null, null);
        return summary;
    }

    /** What an export held. */
    public record ExportSummary(long rows, boolean truncated, String filters) {

        public String describe() {
            return String.format("%,d", rows) + " events (" + filters + ")" + (truncated ? ", stopped at the limit of "
                    + String.format("%,d", EXPORT_LIMIT) + " events: narrow the dates for the rest" : "");
        }
    }

    /**
     * Records that the caller opened an auditor's page or record (who looked at what). Auditors and
     * organisation admins only, like everything they open.
     */
    @Transactional
    public void opened(String what, String subjectType, Object subjectId) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        audit.record(actor, "audit.viewed", subjectType, subjectId, actor.displayName() + " opened " + what, null, null);
    }

    /** Records an export (the compliance report's CSV or PDF) with what it held. */
    @Transactional
    public void exported(String what, String subjectType, Object subjectId) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        audit.record(actor, "audit.exported", subjectType, subjectId, actor.displayName() + " exported " + what, null, null);
    }

    /** The organisation's most recent integrity checks, newest first. */
    @Transactional(readOnly = true)
    public List<IntegrityCheck> checks(int limit) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        return recentChecks(actor.organisationId(), limit);
    }

    List<IntegrityCheck> recentChecks(long organisationId, int limit) {
        return db.selectFrom(AUDIT_INTEGRITY_CHECK)
                .where(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID.eq(organisationId))
                .orderBy(AUDIT_INTEGRITY_CHECK.CHECKED_AT.desc(), AUDIT_INTEGRITY_CHECK.ID.desc())
                .limit(Math.clamp(limit, 1, 100))
                .fetch(r -> new IntegrityCheck(new IntegrityReport(r.getIntact(), r.getEventsChecked(), r.getBrokenAtSeq(),
                        r.getProblem(), r.getCheckedAt().toInstant(), r.getUnkeyedEvents(), r.getCheckpoint()),
                        r.getTrigger(), r.getCheckedByName()));
    }

    void store(long organisationId, IntegrityReport report, String trigger, String byName) {
        db.insertInto(AUDIT_INTEGRITY_CHECK)
                .set(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID, organisationId)
                .set(AUDIT_INTEGRITY_CHECK.CHECKED_AT, report.checkedAt().atOffset(java.time.ZoneOffset.UTC))
                .set(AUDIT_INTEGRITY_CHECK.INTACT, report.intact())
                .set(AUDIT_INTEGRITY_CHECK.EVENTS_CHECKED, report.eventsChecked())
                .set(AUDIT_INTEGRITY_CHECK.BROKEN_AT_SEQ, report.brokenAtSeq())
                .set(AUDIT_INTEGRITY_CHECK.PROBLEM, report.problem())
                .set(AUDIT_INTEGRITY_CHECK.TRIGGER, trigger)
                .set(AUDIT_INTEGRITY_CHECK.CHECKED_BY_NAME, byName)
                .set(AUDIT_INTEGRITY_CHECK.UNKEYED_EVENTS, report.unkeyedEvents())
                .set(AUDIT_INTEGRITY_CHECK.CHECKPOINT, report.checkpoint())
                .execute();
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
    @Transactional
    public IntegrityReport verify() {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        IntegrityReport report = verify(actor.organisationId());
        store(actor.organisationId(), report, "ON_DEMAND", actor.displayName());
        audit.record(actor, "audit.verified", "audit_trail", actor.organisationId(), "Integrity check run by "
                + actor.displayName() + ": " + report.describe(), null, null);
        return report;
    }

    /** Rows read and hashed together; each row's own hash is recomputed in parallel, the links in order. */
    static final int VERIFY_BATCH = 5_000;

    IntegrityReport verify(long organisationId) {
        return verifyChain(organisationId).report();
    }

    /** A verification and the last event it checked (the head a checkpoint may then sign). */
    record Verification(IntegrityReport report, long lastSeq, String lastHash) {}

    /**
     * Recomputes every link of the chain in order: each event's keyed hash under the key it names (or, for
     * the events written before keys, its plain hash), and holds the chain against the checkpoint files
     * exported outside the database. Reports the first event that was altered, inserted out of order,
     * downgraded to an unkeyed hash, follows a deleted one, or differs from a checkpoint; and a chain that
     * ends before an exported checkpoint.
     */
    Verification verifyChain(long organisationId) {
        long boundary = chain.lastUnkeyedSeq(organisationId);
        // the checkpoint files first: a damaged or forged one is itself a finding
        var bySeq = new java.util.TreeMap<Long, AuditCheckpoint>();
        var files = new java.util.HashMap<Long, java.nio.file.Path>();
        for (var found : checkpoints.read(organisationId)) {
            String name = found.file().getFileName().toString();
            if (found.checkpoint().isEmpty()) {
                return new Verification(broken(0, null, "the checkpoint file " + name + " in " + checkpoints.folder(organisationId)
                        + " cannot be read as a checkpoint (damaged or forged)."), 0, AuditHashing.GENESIS);
            }
            AuditCheckpoint checkpoint = found.checkpoint().get();
            var valid = checkpoint.verify(keys);
            if (valid.isEmpty()) {
                return new Verification(broken(0, null, "the checkpoint file " + name + " is signed with audit key \""
                        + checkpoint.keyId() + "\", which is not configured here: add it back to " + AuditKeys.SETTING
                        + " after the current key."), 0, AuditHashing.GENESIS);
            }
            if (!valid.get() || checkpoint.organisationId() != organisationId) {
                return new Verification(broken(0, null, "the checkpoint file " + name + " does not carry a valid signature for "
                        + "this organisation (altered or forged)."), 0, AuditHashing.GENESIS);
            }
            bySeq.putIfAbsent(checkpoint.seq(), checkpoint);
            files.putIfAbsent(checkpoint.seq(), found.file());
        }
        long expectedSeq = 1;
        String expectedPrev = AuditHashing.GENESIS;
        long checked = 0;
        long unkeyed = 0;
        try (var cursor = chain.chain(organisationId, VERIFY_BATCH)) {
            while (cursor.hasNext()) {
                List<AuditEventRecord> batch = cursor.fetchNext(VERIFY_BATCH);
                // a row's content against its digests and hash depends on that row alone
                String[] content = new String[batch.size()];
                java.util.stream.IntStream.range(0, batch.size()).parallel()
                        .forEach(i -> content[i] = contentProblem(batch.get(i), boundary));
                for (int i = 0; i < batch.size(); i++) {
                    AuditEventRecord row = batch.get(i);
                    String problem = linkProblem(row, expectedSeq, expectedPrev);
                    if (problem == null) {
                        problem = content[i];
                    }
                    AuditCheckpoint checkpoint = bySeq.get(row.getSeq());
                    if (problem == null && checkpoint != null && !checkpoint.headHash().equals(row.getHash())) {
                        problem = "it is not the event the checkpoint exported at " + checkpoint.createdAt() + " ("
                                + files.get(row.getSeq()).getFileName() + ") signed: the chain up to it was rewritten.";
                    }
                    if (problem != null) {
                        return new Verification(broken(checked, expectedSeq < row.getSeq() ? expectedSeq : row.getSeq(),
                                problem), expectedSeq - 1, expectedPrev);
                    }
                    checked++;
                    if (AuditHashing.LEGACY.equals(row.getHashAlg())) {
                        unkeyed++;
                    }
                    expectedSeq = row.getSeq() + 1;
                    expectedPrev = row.getHash();
                }
            }
        }
        long lastSeq = expectedSeq - 1;
        var head = chain.head(organisationId).orElse(null);
        long headSeq = head == null ? 0 : head.seq();
        if (headSeq != lastSeq || (head != null && !head.hash().equals(expectedPrev))) {
            return new Verification(broken(checked, expectedSeq,
                    "the chain should end at event #" + headSeq + " but ends at #" + lastSeq
                            + ": the newest events were deleted or replaced."), lastSeq, expectedPrev);
        }
        String against;
        if (bySeq.isEmpty()) {
            against = "No checkpoint has been exported to " + checkpoints.folder(organisationId) + " yet.";
        } else {
            var latest = bySeq.lastEntry().getValue();
            if (latest.seq() > lastSeq) {
                return new Verification(broken(checked, lastSeq + 1, "the checkpoint exported at " + latest.createdAt() + " ("
                        + files.get(latest.seq()).getFileName() + ") saw event #" + latest.seq() + ", but the chain ends at #"
                        + lastSeq + ": events were deleted from its end."), lastSeq, expectedPrev);
            }
            against = "It matches the checkpoint of event #" + latest.seq() + " exported at " + latest.createdAt() + ".";
        }
        return new Verification(new IntegrityReport(true, checked, null, null, clock.instant(), unkeyed, against), lastSeq,
                expectedPrev);
    }

    private static @Nullable String linkProblem(AuditEventRecord row, long expectedSeq, String expectedPrev) {
        if (row.getSeq() != expectedSeq) {
            return "event #" + expectedSeq + " is missing (deleted) before event #" + row.getSeq() + ".";
        }
        if (!row.getPrevHash().equals(expectedPrev)) {
            return "it does not point at the event before it (an event was replaced or reordered).";
        }
        return null;
    }

    private @Nullable String contentProblem(AuditEventRecord row, long lastUnkeyedSeq) {
        if (!Objects.equals(AuditHashing.digest(row.getBeforeState()), row.getBeforeDigest())
                || !Objects.equals(AuditHashing.digest(row.getAfterState()), row.getAfterDigest())) {
            return "its recorded before/after state no longer matches its digest (altered).";
        }
        var occurredAt = row.getOccurredAt().toInstant();
        if (AuditHashing.LEGACY.equals(row.getHashAlg())) {
            if (row.getSeq() > lastUnkeyedSeq) {
                return "its hash is unkeyed (plain SHA-256), but every event after #" + lastUnkeyedSeq
                        + " is keyed: it was rewritten and its hash recomputed without the audit key.";
            }
            String recomputed = AuditHashing.chainHash(row.getPrevHash(), row.getOrganisationId(), row.getSeq(), occurredAt,
                    row.getActorMemberId(), row.getActorName(), row.getAction(), row.getSubjectType(), row.getSubjectId(),
                    row.getSummary(), row.getBeforeState(), row.getAfterState());
            return recomputed.equals(row.getHash()) ? null
                    : "its content no longer matches its hash (altered after it was written).";
        }
        if (!AuditHashing.KEYED.equals(row.getHashAlg()) || row.getKeyId() == null) {
            return "it names no known hash algorithm (altered).";
        }
        var recomputed = AuditHashing.keyedHash(keys, row.getKeyId(), row.getPrevHash(), row.getOrganisationId(),
                row.getSeq(), occurredAt, row.getActorMemberId(), row.getActorName(), row.getAction(), row.getSubjectType(),
                row.getSubjectId(), row.getSummary(), row.getBeforeState(), row.getAfterState());
        if (recomputed.isEmpty()) {
            return "it was signed with audit key \"" + row.getKeyId() + "\", which is not configured here: add it back to "
                    + AuditKeys.SETTING + " after the current key (or, with several instances, give them all the same keys).";
        }
        return recomputed.get().equals(row.getHash()) ? null
                : "its content no longer matches its keyed hash (altered after it was written; without the audit key a "
                        + "recomputed hash cannot match).";
    }

    private IntegrityReport broken(long checked, @Nullable Long seq, String problem) {
        return new IntegrityReport(false, checked, seq, problem, clock.instant());
    }

    /** A valid query; an account it names must be one of the organisation's (another's is refused as missing). */
    private void checked(Actor actor, AuditQuery query) {
        query.validated();
        if (query.accountId() != null && !chain.hasAccount(actor.organisationId(), query.accountId())) {
            throw new org.noticeboard.shared.NotFoundException("Official account", query.accountId());
        }
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
        if (notBlank(query.subjectId())) {
            conditions.add(AUDIT_EVENT.SUBJECT_ID.eq(query.subjectId().trim()));
        }
        if (query.accountId() != null) {
            long account = query.accountId();
            conditions.add(DSL.or(
                    AUDIT_EVENT.SUBJECT_TYPE.eq("official_account").and(AUDIT_EVENT.SUBJECT_ID.eq(String.valueOf(account))),
                    AUDIT_EVENT.SUBJECT_TYPE.eq("post").and(AUDIT_EVENT.SUBJECT_ID.in(
                            DSL.select(POST.ID.cast(String.class)).from(POST)
                                    .where(POST.ORGANISATION_ID.eq(actor.organisationId()), POST.ACCOUNT_ID.eq(account))))));
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
