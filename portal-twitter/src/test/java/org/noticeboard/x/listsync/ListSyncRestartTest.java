package org.noticeboard.x.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.db.jooq.tables.records.XListSyncRecord;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.listsync.ListSync;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.listsync.SyncKind;
import org.noticeboard.listsync.SyncState;
import org.noticeboard.testing.FollowListRows;
import org.noticeboard.testing.FollowListRows.Person;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.noticeboard.x.testing.FaultSize;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The evidence end to end, through db-scheduler: a list of 1,200 members (5,000 under -Psoak) is synced to an X List
 * on the sandbox with a compressed clock; halfway, in the middle of a slice, the portal is stopped
 * and a new one is started on the same database; it resumes with the first change not yet made,
 * redoes none, X never answers 429, and the X List ends equal to the Noticeboard list.
 */
class ListSyncRestartTest {

    static final int MEMBERS = FaultSize.count("list-sync-restart.members", 1200, 5000);
    static final Duration WAIT = Duration.ofSeconds(90);

    static TestDatabases.TestDatabase database;
    /** X's clock; each portal's clock is moved with it. */
    static final ShiftableClock X_CLOCK = new ShiftableClock();
    /** How far the test has moved time on, for the next portal to start at. */
    static Duration shift = Duration.ZERO;
    static XSandboxServer sandbox;

    @BeforeAll
    static void start() {
        database = TestDatabases.create();
        sandbox = XSandboxServer.builder(database.url(), database.username(), database.password())
                .clock(X_CLOCK).recordExchanges(true).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static ConfigurableApplicationContext portal() {
        return new SpringApplicationBuilder(XTestApplication.class).properties(
                "server.port=0",
                "test.database.url=" + database.url(),
                "test.database.username=" + database.username(),
                "test.database.password=" + database.password(),
                "test.clock.shift=" + shift,
                "noticeboard.x.sandbox.enabled=false",
                "noticeboard.x.publishing.enabled=true",
                "noticeboard.x.publishing.poll-interval=100ms",
                "noticeboard.x.publishing.heartbeat=2s",
                "noticeboard.x.api-base-url=" + sandbox.baseUrl() + "/2/",
                "noticeboard.x.token-uri=" + sandbox.baseUrl() + "/2/oauth2/token",
                "noticeboard.x.authorization-uri=" + sandbox.baseUrl() + "/i/oauth2/authorize",
                "noticeboard.x.client-id=list-sync-restart",
                "noticeboard.x.client-secret=list-sync-restart-secret",
                "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").run();
    }

    /** Moves the portal's time and X's on to just after {@code at}. */
    static void advanceTo(ShiftableClock portalClock, Instant at) {
        Duration by = Duration.between(portalClock.instant(), at);
        if (!by.isNegative()) {
            by = by.plusMillis(5);
            portalClock.advance(by);
            X_CLOCK.advance(by);
            shift = shift.plus(by);
        }
    }

    static XListSyncRecord job(DSLContext db, long syncId) {
        return db.selectFrom(X_LIST_SYNC).where(X_LIST_SYNC.ID.eq(syncId)).fetchSingle();
    }

    static XListSyncRecord await(DSLContext db, long syncId, Predicate<XListSyncRecord> condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            XListSyncRecord job = job(db, syncId);
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Timed out waiting until " + what + "; the job: " + job(db, syncId));
    }

    /** The slice has ended and the job waits for X's next window. */
    static Predicate<XListSyncRecord> waitingOrDone(ShiftableClock clock) {
        return job -> job.getState().equals("DONE") || job.getState().equals("RUNNING") && job.getNextAt() != null
                && job.getNextAt().toInstant().isAfter(clock.instant());
    }

    static Map<Integer, OffsetDateTime> doneItems(DSLContext db, long syncId) {
        return db.select(X_LIST_SYNC_ITEM.SEQ, X_LIST_SYNC_ITEM.DONE_AT).from(X_LIST_SYNC_ITEM)
                .where(X_LIST_SYNC_ITEM.SYNC_ID.eq(syncId), X_LIST_SYNC_ITEM.STATE.eq("DONE"))
                .fetchMap(X_LIST_SYNC_ITEM.SEQ, X_LIST_SYNC_ITEM.DONE_AT);
    }

    @Test
    void a_list_of_thousands_survives_a_restart_halfway_and_ends_equal_on_x() throws Exception {
        long started = System.nanoTime();
        long syncId;
        long listId;
        List<String> xUserIds;
        String handle;
        long curator;
        int doneAtStop;
        Map<Integer, OffsetDateTime> doneBeforeRestart;
        try (var first = portal()) {
            var db = first.getBean(DSLContext.class);
            var clock = first.getBean(ShiftableClock.class);
            var caller = first.getBean(TestCaller.class);
            var syncs = first.getBean(ListSyncService.class);
            World.Org trust = first.getBean(World.class).organisation("Restart Trust");
            handle = trust.account().handle().value();
            curator = trust.member(Role.CURATOR);
            first.getBean(XConnections.class).connect(sandbox.sandbox(), sandbox.baseUrl(), trust.account().id(), handle,
                    trust.member(Role.ACCOUNT_ADMIN));
            List<String> handles = FollowListRows.handles(MEMBERS);
            var users = sandbox.sandbox().ensureUsers(handles);
            xUserIds = handles.stream().map(h -> users.get(h).id()).toList();
            long organisation = trust.organisation().id();
            List<Long> stakeholders = FollowListRows.stakeholders(db, organisation,
                    handles.stream().map(h -> new Person(h, users.get(h).id())).toList());
            listId = FollowListRows.list(db, organisation, trust.department().id(), "National NHS bodies", "PUBLIC");
            FollowListRows.add(db, organisation, listId, stakeholders);
            sandbox.clearExchanges();

            syncId = caller.as(trust.member(Role.CURATOR), () -> syncs.request(listId, trust.account().id(),
                    SyncKind.SYNC_LIST)).id();
            caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> syncs.approve(syncId));

            // whole windows until about half is done, moving time on to each next window
            XListSyncRecord job = await(db, syncId, waitingOrDone(clock), "the first slice is done");
            while (job.getDone() < MEMBERS / 2 - 300) {
                advanceTo(clock, job.getNextAt().toInstant());
                int before = job.getDone();
                job = await(db, syncId, waitingOrDone(clock).and(j -> j.getDone() > before), "the next slice is done");
            }
            // then into the next window, and stop the portal in the middle of its slice
            int before = job.getDone();
            advanceTo(clock, job.getNextAt().toInstant());
            await(db, syncId, j -> j.getDone() >= before + 50, "the slice is under way");
            // what closing the portal does first, without waiting for the rest of the context
            first.getBean(Scheduler.class).stop();
        }
        // the first portal is stopped: what it recorded is what X got
        try (var db = DSL.using(database.url(), database.username(), database.password())) {
            XListSyncRecord stopped = job(db, syncId);
            doneAtStop = stopped.getDone();
            doneBeforeRestart = doneItems(db, syncId);
            assertThat(stopped.getState()).isEqualTo("RUNNING");
            assertThat(doneAtStop).isBetween(MEMBERS / 2 - 300 + 50, MEMBERS / 2 + 300);
            assertThat(doneAtStop % 300).as("stopped in the middle of a slice").isNotZero();
            assertThat(doneBeforeRestart).hasSize(doneAtStop);
            assertThat(sandbox.sandbox().listMemberIds(stopped.getXListId())).hasSize(doneAtStop);
        }
        try (var second = startedAgain()) {
            var db = second.getBean(DSLContext.class);
            var clock = second.getBean(ShiftableClock.class);

            XListSyncRecord job = await(db, syncId, j -> j.getDone() > doneAtStop || j.getState().equals("DONE"),
                    "the new portal resumes");
            while (!job.getState().equals("DONE")) {
                job = await(db, syncId, waitingOrDone(clock), "a slice is done");
                if (!job.getState().equals("DONE")) {
                    advanceTo(clock, job.getNextAt().toInstant());
                    int before = job.getDone();
                    job = await(db, syncId, j -> j.getDone() > before || j.getState().equals("DONE"), "the next slice");
                }
            }

            var caller = second.getBean(TestCaller.class);
            long asCurator = curator;
            ListSync done = caller.as(asCurator, () -> second.getBean(ListSyncService.class).status(syncId));
            assertThat(done.state()).isEqualTo(SyncState.DONE);
            assertThat(done.added()).isEqualTo(MEMBERS);
            assertThat(done.failed()).isZero();
            List<String> onX = sandbox.sandbox().listMemberIds(done.xListId());
            assertThat(onX).hasSize(MEMBERS);
            assertThat(new HashSet<>(onX)).isEqualTo(new HashSet<>(xUserIds));
            // nothing done before the restart was done again, and nothing was sent twice
            Map<Integer, OffsetDateTime> doneAfter = doneItems(db, syncId);
            doneBeforeRestart.forEach((seq, at) -> assertThat(doneAfter.get(seq)).as("item %d", seq).isEqualTo(at));
            var adds = sandbox.exchanges().stream()
                    .filter(e -> e.method().equals("POST") && e.path().matches("/2/lists/\\d+/members")).toList();
            assertThat(adds).hasSize(MEMBERS).allMatch(e -> e.status() == 200);
            assertThat(sandbox.exchanges()).noneMatch(e -> e.status() == 429);
            assertThat(sandbox.exchanges().stream().filter(e -> e.method().equals("POST") && e.path().equals("/2/lists")))
                    .hasSize(1);
            // a public Noticeboard list makes a public X List
            assertThat(sandbox.sandbox().list(done.xListId()).orElseThrow().isPrivate()).isFalse();
            // the scheduler forgot the job once it ended
            assertThat(db.fetchCount(DSL.table("scheduled_tasks"), DSL.field("task_name").eq(ListSyncTasks.SYNC))).isZero();
            System.out.printf("[timing] %d-member list with a restart: %d ms in all, stopped at %d of %d, %s of X's time%n",
                    MEMBERS, (System.nanoTime() - started) / 1_000_000, doneAtStop, MEMBERS, shift);
        }
    }

    static ConfigurableApplicationContext startedAgain() {
        return portal();
    }
}
