package org.noticeboard.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.NOTIFICATION;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.FollowListRows;
import org.noticeboard.testing.FollowListRows.Person;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who may ask for, approve, cancel and see a sync, and what its status says (percent, estimated
 * finish at X's pace). X is the domain tests' fake here; the sandbox tests in portal-twitter run
 * the same worker against the X sandbox.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class ListSyncServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired ListSyncService syncs;
    @Autowired ListSyncWorker worker;
    @Autowired OfficialAccountService accounts;
    @Autowired DepartmentService departments;
    @Autowired MemberService members;
    @Autowired Access access;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    World.Org trust;
    long curator;
    long admin;
    long listId;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        trust = world.organisation("Sync Rules Trust");
        curator = trust.member(Role.CURATOR);
        admin = trust.member(Role.ACCOUNT_ADMIN);
        connect(trust);
        listId = list(trust, "Think tanks", "DEPARTMENT", 700, 0);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    void connect(World.Org org) {
        String xUserId = String.valueOf(org.account().id() + 700_000);
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(org.account().id(), xUserId,
                org.account().handle().value(), org.organisation().name()));
        tokens.connect(org.account().id(), xUserId);
    }

    /** A list of {@code withX} stakeholders whom X knows and {@code withoutX} whom it does not. */
    long list(World.Org org, String name, String visibility, int withX, int withoutX) {
        long id = FollowListRows.list(db, org.organisation().id(), org.department().id(), name, visibility);
        var handles = FollowListRows.handles(withX + withoutX);
        var people = new java.util.ArrayList<Person>();
        for (int i = 0; i < handles.size(); i++) {
            people.add(new Person(handles.get(i), i < withX ? String.valueOf(5_000_000_000L + id * 10_000 + i) : null));
        }
        FollowListRows.add(db, org.organisation().id(), id, FollowListRows.stakeholders(db, org.organisation().id(), people));
        return id;
    }

    long member(World.Org org, String name, Role role, Long departmentId, Long homeDepartment) {
        return access.asSystem(org.organisation().id(), "test set-up", () -> {
            long id = members.create(name, null, homeDepartment).id();
            if (role != null) {
                members.grant(id, role, departmentId);
            }
            return id;
        });
    }

    ListSync request(long member, SyncKind kind) {
        return caller.as(member, () -> syncs.request(listId, trust.account().id(), kind));
    }

    @Test
    void a_curator_asks_and_it_waits_for_an_account_admin_with_an_estimate_at_x_pace() {
        Instant before = clock.instant();
        ListSync asked = request(curator, SyncKind.SYNC_LIST);

        assertThat(asked.state()).isEqualTo(SyncState.AWAITING_APPROVAL);
        assertThat(asked.total()).isZero();
        assertThat(asked.percent()).isZero();
        // 700 changes at 300 per window: three windows, the last starting two windows from now
        assertThat(asked.estimatedFinish()).isCloseTo(before.plus(Budget.SPAN.multipliedBy(2)), within(5, ChronoUnit.SECONDS));
        assertThat(asked.summary()).contains("Waiting for an account admin of @" + trust.account().handle().value())
                .contains("700 stakeholders with an X account").contains("300 list changes per 15 minutes");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_TYPE.eq("x_list_sync"),
                AUDIT_EVENT.SUBJECT_ID.eq(String.valueOf(asked.id())), AUDIT_EVENT.ACTION.eq("list-sync.requested"))).isOne();
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(admin))).isOne();
        assertThat(caller.as(admin, () -> syncs.awaitingApproval())).extracting(ListSync::id).containsExactly(asked.id());
    }

    @Test
    void only_curators_of_the_lists_department_may_ask() {
        for (Role role : List.of(Role.STAFF, Role.APPROVER, Role.ACCOUNT_ADMIN, Role.AUDITOR)) {
            assertThatThrownBy(() -> request(trust.member(role), SyncKind.SYNC_LIST))
                    .as(role.name()).isInstanceOf(NotPermittedException.class);
        }
        long otherDepartment = access.asSystem(trust.organisation().id(), "test set-up",
                () -> departments.create("Radiology").id());
        long otherCurator = member(trust, "Radiology curator", Role.CURATOR, otherDepartment, otherDepartment);
        // a list kept for its department is not even visible to another department's curator
        assertThatThrownBy(() -> request(otherCurator, SyncKind.SYNC_LIST)).isInstanceOf(NotFoundException.class);
        // shared with the organisation, they see it but it is not theirs to sync
        long shared = list(trust, "Shared list", "ORGANISATION", 3, 0);
        assertThatThrownBy(() -> caller.as(otherCurator, () -> syncs.request(shared, trust.account().id(),
                SyncKind.SYNC_LIST))).isInstanceOf(NotPermittedException.class);
        assertThat(caller.as(otherCurator, () -> syncs.forList(shared))).isEmpty();
        long ownCurator = member(trust, "Physio curator", Role.CURATOR, trust.department().id(), null);
        assertThat(caller.as(ownCurator, () -> syncs.request(listId, trust.account().id(), SyncKind.FOLLOW_ALL)).state())
                .isEqualTo(SyncState.AWAITING_APPROVAL);
    }

    @Test
    void only_an_account_admin_of_the_account_other_than_the_requester_approves() {
        ListSync asked = request(curator, SyncKind.SYNC_LIST);
        for (Role role : List.of(Role.CURATOR, Role.STAFF, Role.APPROVER, Role.ORG_ADMIN)) {
            assertThatThrownBy(() -> caller.as(trust.member(role), () -> syncs.approve(asked.id())))
                    .as(role.name()).isInstanceOf(NotPermittedException.class);
        }
        long otherDepartment = access.asSystem(trust.organisation().id(), "test set-up",
                () -> departments.create("Estates").id());
        long otherAdmin = member(trust, "Estates admin", Role.ACCOUNT_ADMIN, otherDepartment, otherDepartment);
        assertThatThrownBy(() -> caller.as(otherAdmin, () -> syncs.approve(asked.id())))
                .isInstanceOfAny(NotPermittedException.class, NotFoundException.class);

        ListSync approved = caller.as(admin, () -> syncs.approve(asked.id()));

        assertThat(approved.state()).isEqualTo(SyncState.QUEUED);
        assertThat(approved.approvedBy()).isEqualTo(admin);
        assertThat(approved.summary()).startsWith("Approved by");
        assertThatThrownBy(() -> caller.as(admin, () -> syncs.approve(asked.id()))).isInstanceOf(ConflictException.class);
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(curator))).isOne();
    }

    @Test
    void nobody_approves_their_own_request() {
        long both = member(trust, "Curator and admin", Role.CURATOR, null, trust.department().id());
        access.asSystem(trust.organisation().id(), "test set-up", () -> members.grant(both, Role.ACCOUNT_ADMIN, null));
        ListSync asked = request(both, SyncKind.SYNC_LIST);

        assertThatThrownBy(() -> caller.as(both, () -> syncs.approve(asked.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("Another account admin");
        assertThat(caller.as(both, () -> syncs.awaitingApproval())).isEmpty();
        assertThat(caller.as(admin, () -> syncs.approve(asked.id())).state()).isEqualTo(SyncState.QUEUED);
    }

    @Test
    void other_organisations_see_nothing_and_cannot_use_another_organisations_account() {
        ListSync asked = request(curator, SyncKind.SYNC_LIST);
        World.Org other = world.organisation("Elsewhere Trust");
        connect(other);
        for (Role role : Role.values()) {
            long outsider = other.member(role);
            assertThatThrownBy(() -> caller.as(outsider, () -> syncs.status(asked.id()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> caller.as(outsider, () -> syncs.forList(listId))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> caller.as(outsider, () -> syncs.approve(asked.id()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> caller.as(outsider, () -> syncs.cancel(asked.id()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> caller.as(outsider, () -> syncs.problems(asked.id()))).isInstanceOf(NotFoundException.class);
            assertThat(caller.as(outsider, () -> syncs.awaitingApproval())).isEmpty();
        }
        // their curator cannot sync our list, ours cannot sync to their account
        assertThatThrownBy(() -> caller.as(other.member(Role.CURATOR), () -> syncs.request(listId, other.account().id(),
                SyncKind.SYNC_LIST))).isInstanceOf(NotFoundException.class);
        long ours = list(trust, "Another", "ORGANISATION", 2, 0);
        assertThatThrownBy(() -> caller.as(curator, () -> syncs.request(ours, other.account().id(), SyncKind.SYNC_LIST)))
                .isInstanceOf(NotFoundException.class);
        // a member of ours without any role sees no sync at all
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> syncs.status(asked.id())))
                .isInstanceOf(org.noticeboard.access.NotPermittedException.class);
    }

    @Test
    void asking_twice_or_for_an_unconnected_account_is_refused() {
        request(curator, SyncKind.SYNC_LIST);
        assertThatThrownBy(() -> request(curator, SyncKind.SYNC_LIST)).isInstanceOf(ConflictException.class);
        // following everyone is another job, and may be asked for alongside
        assertThat(request(curator, SyncKind.FOLLOW_ALL).state()).isEqualTo(SyncState.AWAITING_APPROVAL);

        caller.run(admin, () -> accounts.disconnect(trust.account().id()));
        long other = list(trust, "Other", "DEPARTMENT", 1, 0);
        assertThatThrownBy(() -> caller.as(curator, () -> syncs.request(other, trust.account().id(), SyncKind.SYNC_LIST)))
                .isInstanceOf(DomainException.class).hasMessageContaining("is not connected to X");
    }

    @Test
    void an_approved_sync_carries_out_the_list_as_it_was_approved_not_as_it_is_when_it_runs() {
        ListSync asked = request(curator, SyncKind.SYNC_LIST);
        caller.run(admin, () -> syncs.approve(asked.id()));
        List<String> approved = db.select(org.noticeboard.db.jooq.Tables.STAKEHOLDER.X_USER_ID)
                .from(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER)
                .join(org.noticeboard.db.jooq.Tables.STAKEHOLDER)
                .on(org.noticeboard.db.jooq.Tables.STAKEHOLDER.ID.eq(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER.STAKEHOLDER_ID))
                .where(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER.LIST_ID.eq(listId))
                .fetch(org.noticeboard.db.jooq.Tables.STAKEHOLDER.X_USER_ID);

        // after the approval, before the job runs, the list changes: one added, ten taken off
        var late = FollowListRows.stakeholders(db, trust.organisation().id(), List.of(new Person("LateAddition", "6999999999")));
        FollowListRows.add(db, trust.organisation().id(), listId, late);
        var off = db.select(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER.STAKEHOLDER_ID)
                .from(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER)
                .where(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER.LIST_ID.eq(listId)).limit(10)
                .fetch(org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER.STAKEHOLDER_ID);
        FollowListRows.remove(db, listId, off);

        worker.runSlice(asked.id());

        List<String> planned = db.select(org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM.X_USER_ID)
                .from(org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM)
                .where(org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM.SYNC_ID.eq(asked.id()),
                        org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM.ACTION.eq("ADD"))
                .fetch(org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM.X_USER_ID);
        assertThat(planned).as("exactly the 700 approved").containsExactlyInAnyOrderElementsOf(approved)
                .doesNotContain("6999999999");
        assertThat(caller.as(curator, () -> syncs.status(asked.id())).total()).isEqualTo(700);
    }

    @Test
    void percent_and_estimated_finish_follow_the_work_window_by_window() {
        ListSync asked = request(curator, SyncKind.SYNC_LIST);
        caller.run(admin, () -> syncs.approve(asked.id()));

        SliceOutcome first = worker.runSlice(asked.id());
        assertThat(first.kind()).isEqualTo(SliceOutcome.Kind.WAITING);
        assertThat(first.changes()).isEqualTo(300);
        ListSync running = caller.as(curator, () -> syncs.status(asked.id()));
        assertThat(running.state()).isEqualTo(SyncState.RUNNING);
        assertThat(running.total()).isEqualTo(700);
        assertThat(running.done()).isEqualTo(300);
        assertThat(running.added()).isEqualTo(300);
        assertThat(running.percent()).isEqualTo(42);
        // the window is used up: 300 more in the next one, the last 100 in the one after
        assertThat(running.nextAt()).isEqualTo(first.nextAt());
        assertThat(running.estimatedFinish()).isEqualTo(first.nextAt().plus(Budget.SPAN));
        assertThat(running.summary()).contains("300 of 700 changes made (300 added, 0 removed)")
                .contains("should finish around");

        // not before the next window, whoever asks
        assertThat(worker.runSlice(asked.id()).kind()).isEqualTo(SliceOutcome.Kind.NOT_DUE);
        clock.advance(Duration.between(clock.instant(), first.nextAt()).plusMillis(10));
        SliceOutcome second = worker.runSlice(asked.id());
        assertThat(second.changes()).isEqualTo(300);
        ListSync later = caller.as(curator, () -> syncs.status(asked.id()));
        assertThat(later.percent()).isEqualTo(85);
        assertThat(later.estimatedFinish()).isEqualTo(second.nextAt());

        clock.advance(Duration.between(clock.instant(), second.nextAt()).plusMillis(10));
        SliceOutcome third = worker.runSlice(asked.id());
        assertThat(third.kind()).isEqualTo(SliceOutcome.Kind.DONE);
        assertThat(third.changes()).isEqualTo(100);
        ListSync done = caller.as(curator, () -> syncs.status(asked.id()));
        assertThat(done.state()).isEqualTo(SyncState.DONE);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.estimatedFinish()).isNull();
        assertThat(done.nextAt()).isNull();
        assertThat(done.summary()).isEqualTo("The X List of @" + trust.account().handle().value()
                + " now matches \u201CThink tanks\u201D: 700 added, 0 removed.");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(String.valueOf(asked.id())),
                AUDIT_EVENT.ACTION.eq("list-sync.done"))).isOne();
    }

    @Test
    void following_everyone_is_estimated_at_50_per_window_and_stakeholders_without_x_are_left_out() {
        long follows = list(trust, "AHP leaders", "DEPARTMENT", 120, 3);
        Instant before = clock.instant();
        ListSync asked = caller.as(curator, () -> syncs.request(follows, trust.account().id(), SyncKind.FOLLOW_ALL));
        assertThat(asked.estimatedFinish()).isCloseTo(before.plus(Budget.SPAN.multipliedBy(2)), within(5, ChronoUnit.SECONDS));
        caller.run(admin, () -> syncs.approve(asked.id()));

        SliceOutcome first = worker.runSlice(asked.id());

        assertThat(first.changes()).isEqualTo(50);
        ListSync running = caller.as(curator, () -> syncs.status(asked.id()));
        assertThat(running.total()).isEqualTo(120);
        assertThat(running.skipped()).isEqualTo(3);
        assertThat(running.followed()).isEqualTo(50);
        assertThat(running.percent()).isEqualTo(41);
        assertThat(running.estimatedFinish()).isEqualTo(first.nextAt().plus(Budget.SPAN));
        assertThat(running.summary()).contains("50 follows per 15 minutes");
    }

    @Test
    void a_cancelled_sync_stops_and_is_not_worked_on() {
        ListSync asked = request(curator, SyncKind.SYNC_LIST);
        caller.run(admin, () -> syncs.approve(asked.id()));
        worker.runSlice(asked.id());
        assertThatThrownBy(() -> caller.as(trust.member(Role.STAFF), () -> syncs.cancel(asked.id())))
                .isInstanceOfAny(NotPermittedException.class, NotFoundException.class);

        ListSync cancelled = caller.as(curator, () -> syncs.cancel(asked.id()));

        assertThat(cancelled.state()).isEqualTo(SyncState.CANCELLED);
        assertThat(cancelled.summary()).contains("after 300 of 700 changes").contains("stay made");
        assertThat(cancelled.estimatedFinish()).isNull();
        clock.advance(Budget.SPAN.plusSeconds(1));
        assertThat(worker.runSlice(asked.id()).kind()).isEqualTo(SliceOutcome.Kind.NOTHING_TO_DO);
        assertThat(worker.due(100)).doesNotContain(asked.id());
        assertThatThrownBy(() -> caller.as(curator, () -> syncs.cancel(asked.id()))).isInstanceOf(ConflictException.class);
        // and a new request may be made
        assertThat(request(curator, SyncKind.SYNC_LIST).state()).isEqualTo(SyncState.AWAITING_APPROVAL);
    }

    @Test
    void a_list_over_5000_stakeholders_with_x_fails_in_words_before_touching_x() {
        long huge = list(trust, "Everyone", "DEPARTMENT", 5001, 0);
        ListSync asked = caller.as(curator, () -> syncs.request(huge, trust.account().id(), SyncKind.SYNC_LIST));
        caller.run(admin, () -> syncs.approve(asked.id()));

        SliceOutcome outcome = worker.runSlice(asked.id());

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        ListSync failed = caller.as(curator, () -> syncs.status(asked.id()));
        assertThat(failed.state()).isEqualTo(SyncState.FAILED);
        assertThat(failed.xListId()).isNull();
        assertThat(failed.message()).contains("5,001 stakeholders with an X account").contains("at most 5,000")
                .contains("Nothing was changed on X");
    }
}
