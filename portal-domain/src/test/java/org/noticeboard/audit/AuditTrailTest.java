package org.noticeboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.Tampering;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class AuditTrailTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired AuditService audit;
    @Autowired DepartmentService departments;
    @Autowired DSLContext db;

    World.Org org;
    long admin;
    long auditor;

    @BeforeEach
    void setUp() {
        org = world.organisation("Audit Trust");
        admin = org.member(Role.ORG_ADMIN);
        auditor = org.member(Role.AUDITOR);
    }

    @Test
    void every_change_is_recorded_with_actor_subject_and_before_after() {
        var created = caller.as(admin, () -> departments.create("Communications"));
        caller.run(admin, () -> departments.rename(created.id(), "Comms & Engagement", created.version()));

        var events = caller.as(auditor, () -> audit.search(AuditQuery.all().withText("Comms"), 0, 10));
        assertThat(events).hasSize(1);
        var renamed = events.getFirst();
        assertThat(renamed.action()).isEqualTo("department.renamed");
        assertThat(renamed.actorName()).isEqualTo("Organisation admin of Audit Trust");
        assertThat(renamed.actorMemberId()).isEqualTo(admin);
        assertThat(renamed.subjectType()).isEqualTo("department");
        assertThat(renamed.subjectId()).isEqualTo(String.valueOf(created.id()));
        assertThat(renamed.changes()).containsExactly("name: \"Communications\" \u2192 \"Comms & Engagement\"");
    }

    @Test
    void a_refused_change_writes_no_event_and_nothing_else() {
        int before = caller.as(auditor, () -> audit.count(AuditQuery.all()));
        assertThatThrownBy(() -> caller.run(admin, () -> departments.create("physiotherapy ")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        assertThat(caller.as(auditor, () -> audit.count(AuditQuery.all()))).isEqualTo(before);
    }

    @Test
    void an_untouched_chain_verifies_intact() {
        caller.run(admin, () -> departments.create("Communications"));
        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(report.eventsChecked()).isGreaterThan(10);
    }

    @Test
    void a_row_altered_in_sql_breaks_the_chain_at_that_event() {
        var dept = caller.as(admin, () -> departments.create("Communications"));
        long seq = seqOf("department.created", String.valueOf(dept.id()));
        caller.run(admin, () -> departments.create("Estates"));

        Tampering.execute(db, "update audit_event set summary = 'Department \"Nothing to see\" created' where organisation_id = ? and seq = ?",
                org.organisation().id(), seq);

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(seq);
        assertThat(report.problem()).contains("altered");
    }

    @Test
    void an_altered_before_state_is_found_even_when_its_hash_is_left_alone() {
        var dept = caller.as(admin, () -> departments.create("Communications"));
        caller.run(admin, () -> departments.rename(dept.id(), "Comms", dept.version()));
        long seq = seqOf("department.renamed", String.valueOf(dept.id()));

        Tampering.execute(db, "update audit_event set before_state = '{\"name\":\"Other\"}' where organisation_id = ? and seq = ?",
                org.organisation().id(), seq);

        var report = caller.as(auditor, audit::verify);
        assertThat(report.brokenAtSeq()).isEqualTo(seq);
    }

    @Test
    void a_deleted_row_is_reported_as_missing() {
        var dept = caller.as(admin, () -> departments.create("Communications"));
        long seq = seqOf("department.created", String.valueOf(dept.id()));
        caller.run(admin, () -> departments.create("Estates"));

        Tampering.execute(db, "delete from audit_event where organisation_id = ? and seq = ?", org.organisation().id(), seq);

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(seq);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void deleting_the_newest_events_is_found_too() {
        caller.run(admin, () -> departments.create("Communications"));
        Tampering.execute(db, "delete from audit_event where organisation_id = ? and seq = (select max(seq) from audit_event where organisation_id = ?)",
                org.organisation().id(), org.organisation().id());

        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).contains("newest events were deleted");
    }

    @Test
    void another_organisations_tampering_does_not_touch_ours_and_its_events_are_invisible() {
        var other = world.organisation("Other Trust");
        Tampering.execute(db, "update audit_event set actor_name = 'x' where organisation_id = ?", other.organisation().id());

        assertThat(caller.as(auditor, audit::verify).intact()).isTrue();
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withText("Other Trust"), 0, 100))).isEmpty();
    }

    @Test
    void concurrent_changes_in_one_organisation_form_one_unbroken_chain() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 20; i++) {
                String name = "Ward " + i;
                futures.add(pool.submit(() -> caller.run(admin, () -> departments.create(name))));
            }
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        var report = caller.as(auditor, audit::verify);
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(caller.as(auditor, () -> audit.count(AuditQuery.all().withAction("department.created")))).isEqualTo(21);
    }

    @Test
    void only_auditors_and_organisation_admins_read_the_trail() {
        for (Role role : new Role[] {Role.STAFF, Role.APPROVER, Role.ACCOUNT_ADMIN, Role.CURATOR}) {
            assertThatThrownBy(() -> caller.run(org.member(role), () -> audit.search(AuditQuery.all(), 0, 10)))
                    .isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> caller.run(org.member(role), audit::verify)).isInstanceOf(NotPermittedException.class);
        }
        assertThat(caller.as(admin, () -> audit.search(AuditQuery.all(), 0, 10))).isNotEmpty();
    }

    private long seqOf(String action, String subjectId) {
        return db.select(AUDIT_EVENT.SEQ).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ORGANISATION_ID.eq(org.organisation().id()), AUDIT_EVENT.ACTION.eq(action),
                        AUDIT_EVENT.SUBJECT_ID.eq(subjectId))
                .fetchSingle(AUDIT_EVENT.SEQ);
    }
}
