package org.noticeboard.x.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.shared.DatabaseUnavailableException;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.FaultSize;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stops (12 s; 30 s under -Psoak) while posts are due and staff are working. The portal reaches
 * PostgreSQL through {@link PostgresOutage}, which cuts its connections and refuses new ones for
 * the outage (the server itself keeps running: CI's second pass shares it). X (the sandbox) keeps
 * its own connection and stays up; it answers slowly at first, so that some posts are on their way
 * to X when the database goes. Staff are told plainly that nothing was saved; afterwards their
 * drafts are as they left them and saving works again; every post is published exactly once.
 */
class DatabaseOutageTest {

    static final Duration OUTAGE = FaultSize.duration("database-outage.outage", Duration.ofSeconds(12), Duration.ofSeconds(30));
    static final int ACCOUNTS = 2;
    static final int PER_ACCOUNT = FaultSize.count("database-outage.per-account", 12, 20);
    static final int DUE_BEFORE = 10;
    static final String CREATE = "/x-sandbox/2/tweets";

    static TestDatabases.TestDatabase database;
    static XSandboxServer sandbox;
    static WireMockServer wire;
    static PostgresOutage outage;
    static HikariDataSource direct;
    static @Nullable ConfigurableApplicationContext portal;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create();
        sandbox = XSandboxServer.start(database.url(), database.username(), database.password());
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port())));
        outage = PostgresOutage.inFrontOf(database.url());
        direct = FaultPortals.direct(database);
        portal = FaultPortals.start(FaultPortals.properties(outage.jdbcUrl(), database, wire.baseUrl() + "/x-sandbox/2/",
                sandbox, "db-outage"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
        outage.close();
        wire.stop();
        sandbox.close();
        direct.close();
    }

    @Test
    void the_database_stops_while_posts_are_due_and_staff_are_working() throws Exception {
        var portal = Objects.requireNonNull(DatabaseOutageTest.portal);
        var world = portal.getBean(World.class);
        var caller = portal.getBean(TestCaller.class);
        var accounts = portal.getBean(OfficialAccountService.class);
        var connections = portal.getBean(XConnections.class);
        var posts = portal.getBean(PostService.class);
        DSLContext db = FaultPortals.dsl(direct);

        var trust = world.organisation("Steady Trust");
        long admin = trust.member(Role.ACCOUNT_ADMIN);
        long staff = trust.member(Role.STAFF);
        var handles = new ArrayList<String>();
        var texts = new LinkedHashMap<Long, String>();
        var handleOf = new LinkedHashMap<Long, String>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String handle = trust.account().handle().value() + "_" + a;
            long accountId = caller.as(admin, () -> accounts.register(handle, "Steady " + handle, trust.department().id())).id();
            connections.connect(sandbox.sandbox(), sandbox.baseUrl(), accountId, handle, admin);
            handles.add(handle);
            var wanted = new ArrayList<String>();
            for (int i = 0; i < PER_ACCOUNT; i++) {
                wanted.add("Notice " + i + " from " + handle);
            }
            var ids = FaultPortals.approvedAndHeld(portal, trust, accountId, wanted);
            for (int i = 0; i < ids.size(); i++) {
                texts.put(ids.get(i), wanted.get(i));
                handleOf.put(ids.get(i), handle);
            }
        }
        long draftAccount = trust.account().id();
        Post before = caller.as(staff, () -> posts.save(null, draft(draftAccount, "Clinic closed on Monday for training"), 0));

        // X answers slowly for now: posts due just before the outage are still on their way when it starts
        wire.stubFor(post(urlEqualTo(CREATE)).atPriority(1)
                .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port()).withFixedDelay(2500)));
        Instant outageAt = Instant.now().plusSeconds(7);
        var due = new LinkedHashMap<Long, Instant>();
        var postIds = new ArrayList<>(texts.keySet());
        for (int i = 0; i < postIds.size(); i++) {
            // of the DUE_BEFORE posts, half are due 6 s before the outage (out by then), half 2 s before
            // (on their way to X when it starts); the others fall due one every 0.9 s during it
            due.put(postIds.get(i), i < DUE_BEFORE / 2 ? outageAt.minusSeconds(6)
                    : i < DUE_BEFORE ? outageAt.minusSeconds(2)
                    : outageAt.plusMillis(500 + 900L * (i - DUE_BEFORE)));
        }
        FaultPortals.dueAt(db, due);

        sleepUntil(outageAt);
        assertThat(outage.openConnections()).as("the portal's connections go through the proxy").isPositive();
        outage.stop();
        Instant stoppedAt = Instant.now();
        wire.removeStub(wire.getStubMappings().stream().filter(s -> s.getPriority() != null && s.getPriority() == 1)
                .findFirst().orElseThrow());
        int publishedBeforeOutage = published(db, postIds);

        // staff keep working: changing a draft and starting a new one are refused in plain words
        Thread.sleep(3000);
        int inFlight = db.fetchCount(POST, POST.ID.in(postIds).and(POST.STATE.eq(PostState.PUBLISHING.name()))
                .and(POST.PUBLISH_STARTED_AT.isNotNull()));
        // three members at once, as they would be: each waits for a connection on its own
        Attempt<Post> edit;
        Attempt<Post> fresh;
        Attempt<?> read;
        try (var members = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var editing = members.submit(() -> attempt(() -> caller.as(staff, () -> posts.save(before.id(),
                    draft(draftAccount, "Clinic closed on Monday and Tuesday for training"), before.version()))));
            var starting = members.submit(() -> attempt(() -> caller.as(staff,
                    () -> posts.save(null, draft(draftAccount, "Flu jabs at the town hall"), 0))));
            var reading = members.submit(() -> attempt(() -> caller.as(staff, posts::mine)));
            edit = editing.get();
            fresh = starting.get();
            read = reading.get();
        }
        for (var refusal : List.of(edit, fresh, read)) {
            assertThat(refusal.failure()).as("refused while the database is away").isNotNull()
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Noticeboard cannot reach its database just now, so nothing was saved. "
                            + "Please wait a minute, then try again.");
            assertThat(refusal.took()).as("time before the member is told").isLessThan(Duration.ofSeconds(10));
        }

        sleepUntil(stoppedAt.plus(OUTAGE));
        outage.start();
        Instant backAt = Instant.now();

        // the member saves the change again until it works: the draft is as it was, so the same version saves
        Post edited = null;
        while (edited == null && Instant.now().isBefore(backAt.plusSeconds(30))) {
            var again = attempt(() -> caller.as(staff, () -> posts.save(before.id(),
                    draft(draftAccount, "Clinic closed on Monday and Tuesday for training"), before.version())));
            edited = again.value();
            if (edited == null) {
                Thread.sleep(250);
            }
        }
        Duration savingAgainAfter = Duration.between(backAt, Instant.now());
        assertThat(edited).as("the draft saves again after the outage").isNotNull();
        assertThat(edited.current().text()).isEqualTo("Clinic closed on Monday and Tuesday for training");
        assertThat(edited.revisions()).hasSize(before.revisions().size() + 1);
        assertThat(caller.as(staff, () -> posts.revision(before.id(), before.current().number())).text())
                .isEqualTo("Clinic closed on Monday for training");
        assertThat(caller.as(staff, posts::mine)).extracting(s -> s.excerpt())
                .noneMatch(excerpt -> excerpt.startsWith("Flu jabs"));
        Post afterwards = caller.as(staff, () -> posts.save(null, draft(draftAccount, "Flu jabs at the town hall"), 0));
        assertThat(afterwards.state()).isEqualTo(PostState.DRAFT);

        // publishing resumes by itself
        int published = 0;
        while (Instant.now().isBefore(backAt.plusSeconds(45))) {
            published = published(db, postIds);
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(200);
        }
        Duration allPublishedAfter = Duration.between(backAt, Instant.now());
        assertThat(published).as("posts published after the outage").isEqualTo(postIds.size());
        assertThat(db.fetchCount(POST, POST.ID.in(postIds).and(POST.X_POST_ID.isNull()))).isZero();
        assertThat(db.selectDistinct(POST.X_POST_ID).from(POST).where(POST.ID.in(postIds)).fetch()).hasSize(postIds.size());
        for (String handle : handles) {
            assertThat(sandbox.sandbox().countPostsBy(handle)).as("posts of @%s on X", handle).isEqualTo(PER_ACCOUNT);
        }
        texts.forEach((id, text) -> assertThat(sandbox.sandbox().countPostsWithText(handleOf.get(id), text))
                .as("copies of \"%s\" on X", text).isEqualTo(1));
        // the posts on their way to X when the database went were found there afterwards, not sent again
        assertThat(inFlight).as("posts sent to X but not recorded when the database went").isPositive();
        assertThat(db.fetchCount(POST_PUBLICATION_ATTEMPT, POST_PUBLICATION_ATTEMPT.POST_ID.in(postIds)
                .and(POST_PUBLICATION_ATTEMPT.OUTCOME.eq("RECONCILED")))).isEqualTo(inFlight);

        System.out.printf("DatabaseOutageTest: outage %d s; %d of %d posts published before it, %d on their way to X when it "
                        + "began; staff told in %d / %d / %d ms; saving worked again %d ms after the database was back, "
                        + "all %d posts published %d ms after%n",
                OUTAGE.toSeconds(), publishedBeforeOutage, postIds.size(), inFlight, edit.took().toMillis(),
                fresh.took().toMillis(), read.took().toMillis(), savingAgainAfter.toMillis(), postIds.size(),
                allPublishedAfter.toMillis());
    }

    /**
     * PostgreSQL restarts (every connection cut, the server back at once) while posts are being
     * written: the publisher's statements fail, but recording the failure works again at once, so
     * db-scheduler plans the failed executions five minutes later (its default). The posts must go
     * out within seconds all the same: the publish-due scan brings a due post's execution forward.
     */
    @Test
    void a_database_restart_while_posts_are_being_marked_sent_delays_them_by_seconds() throws Exception {
        var portal = Objects.requireNonNull(DatabaseOutageTest.portal);
        var world = portal.getBean(World.class);
        var connections = portal.getBean(XConnections.class);
        DSLContext db = FaultPortals.dsl(direct);
        var trust = world.organisation("Restarted Trust");
        String handle = trust.account().handle().value();
        connections.connect(sandbox.sandbox(), sandbox.baseUrl(), trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
        var texts = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            texts.add("Pharmacy opening hours, notice " + i);
        }
        var postIds = FaultPortals.approvedAndHeld(portal, trust, trust.account().id(), texts);

        Instant restartedAt;
        int waitingAtRestart;
        // the test holds the posts' rows, so the publisher's first write of each waits on PostgreSQL when the restart comes
        try (var holder = direct.getConnection()) {
            holder.setAutoCommit(false);
            var now = Instant.now();
            var due = new LinkedHashMap<Long, Instant>();
            postIds.forEach(id -> due.put(id, now));
            FaultPortals.dueAt(db, due);
            DSL.using(holder, SQLDialect.POSTGRES).selectFrom(POST).where(POST.ID.in(postIds)).forUpdate().fetch();
            int waiting = 0;
            Instant deadline = Instant.now().plusSeconds(20);
            // the publishing threads all reach for these posts: one batch holds their locks and waits to mark
            // them sent, the other threads find them taken
            while (waiting < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                waiting = db.fetchCount(DSL.table("pg_stat_activity"), DSL.field("wait_event_type").eq("Lock")
                        .and(DSL.field("datname").eq(DSL.currentCatalog())));
            }
            assertThat(waiting).as("publisher statements waiting on the posts' rows").isGreaterThanOrEqualTo(1);
            waitingAtRestart = waiting;
            outage.stop();
            outage.start();
            restartedAt = Instant.now();
            holder.rollback();
        }

        int published = 0;
        while (Instant.now().isBefore(restartedAt.plusSeconds(40))) {
            published = published(db, postIds);
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(200);
        }
        Duration allPublishedAfter = Duration.between(restartedAt, Instant.now());
        assertThat(published).as("posts published after the restart").isEqualTo(postIds.size());
        assertThat(allPublishedAfter).isLessThan(Duration.ofSeconds(30));
        assertThat(sandbox.sandbox().countPostsBy(handle)).isEqualTo(postIds.size());
        texts.forEach(text -> assertThat(sandbox.sandbox().countPostsWithText(handle, text)).as("copies of \"%s\"", text)
                .isEqualTo(1));
        System.out.printf("DatabaseOutageTest: restart with %d publisher writes in progress; all %d posts published %d ms "
                + "after it%n", waitingAtRestart, postIds.size(), allPublishedAfter.toMillis());
    }

    static PostDraft draft(long accountId, String text) {
        return new PostDraft(accountId, text, null, null, null, List.of(), Map.of());
    }

    static int published(DSLContext db, List<Long> postIds) {
        return db.fetchCount(POST, POST.ID.in(postIds).and(POST.STATE.eq(PostState.PUBLISHED.name())));
    }

    record Attempt<T>(@Nullable T value, @Nullable RuntimeException failure, Duration took) {}

    static <T> Attempt<T> attempt(Callable<T> work) throws Exception {
        Instant start = Instant.now();
        try {
            T value = work.call();
            return new Attempt<>(value, null, Duration.between(start, Instant.now()));
        } catch (RuntimeException e) {
            return new Attempt<>(null, e, Duration.between(start, Instant.now()));
        }
    }

    static void sleepUntil(Instant when) throws InterruptedException {
        long wait = Duration.between(Instant.now(), when).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
