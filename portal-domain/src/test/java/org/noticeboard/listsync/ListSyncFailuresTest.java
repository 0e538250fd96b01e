package org.noticeboard.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.FollowListRows;
import org.noticeboard.testing.FollowListRows.Person;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * X failing in the middle of a sync, on cue: server errors are retried with backoff, a rate limit
 * holds the job until X's reset, a change X refuses fails alone with X's words, a refused token
 * fails the job in words, and too many failures in a row stop it for a person to look at.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class ListSyncFailuresTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired ListSyncService syncs;
    @Autowired ListSyncWorker worker;
    @Autowired OfficialAccountService accounts;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    World.Org trust;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        trust = world.organisation("Sync Faults Trust");
        String xUserId = String.valueOf(trust.account().id() + 800_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
    }

    @AfterEach
    void tearDown() {
        x.reset();
        clock.reset();
    }

    long approvedSync(int members, SyncKind kind) {
        long organisation = trust.organisation().id();
        long listId = FollowListRows.list(db, organisation, trust.department().id(), "Charities", "DEPARTMENT");
        var people = new ArrayList<Person>();
        var handles = FollowListRows.handles(members);
        for (int i = 0; i < members; i++) {
            people.add(new Person(handles.get(i), String.valueOf(6_000_000_000L + listId * 1_000 + i)));
        }
        FollowListRows.add(db, organisation, listId, FollowListRows.stakeholders(db, organisation, people));
        long id = caller.as(trust.member(Role.CURATOR), () -> syncs.request(listId, trust.account().id(), kind)).id();
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> syncs.approve(id));
        return id;
    }

    ListSync status(long id) {
        return caller.as(trust.member(Role.CURATOR), () -> syncs.status(id));
    }

    void advanceTo(Instant at) {
        Duration by = Duration.between(clock.instant(), at);
        if (!by.isNegative()) {
            clock.advance(by.plusMillis(5));
        }
    }

    static XException serverError() {
        return new XException(XFailure.SERVER_ERROR, 503, "Service Unavailable");
    }

    @Test
    void server_errors_are_retried_with_growing_waits_and_then_the_work_goes_on() {
        long id = approvedSync(5, SyncKind.SYNC_LIST);
        x.nextChange(ListSyncFailuresTest::serverError);
        x.nextChange(ListSyncFailuresTest::serverError);

        Instant at = clock.instant();
        SliceOutcome first = worker.runSlice(id);
        assertThat(first.kind()).isEqualTo(SliceOutcome.Kind.RETRY);
        assertThat(first.nextAt()).isCloseTo(at.plusSeconds(30), within(2, ChronoUnit.SECONDS));
        ListSync waiting = status(id);
        assertThat(waiting.state()).isEqualTo(SyncState.RUNNING);
        assertThat(waiting.done()).isZero();
        assertThat(waiting.message()).contains("X did not answer properly (Service Unavailable)")
                .contains("tries again at");
        assertThat(worker.runSlice(id).kind()).isEqualTo(SliceOutcome.Kind.NOT_DUE);

        advanceTo(first.nextAt());
        at = clock.instant();
        SliceOutcome second = worker.runSlice(id);
        assertThat(second.kind()).isEqualTo(SliceOutcome.Kind.RETRY);
        assertThat(second.nextAt()).isCloseTo(at.plusSeconds(60), within(2, ChronoUnit.SECONDS));

        advanceTo(second.nextAt());
        SliceOutcome third = worker.runSlice(id);
        assertThat(third.kind()).isEqualTo(SliceOutcome.Kind.DONE);
        ListSync done = status(id);
        assertThat(done.added()).isEqualTo(5);
        assertThat(done.failed()).isZero();
        assertThat(done.message()).isNull();
        assertThat(x.changeCalls()).isEqualTo(7);
    }

    @Test
    void x_saying_its_limit_is_reached_holds_the_job_until_xs_reset() {
        long id = approvedSync(5, SyncKind.SYNC_LIST);
        Instant reset = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        x.nextChange(() -> new XException(XFailure.RATE_LIMITED, 429, "Too Many Requests", reset, null));

        SliceOutcome held = worker.runSlice(id);

        assertThat(held.kind()).isEqualTo(SliceOutcome.Kind.RATE_LIMITED);
        assertThat(held.nextAt()).isEqualTo(reset);
        ListSync waiting = status(id);
        assertThat(waiting.nextAt()).isEqualTo(reset);
        assertThat(waiting.estimatedFinish()).isEqualTo(reset);
        assertThat(waiting.message()).contains("X's limit on list changes").contains("carries on at");
        clock.advance(Duration.ofMinutes(5));
        assertThat(worker.runSlice(id).kind()).isEqualTo(SliceOutcome.Kind.NOT_DUE);

        advanceTo(reset);
        assertThat(worker.runSlice(id).kind()).isEqualTo(SliceOutcome.Kind.DONE);
        assertThat(status(id).added()).isEqualTo(5);
    }

    @Test
    void a_change_x_refuses_fails_alone_with_xs_words_and_one_x_already_made_counts_as_done() {
        long id = approvedSync(6, SyncKind.SYNC_LIST);
        x.nextChange(() -> new XException(XFailure.FORBIDDEN, 403, "You cannot add this user to the List."));
        x.nextChange(() -> new XException(XFailure.FORBIDDEN, 403, "The user is already a member of the List."));

        SliceOutcome outcome = worker.runSlice(id);

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.DONE);
        ListSync done = status(id);
        assertThat(done.total()).isEqualTo(6);
        assertThat(done.done()).isEqualTo(6);
        assertThat(done.added()).isEqualTo(5);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.summary()).contains("5 added, 0 removed, 1 refused by X").contains("X refused 1 change");
        var problems = caller.as(trust.member(Role.CURATOR), () -> syncs.problems(id));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo("ADD");
            assertThat(p.handle()).isNotNull();
            assertThat(p.detail()).contains("You cannot add this user to the List.");
        });
    }

    @Test
    void refusals_in_a_row_stop_the_job_for_a_person_to_look_at() {
        long id = approvedSync(40, SyncKind.FOLLOW_ALL);
        for (int i = 0; i < ListSyncWorker.REFUSALS_IN_A_ROW; i++) {
            x.nextChange(() -> new XException(XFailure.FORBIDDEN, 403, "You are unable to follow more people at this time."));
        }

        SliceOutcome outcome = worker.runSlice(id);

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        ListSync failed = status(id);
        assertThat(failed.state()).isEqualTo(SyncState.FAILED);
        assertThat(failed.failed()).isEqualTo(25);
        assertThat(failed.message()).contains("X refused 25 changes in a row")
                .contains("You are unable to follow more people at this time.");
        assertThat(x.changeCalls()).isEqualTo(25);
    }

    @Test
    void x_not_answering_eight_times_in_a_row_fails_the_job_in_words() {
        long id = approvedSync(3, SyncKind.SYNC_LIST);
        for (int i = 0; i < ListSyncWorker.MAX_ATTEMPTS; i++) {
            x.nextChange(ListSyncFailuresTest::serverError);
        }
        SliceOutcome outcome = null;
        for (int i = 0; i < ListSyncWorker.MAX_ATTEMPTS; i++) {
            outcome = worker.runSlice(id);
            if (outcome.nextAt() != null) {
                advanceTo(outcome.nextAt());
            }
        }

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        assertThat(status(id).message()).contains("X did not answer properly 8 times in a row")
                .contains("Ask for the sync again later");
    }

    @Test
    void a_token_x_refuses_fails_the_job_with_reconnect_words() {
        long id = approvedSync(3, SyncKind.SYNC_LIST);
        x.nextChange(() -> new XException(XFailure.UNAUTHORIZED, 401, "Unauthorized"));

        SliceOutcome outcome = worker.runSlice(id);

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        assertThat(status(id).message()).contains("X no longer accepts Noticeboard's connection")
                .contains("An account admin must reconnect it");
        assertThat(tokens.rejected()).containsKey(trust.account().id());
    }

    @Test
    void an_account_that_lost_its_connection_fails_the_job_without_calling_x() {
        long id = approvedSync(3, SyncKind.FOLLOW_ALL);
        tokens.reset();

        SliceOutcome outcome = worker.runSlice(id);

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        assertThat(status(id).message()).contains("reconnect it");
        assertThat(x.changeCalls()).isZero();
    }
}
