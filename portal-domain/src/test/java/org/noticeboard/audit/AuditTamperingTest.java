package org.noticeboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.testing.CapturedMail;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.Tampering;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 20: the audit trail cannot be rewritten quietly, not even by someone with the database
 * password. Each test acts as that person, with SQL, and shows what verification then says.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class AuditTamperingTest {

    /** The key the domain tests sign with (src/test/resources/application.properties). */
    static final String TEST_KEY = "test:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final String OLD_KEY = "k1:QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
    static final String NEW_KEY = "k2:YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn8=";

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired AuditService audit;
    @Autowired DepartmentService departments;
    @Autowired DSLContext db;
    @Autowired IntegrityMonitor monitor;
    @Autowired AuditKeys keys;
    @Autowired AuditCheckpointFiles checkpoints;
    @Autowired Access access;
    @Autowired Clock clock;
    @Autowired TransactionTemplate tx;
    @Autowired CapturedMail mail;

    World.Org org;
    long orgId;
    long auditor;

    @BeforeEach
    void setUp() {
        org = world.organisation("Tamper Trust " + UUID.randomUUID().toString().substring(0, 6));
        orgId = org.organisation().id();
        auditor = org.member(Role.AUDITOR);
        for (String name : List.of("Communications", "Estates", "Pharmacy", "Radiology")) {
            caller.run(org.member(Role.ORG_ADMIN), () -> departments.create(name));
        }
    }

    @Test
    void an_event_rewritten_with_its_later_hashes_recomputed_in_plain_sha256_is_caught_at_that_event() {
        assertThat(caller.as(auditor, audit::verify).intact()).isTrue();
        long seq = seqOf("department.created", "Estates");

        // what a tamperer with the database password could do before: recompute every later hash and the head
        rewrite(seq, "Department \"Nothing to see\" created", false);

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(seq);
        assertThat(report.problem()).contains("keyed hash", "altered");
    }

    @Test
    void recomputed_hashes_marked_as_unkeyed_are_a_downgrade_not_legacy_events() {
        long seq = seqOf("department.created", "Estates");

        rewrite(seq, "Department \"Nothing to see\" created", true);

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(seq);
        assertThat(report.problem()).contains("unkeyed", "without the audit key");
    }

    @Test
    void the_applications_role_cannot_update_delete_or_truncate_audit_events_nor_move_the_head_back() {
        long seq = seqOf("department.created", "Estates");
        for (String sql : List.of("update audit_event set summary = 'x' where organisation_id = ? and seq = ?",
                "delete from audit_event where organisation_id = ? and seq = ?")) {
            assertThat(refusal(() -> db.execute(sql, orgId, seq))).contains("audit_event is insert-only");
        }
        assertThat(refusal(() -> db.execute("truncate audit_event"))).contains("audit_event is insert-only: TRUNCATE refused");
        assertThat(refusal(() -> db.execute("update audit_chain_head set last_seq = last_seq - 1 where organisation_id = ?",
                orgId))).contains("only moves forward");
        assertThat(refusal(() -> db.execute("update audit_chain_head set last_hash = 'f00' where organisation_id = ?", orgId)))
                .contains("only moves forward");
        assertThat(refusal(() -> db.execute("delete from audit_chain_head where organisation_id = ?", orgId)))
                .contains("DELETE refused");
        // nor widen what may be unkeyed, nor remove the record of a failed check
        db.execute("insert into audit_legacy_boundary (organisation_id, last_unkeyed_seq) values (?, 0)", orgId);
        assertThat(refusal(() -> db.execute("update audit_legacy_boundary set last_unkeyed_seq = 1000000 where organisation_id = ?",
                orgId))).contains("insert-only");
        caller.as(auditor, audit::verify);
        assertThat(refusal(() -> db.execute("delete from audit_integrity_check where organisation_id = ?", orgId)))
                .contains("insert-only");

        // the portal itself still appends: the head moves forward
        caller.run(org.member(Role.ORG_ADMIN), () -> departments.create("Theatres"));
        assertThat(db.fetchValue("select summary from audit_event where organisation_id = ? and seq = ?", orgId, seq))
                .isEqualTo("Department \"Estates\" created");
        assertThat(caller.as(auditor, audit::verify).intact()).isTrue();
    }

    @Test
    void the_daily_check_exports_a_signed_checkpoint_to_a_file_and_mails_it_to_the_auditors() {
        db.execute("update member set email = ? where id = ?", "auditor-" + orgId + "@example.nhs.uk", auditor);
        long head = headSeq();

        var report = monitor.check(orgId);

        assertThat(report.intact()).as(report.describe()).isTrue();
        var files = checkpoints.read(orgId);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.file()).startsWith(checkpoints.directory());
            assertThat(f.checkpoint()).get().satisfies(c -> {
                assertThat(c.seq()).isEqualTo(head);
                assertThat(c.keyId()).isEqualTo("test");
                assertThat(c.verify(keys)).contains(true);
            });
        });
        assertThat(mail.to("auditor-" + orgId + "@example.nhs.uk")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("seq: " + head, "signature: "));
        // the export is itself in the trail, and the next verification holds the chain against the file
        assertThat(db.fetchValue("select action from audit_event where organisation_id = ? and seq = ?", orgId, head + 1))
                .isEqualTo("audit.checkpoint-exported");
        var next = caller.as(auditor, audit::verify);
        assertThat(next.intact()).isTrue();
        assertThat(next.checkpoint()).contains("checkpoint of event #" + head);
    }

    @Test
    void a_full_rewrite_with_the_key_is_caught_against_the_exported_checkpoint() {
        monitor.check(orgId);
        long checkpointed = headSeq() - 1;
        long seq = seqOf("department.created", "Estates");

        // even someone who also stole the audit key: every hash recomputed with it verifies on its own...
        rewriteWithKey(seq, "Department \"Nothing to see\" created");

        // ...but the event the checkpoint signed has changed
        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(checkpointed);
        assertThat(report.problem()).contains("checkpoint", "rewritten");
    }

    @Test
    void deleting_the_last_events_and_moving_the_head_back_is_caught_against_the_checkpoint() {
        monitor.check(orgId);
        long checkpointed = headSeq() - 1;
        long keep = checkpointed - 2;

        Tampering.behindThePortalsBack(db, owner -> {
            owner.execute("delete from audit_event where organisation_id = ? and seq > ?", orgId, keep);
            owner.execute("update audit_chain_head set last_seq = ?, last_hash = (select hash from audit_event "
                    + "where organisation_id = ? and seq = ?) where organisation_id = ?", keep, orgId, keep, orgId);
        });

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(keep + 1);
        assertThat(report.problem()).contains("saw event #" + checkpointed, "ends at #" + keep, "deleted from its end");
    }

    @Test
    void a_forged_or_damaged_checkpoint_file_is_reported() throws Exception {
        monitor.check(orgId);
        var file = checkpoints.read(orgId).getFirst().file();
        Files.writeString(file, Files.readString(file).replaceFirst("seq: \\d+", "seq: 1"));

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).contains(file.getFileName().toString(), "valid signature");
    }

    @Test
    void events_under_the_old_key_and_the_new_key_both_verify_after_rotation() {
        var before = AuditKeys.parse(OLD_KEY + "," + TEST_KEY);
        var after = AuditKeys.parse(NEW_KEY + "," + OLD_KEY + "," + TEST_KEY);
        record(new AuditTrail(db, clock, before), "Recorded under the old key");
        record(new AuditTrail(db, clock, after), "Recorded under the new key");

        assertThat(db.fetch("select distinct key_id from audit_event where organisation_id = ?", orgId)
                .getValues(0, String.class)).containsExactlyInAnyOrder("test", "k1", "k2");
        var rotated = new AuditService(db, access, clock, new AuditTrail(db, clock, after), after, checkpoints);
        IntegrityReport report = tx.execute(s -> rotated.verify(orgId));
        assertThat(report.intact()).as(report.describe()).isTrue();

        // the old key must stay configured for verification: without it, its events cannot be checked
        var forgotten = AuditKeys.parse(NEW_KEY + "," + TEST_KEY);
        IntegrityReport withoutOld = tx.execute(s -> new AuditService(db, access, clock,
                new AuditTrail(db, clock, forgotten), forgotten, checkpoints).verify(orgId));
        assertThat(withoutOld.intact()).isFalse();
        assertThat(withoutOld.problem()).contains("\"k1\"", "not configured", AuditKeys.SETTING);
    }

    @Test
    void events_written_before_keyed_hashing_still_verify_and_are_counted() {
        long legacyOrg = legacyOrganisation(3);
        record(legacyOrg, new AuditTrail(db, clock, keys), "First keyed event");

        IntegrityReport report = tx.execute(s -> audit.verify(legacyOrg));
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(4);
        assertThat(report.unkeyedEvents()).isEqualTo(3);
        assertThat(report.describe()).contains("3 of them were written before keyed hashing");

        // a legacy event rewritten: the keyed event after it no longer points at it, and cannot be recomputed
        Tampering.execute(db, "update audit_event set summary = 'Edited', hash = ? where organisation_id = ? and seq = 2",
                legacyHash(legacyOrg, 2, "Edited"), legacyOrg);
        IntegrityReport edited = tx.execute(s -> audit.verify(legacyOrg));
        assertThat(edited.intact()).isFalse();
        assertThat(edited.brokenAtSeq()).isEqualTo(3);
    }

    /** What PostgreSQL said when it refused the statement. */
    private static String refusal(Runnable statement) {
        var thrown = catchThrowableOfType(DataAccessException.class, statement::run);
        assertThat(thrown).as("refused").isNotNull();
        return NestedExceptionUtils.getMostSpecificCause(thrown).getMessage();
    }

    // --- what the tamperer does ---

    /** Replaces one event's summary and recomputes its hash and every later one with plain SHA-256, and the head. */
    private void rewrite(long fromSeq, String summary, boolean markUnkeyed) {
        Tampering.behindThePortalsBack(db, owner -> {
            var rows = owner.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ORGANISATION_ID.eq(orgId), AUDIT_EVENT.SEQ.ge(fromSeq))
                    .orderBy(AUDIT_EVENT.SEQ).fetch();
            String prev = rows.getFirst().getPrevHash();
            for (var row : rows) {
                String text = row.getSeq() == fromSeq ? summary : row.getSummary();
                String hash = AuditHashing.chainHash(prev, orgId, row.getSeq(), row.getOccurredAt().toInstant(),
                        row.getActorMemberId(), row.getActorName(), row.getAction(), row.getSubjectType(), row.getSubjectId(),
                        text, row.getBeforeState(), row.getAfterState());
                var update = owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SUMMARY, text).set(AUDIT_EVENT.PREV_HASH, prev)
                        .set(AUDIT_EVENT.HASH, hash);
                if (markUnkeyed) {
                    update = update.set(AUDIT_EVENT.HASH_ALG, AuditHashing.LEGACY).set(AUDIT_EVENT.KEY_ID, (String) null);
                }
                update.where(AUDIT_EVENT.ID.eq(row.getId())).execute();
                prev = hash;
            }
            owner.execute("update audit_chain_head set last_hash = ? where organisation_id = ?", prev, orgId);
        });
    }

    /** The same with the audit key itself. */
    private void rewriteWithKey(long fromSeq, String summary) {
        Tampering.behindThePortalsBack(db, owner -> {
            var rows = owner.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ORGANISATION_ID.eq(orgId), AUDIT_EVENT.SEQ.ge(fromSeq))
                    .orderBy(AUDIT_EVENT.SEQ).fetch();
            String prev = rows.getFirst().getPrevHash();
            for (var row : rows) {
                String text = row.getSeq() == fromSeq ? summary : row.getSummary();
                String hash = AuditHashing.keyedHash(keys, row.getKeyId(), prev, orgId, row.getSeq(),
                        row.getOccurredAt().toInstant(), row.getActorMemberId(), row.getActorName(), row.getAction(),
                        row.getSubjectType(), row.getSubjectId(), text, row.getBeforeState(), row.getAfterState()).orElseThrow();
                owner.update(AUDIT_EVENT).set(AUDIT_EVENT.SUMMARY, text).set(AUDIT_EVENT.PREV_HASH, prev)
                        .set(AUDIT_EVENT.HASH, hash).where(AUDIT_EVENT.ID.eq(row.getId())).execute();
                prev = hash;
            }
            owner.execute("update audit_chain_head set last_hash = ? where organisation_id = ?", prev, orgId);
        });
        // on its own, the rewritten chain verifies: only the checkpoint can tell
    }

    // --- set-up ---

    private void record(AuditTrail trail, String summary) {
        record(orgId, trail, summary);
    }

    private void record(long organisationId, AuditTrail trail, String summary) {
        tx.executeWithoutResult(s -> trail.record(Actor.system(organisationId, "Rotation test"), "test.recorded", "test",
                "1", summary, null, Map.of("note", summary)));
    }

    /**
     * An organisation whose first {@code events} events were written by the portal before keyed hashing
     * (plain SHA-256, no key id) and the boundary V026 recorded for it.
     */
    private long legacyOrganisation(int events) {
        long id = db.fetchSingle("insert into organisation (slug, name) values (?, ?) returning id",
                "legacy-" + UUID.randomUUID().toString().substring(0, 8), "Legacy Trust").get(0, Long.class);
        String prev = AuditHashing.GENESIS;
        for (int seq = 1; seq <= events; seq++) {
            Instant at = AuditHashing.truncate(Instant.parse("2025-06-0" + seq + "T10:00:00Z"));
            String hash = AuditHashing.chainHash(prev, id, seq, at, null, "Legacy set-up", "legacy.event", "thing",
                    String.valueOf(seq), "Legacy event " + seq, null, null);
            db.execute("insert into audit_event (organisation_id, seq, occurred_at, actor_name, action, subject_type, "
                    + "subject_id, summary, prev_hash, hash) values (?, ?, ?::timestamptz, 'Legacy set-up', 'legacy.event', 'thing', ?, ?, ?, ?)",
                    id, (long) seq, at.toString(), String.valueOf(seq), "Legacy event " + seq, prev, hash);
            prev = hash;
        }
        db.execute("insert into audit_chain_head (organisation_id, last_seq, last_hash) values (?, ?, ?)", id, (long) events, prev);
        db.execute("insert into audit_legacy_boundary (organisation_id, last_unkeyed_seq) values (?, ?)", id, (long) events);
        return id;
    }

    private String legacyHash(long organisationId, long seq, String summary) {
        var row = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ORGANISATION_ID.eq(organisationId), AUDIT_EVENT.SEQ.eq(seq))
                .fetchSingle();
        return AuditHashing.chainHash(row.getPrevHash(), organisationId, seq, row.getOccurredAt().toInstant(), null,
                row.getActorName(), row.getAction(), row.getSubjectType(), row.getSubjectId(), summary, null, null);
    }

    private long seqOf(String action, String summaryWord) {
        return db.select(AUDIT_EVENT.SEQ).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(orgId), AUDIT_EVENT.ACTION.eq(action),
                        AUDIT_EVENT.SUMMARY.contains(summaryWord))
                .fetchSingle(AUDIT_EVENT.SEQ);
    }

    private long headSeq() {
        return db.fetchSingle("select last_seq from audit_chain_head where organisation_id = ?", orgId).get(0, Long.class);
    }
}
