package org.noticeboard.x.listsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_GRANT;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_LIST_MEMBER;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.listsync.Budget;
import org.noticeboard.listsync.ListSync;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.listsync.ListSyncWorker;
import org.noticeboard.listsync.SliceOutcome;
import org.noticeboard.listsync.SyncKind;
import org.noticeboard.listsync.SyncState;
import org.noticeboard.testing.FollowListRows;
import org.noticeboard.testing.FollowListRows.Person;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.RecordedExchange;
import org.noticeboard.x.sandbox.SandboxUser;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Syncing follow lists to X against the X sandbox, which enforces X's per-user limits (300 list
 * member changes and 50 follows per 15 minutes, 5,000 members a List) and answers 429 past them.
 * Time is compressed: the test moves the portal's clock and the sandbox's together to each slice's
 * next window, and counts every exchange with the sandbox.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListSyncSandboxTest {

    static final TestDatabases.TestDatabase DATABASE = TestDatabases.create();
    /** X's clock, moved with the portal's. */
    static final ShiftableClock X_CLOCK = new ShiftableClock();
    static final XSandboxServer SANDBOX = XSandboxServer.builder(DATABASE.url(), DATABASE.username(), DATABASE.password())
            .clock(X_CLOCK).recordExchanges(true).start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("test.database.url", DATABASE::url);
        registry.add("test.database.username", DATABASE::username);
        registry.add("test.database.password", DATABASE::password);
        registry.add("noticeboard.x.sandbox.enabled", () -> "false");
        // this test drives the worker itself, slice by slice
        registry.add("noticeboard.x.publishing.enabled", () -> "false");
        registry.add("noticeboard.x.api-base-url", () -> SANDBOX.baseUrl() + "/2/");
        registry.add("noticeboard.x.token-uri", () -> SANDBOX.baseUrl() + "/2/oauth2/token");
        registry.add("noticeboard.x.authorization-uri", () -> SANDBOX.baseUrl() + "/i/oauth2/authorize");
        registry.add("noticeboard.x.client-id", () -> "list-sync-test");
        registry.add("noticeboard.x.client-secret", () -> "list-sync-test-secret");
        registry.add("noticeboard.x.token-keys", () -> "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XConnections connections;
    @Autowired ListSyncService syncs;
    @Autowired ListSyncWorker worker;
    @Autowired OfficialAccountService accounts;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;
    @Autowired org.noticeboard.stakeholder.StakeholderChecks checks;
    @Autowired org.noticeboard.x.stakeholder.StakeholderCheckTasks checkTasks;

    World.Org trust;
    String handle;
    SandboxUser xAccount;

    @BeforeEach
    void setUp() throws Exception {
        trust = world.organisation("List Sync Trust");
        handle = trust.account().handle().value();
        connections.connect(SANDBOX.sandbox(), SANDBOX.baseUrl(), trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
        xAccount = SANDBOX.sandbox().user(handle).orElseThrow();
        SANDBOX.clearExchanges();
    }

    /** Moves the portal's time and X's to {@code at} (a little after), never back. */
    void advanceTo(Instant at) {
        Duration by = Duration.between(clock.instant(), at);
        if (!by.isNegative()) {
            by = by.plusMillis(5);
            clock.advance(by);
            X_CLOCK.advance(by);
        }
    }

    /** {@code count} stakeholders whom the sandbox's X knows, on a new list of the trust's department. */
    Created list(String name, int count) {
        List<String> handles = FollowListRows.handles(count);
        var users = SANDBOX.sandbox().ensureUsers(handles);
        List<Person> people = handles.stream().map(h -> new Person(h, users.get(h).id())).toList();
        long organisation = trust.organisation().id();
        List<Long> ids = FollowListRows.stakeholders(db, organisation, people);
        long listId = FollowListRows.list(db, organisation, trust.department().id(), name, "ORGANISATION");
        FollowListRows.add(db, organisation, listId, ids);
        return new Created(listId, ids, people.stream().map(Person::xUserId).toList());
    }

    record Created(long listId, List<Long> stakeholderIds, List<String> xUserIds) {}

    long approved(long listId, SyncKind kind) {
        long id = caller.as(trust.member(Role.CURATOR), () -> syncs.request(listId, trust.account().id(), kind)).id();
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> syncs.approve(id));
        return id;
    }

    /** One slice, as the scheduler runs it, and when it ran. */
    record Slice(Instant at, SliceOutcome outcome) {}

    /** Runs slices as the scheduler would, moving both clocks to each slice's next time, until the job ends. */
    List<Slice> runToEnd(long syncId, int maxSlices) {
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < maxSlices; i++) {
            Instant at = clock.instant();
            SliceOutcome outcome = worker.runSlice(syncId);
            slices.add(new Slice(at, outcome));
            if (outcome.ended()) {
                break;
            }
            advanceTo(outcome.nextAt());
        }
        return slices;
    }

    ListSync status(long syncId) {
        return caller.as(trust.member(Role.CURATOR), () -> syncs.status(syncId));
    }

    List<RecordedExchange> exchanges(String method, String pathPattern) {
        return SANDBOX.exchanges().stream()
                .filter(e -> e.method().equals(method) && e.path().matches(pathPattern))
                .toList();
    }

    static final String MEMBERS = "/2/lists/\\d+/members";
    static final String MEMBER = "/2/lists/\\d+/members/\\d+";

    /** No request was over X's limits: the sandbox never answered 429, and every window held at most its allowance. */
    void assertWithinXLimits(List<Slice> slices, Budget budget) {
        assertThat(SANDBOX.exchanges()).noneMatch(e -> e.status() == 429);
        assertThat(slices).extracting(s -> s.outcome().kind())
                .doesNotContain(SliceOutcome.Kind.RATE_LIMITED, SliceOutcome.Kind.RETRY, SliceOutcome.Kind.FAILED);
        List<Slice> working = slices.stream().filter(s -> s.outcome().changes() > 0).toList();
        assertThat(working).allSatisfy(s -> assertThat(s.outcome().changes()).isLessThanOrEqualTo(budget.limit()));
        for (int i = 1; i < working.size(); i++) {
            assertThat(Duration.between(working.get(i - 1).at(), working.get(i).at()))
                    .as("time between slice %d and %d", i - 1, i).isGreaterThanOrEqualTo(Budget.WINDOW);
        }
    }

    List<String> onXList(long syncId) {
        return SANDBOX.sandbox().listMemberIds(status(syncId).xListId());
    }

    @Test
    void a_5000_member_list_is_synced_at_x_pace_and_the_x_list_ends_equal_to_it() {
        long setUpStart = System.nanoTime();
        Created list = list("National NHS bodies", 5000);
        long syncId = approved(list.listId(), SyncKind.SYNC_LIST);
        long setUpMillis = (System.nanoTime() - setUpStart) / 1_000_000;

        long syncStart = System.nanoTime();
        Instant firstAt = clock.instant();
        SliceOutcome first = worker.runSlice(syncId);
        List<Slice> slices = new ArrayList<>(List.of(new Slice(firstAt, first)));
        assertThat(first.changes()).isEqualTo(300);
        ListSync afterOne = status(syncId);
        assertThat(afterOne.percent()).isEqualTo(6);
        // 4,700 to go at 300 a window: 16 more windows, the first starting at nextAt
        assertThat(afterOne.estimatedFinish()).isEqualTo(first.nextAt().plus(Budget.SPAN.multipliedBy(15)));

        // meanwhile someone adds the next one on X by hand: X says yes again, and it counts as done
        String nextUp = db.select(X_LIST_SYNC_ITEM.X_USER_ID).from(X_LIST_SYNC_ITEM)
                .where(X_LIST_SYNC_ITEM.SYNC_ID.eq(syncId), X_LIST_SYNC_ITEM.SEQ.eq(301)).fetchSingle().value1();
        addOnX(afterOne.xListId(), nextUp);

        advanceTo(first.nextAt());
        slices.addAll(runToEnd(syncId, 40));
        long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;

        ListSync done = status(syncId);
        assertThat(done.state()).isEqualTo(SyncState.DONE);
        assertThat(done.total()).isEqualTo(5000);
        assertThat(done.added()).isEqualTo(5000);
        assertThat(done.failed()).isZero();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(new HashSet<>(onXList(syncId))).isEqualTo(new HashSet<>(list.xUserIds()));
        assertThat(onXList(syncId)).hasSize(5000);
        assertWithinXLimits(slices, Budget.MEMBERS);
        // 5,000 changes at 300 a window: 17 windows, not one more
        assertThat(slices.stream().filter(s -> s.outcome().changes() > 0)).hasSize(17);
        assertThat(exchanges("POST", MEMBERS)).hasSize(5000).allMatch(e -> e.status() == 200);
        assertThat(exchanges("POST", "/2/lists")).hasSize(1);
        assertThat(done.summary()).contains("now matches").contains("5,000 added, 0 removed");
        Duration onTheClock = Duration.between(firstAt, slices.getLast().at());
        assertThat(onTheClock).isGreaterThanOrEqualTo(Budget.WINDOW.multipliedBy(16));
        System.out.printf("[timing] 5,000-member list: set-up %d ms, sync %d ms (%d slices, %s of X's time)%n",
                setUpMillis, syncMillis, slices.size(), onTheClock);
    }

    void addOnX(String xListId, String userId) {
        long list = Long.parseLong(xListId);
        db.insertInto(X_SANDBOX_LIST_MEMBER)
                .set(X_SANDBOX_LIST_MEMBER.LIST_ID, list)
                .set(X_SANDBOX_LIST_MEMBER.USER_ID, Long.parseLong(userId))
                .set(X_SANDBOX_LIST_MEMBER.POSITION, DSL.select(DSL.coalesce(DSL.max(X_SANDBOX_LIST_MEMBER.POSITION), 0L)
                        .plus(1)).from(X_SANDBOX_LIST_MEMBER).where(X_SANDBOX_LIST_MEMBER.LIST_ID.eq(list)))
                .set(X_SANDBOX_LIST_MEMBER.ADDED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    @Test
    void a_list_changed_since_the_last_sync_changes_only_the_difference_on_x() {
        Created list = list("Health think tanks", 40);
        // one stakeholder without an X account: left out, and said so
        List<Long> unknown = FollowListRows.stakeholders(db, trust.organisation().id(),
                List.of(new Person(FollowListRows.handles(1).getFirst(), null)));
        FollowListRows.add(db, trust.organisation().id(), list.listId(), List.of(unknown.getLast()));
        long first = approved(list.listId(), SyncKind.SYNC_LIST);
        runToEnd(first, 5);
        String xListId = status(first).xListId();
        assertThat(status(first).skipped()).isOne();
        assertThat(new HashSet<>(onXList(first))).isEqualTo(new HashSet<>(list.xUserIds()));

        // five leave the list, seven join, and someone put an outsider on the X List by hand
        FollowListRows.remove(db, list.listId(), list.stakeholderIds().subList(0, 5));
        Created joiners = list("scratch", 7);
        FollowListRows.add(db, trust.organisation().id(), list.listId(), joiners.stakeholderIds());
        SandboxUser outsider = SANDBOX.sandbox().ensureUser(FollowListRows.handles(1).getFirst(), "Outsider", "");
        addOnX(xListId, outsider.id());
        SANDBOX.clearExchanges();

        long second = approved(list.listId(), SyncKind.SYNC_LIST);
        List<Slice> slices = runToEnd(second, 5);

        ListSync done = status(second);
        assertThat(done.state()).isEqualTo(SyncState.DONE);
        assertThat(done.xListId()).isEqualTo(xListId);
        assertThat(done.total()).isEqualTo(13);
        assertThat(done.added()).isEqualTo(7);
        assertThat(done.removed()).isEqualTo(6);
        assertThat(exchanges("POST", MEMBERS)).hasSize(7);
        assertThat(exchanges("DELETE", MEMBER)).hasSize(6);
        assertThat(exchanges("POST", "/2/lists")).isEmpty();
        Set<String> expected = new HashSet<>(list.xUserIds().subList(5, 40));
        expected.addAll(joiners.xUserIds());
        assertThat(new HashSet<>(onXList(second))).isEqualTo(expected);
        assertWithinXLimits(slices, Budget.MEMBERS);
        assertThat(done.summary()).contains("7 added, 6 removed")
                .contains("1 stakeholder on the list has no X account known to Noticeboard and was left out");
    }

    @Test
    void following_everyone_goes_at_50_per_15_minutes() {
        Created list = list("AHP leaders", 120);
        // the account itself is on the list: X refuses following oneself, so it is not tried
        List<Long> self = FollowListRows.stakeholders(db, trust.organisation().id(),
                List.of(new Person(handle, xAccount.id())));
        FollowListRows.add(db, trust.organisation().id(), list.listId(), self);
        long syncId = approved(list.listId(), SyncKind.FOLLOW_ALL);

        List<Slice> slices = runToEnd(syncId, 10);

        assertThat(slices).extracting(s -> s.outcome().changes()).containsExactly(50, 50, 20);
        assertWithinXLimits(slices, Budget.FOLLOWS);
        ListSync done = status(syncId);
        assertThat(done.state()).isEqualTo(SyncState.DONE);
        assertThat(done.followed()).isEqualTo(120);
        assertThat(SANDBOX.sandbox().followingIds(handle)).isEqualTo(new HashSet<>(list.xUserIds()));
        assertThat(exchanges("POST", "/2/users/\\d+/following")).hasSize(120);
        assertThat(done.summary()).contains("now follows").contains("120 followed");
    }

    @Test
    void a_refused_token_fails_the_sync_in_words_and_the_account_needs_reconnecting() {
        Created list = list("Patient groups", 10);
        long syncId = approved(list.listId(), SyncKind.SYNC_LIST);
        // X stops accepting the account's tokens (the user revoked the app on X)
        db.update(X_SANDBOX_GRANT).set(X_SANDBOX_GRANT.REVOKED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(X_SANDBOX_GRANT.USER_ID.eq(Long.parseLong(xAccount.id()))).execute();

        SliceOutcome outcome = worker.runSlice(syncId);

        assertThat(outcome.kind()).isEqualTo(SliceOutcome.Kind.FAILED);
        ListSync failed = status(syncId);
        assertThat(failed.state()).isEqualTo(SyncState.FAILED);
        assertThat(failed.message()).contains("X no longer accepts Noticeboard's connection to @" + handle)
                .contains("reconnect it");
        assertThat(failed.summary()).startsWith("Stopped after 0 of 0 changes");
        assertThat(caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.get(trust.account().id())).connectionState())
                .isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(String.valueOf(syncId)),
                AUDIT_EVENT.ACTION.eq("list-sync.failed"))).isOne();
        assertThat(worker.due(100)).doesNotContain(syncId);
    }

    @Test
    void an_x_list_deleted_on_x_during_the_sync_is_made_again_once_and_filled() {
        Created list = list("Royal colleges", 310);
        long syncId = approved(list.listId(), SyncKind.SYNC_LIST);
        SliceOutcome first = worker.runSlice(syncId);
        assertThat(first.changes()).isEqualTo(300);
        String deleted = status(syncId).xListId();
        SANDBOX.sandbox().deleteList(deleted);

        advanceTo(first.nextAt());
        List<Slice> slices = runToEnd(syncId, 10);

        assertThat(slices).extracting(s -> s.outcome().kind()).startsWith(SliceOutcome.Kind.REPLANNED)
                .endsWith(SliceOutcome.Kind.DONE);
        ListSync done = status(syncId);
        assertThat(done.state()).isEqualTo(SyncState.DONE);
        assertThat(done.xListId()).isNotEqualTo(deleted);
        assertThat(done.added()).isEqualTo(310);
        assertThat(SANDBOX.sandbox().list(deleted)).isEmpty();
        assertThat(new HashSet<>(onXList(syncId))).isEqualTo(new HashSet<>(list.xUserIds()));
        assertThat(db.select(X_LIST_SYNC.X_LIST_RECREATED).from(X_LIST_SYNC).where(X_LIST_SYNC.ID.eq(syncId))
                .fetchSingle().value1()).isTrue();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(String.valueOf(syncId)),
                AUDIT_EVENT.ACTION.eq("list-sync.x-list-recreated"))).isOne();
        assertThat(SANDBOX.exchanges()).noneMatch(e -> e.status() == 429);
        assertThat(exchanges("POST", "/2/lists")).hasSize(2);
    }

    @Test
    void the_background_check_asks_the_sandbox_about_unchecked_handles_100_at_a_time() {
        List<String> handles = FollowListRows.handles(150);
        var known = SANDBOX.sandbox().ensureUsers(handles.subList(0, 149));
        long organisation = trust.organisation().id();
        FollowListRows.stakeholders(db, organisation, handles.stream().map(h -> new Person(h, null)).toList());

        checks.checkDue(5);

        var rows = db.selectFrom(STAKEHOLDER).where(STAKEHOLDER.ORGANISATION_ID.eq(organisation)).fetch();
        assertThat(rows).hasSize(150).allSatisfy(r -> assertThat(r.getCheckedAt()).isNotNull());
        assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.getXExists())).hasSize(149)
                .allSatisfy(r -> assertThat(r.getXUserId()).isEqualTo(known.get(r.getHandle()).id()));
        assertThat(rows).filteredOn(r -> r.getHandle().equals(handles.get(149)))
                .singleElement().satisfies(r -> assertThat(r.getXExists()).isFalse());
        var lookups = exchanges("GET", "/2/users/by");
        assertThat(lookups).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            String usernames = java.net.URLDecoder.decode(java.util.Objects.requireNonNull(e.query()),
                    java.nio.charset.StandardCharsets.UTF_8).replaceAll(".*usernames=([^&]*).*", "$1");
            assertThat(usernames.split(",")).hasSizeLessThanOrEqualTo(100);
        });
        // the job that runs it: a recurring db-scheduler task, one instance at a time across portals
        assertThat(checkTasks.check().getName()).isEqualTo("x-stakeholder-check");
    }
}
