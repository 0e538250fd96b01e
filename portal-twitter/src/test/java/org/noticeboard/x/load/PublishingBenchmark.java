package org.noticeboard.x.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.RecordedExchange;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 9's publishing measure: 1,000 posts due in the same minute across 50 sandbox accounts
 * (5 organisations of 10 accounts, 20 posts each, connected through the sandbox's OAuth), published
 * by one portal instance over HTTP, all due at the same second. Measures the scheduling delay (due
 * time to the create request reaching X, and to the post being recorded as published), checks that
 * no request went over X's limits (no 429) and that each post is on X exactly once. X's answers come
 * from {@link AnsweringX} by default, or from the full sandbox ({@code -Dbench.x=sandbox}).
 *
 * <p>Not part of the normal test run: {@code ./mvnw -pl portal-twitter -am -Pload verify
 * -Dtest=PublishingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to
 * {@code portal-twitter/target/publishing-benchmark.txt} and to docs/performance.md.
 */
class PublishingBenchmark {

    static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 5);
    static final int ACCOUNTS_PER_ORGANISATION = Integer.getInteger("bench.accounts", 10);
    static final int POSTS_PER_ACCOUNT = Integer.getInteger("bench.posts", 20);
    static final int THREADS = Integer.getInteger("bench.threads", 0);
    /** {@code -Dbench.spread=true}: due times spread evenly over the minute instead of all at its start. */
    static final boolean SPREAD = Boolean.getBoolean("bench.spread");
    /**
     * Posts published first, on accounts of their own, so that the measured minute meets a portal that
     * has been running for a while (classes loaded, code compiled, pools filled), as a portal in service
     * has; {@code -Dbench.warmup=0} measures a portal that has just started.
     */
    static final int WARMUP_POSTS = Integer.getInteger("bench.warmup", 2000);
    /** Warm-up posts per account: well under X's 100 posts per user in 15 minutes. */
    static final int WARMUP_PER_ACCOUNT = 40;
    /**
     * Who answers the create requests. {@code answering} (the default, the measure of the target):
     * {@link AnsweringX}, which does none of X's own work, since X's storage and checks run on X's
     * machines in service, not on the portal's. {@code -Dbench.x=sandbox}: the full sandbox, on the
     * same 2 cores as the portal and PostgreSQL (its own work then takes more CPU than the portal's);
     * reported, not held to the target.
     */
    static final boolean ANSWERING = !"sandbox".equals(System.getProperty("bench.x", "answering"));

    static TestDatabases.TestDatabase database;
    static XSandboxServer sandbox;
    static AnsweringX answering;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestDatabases.create();
        sandbox = XSandboxServer.builder(database.url(), database.username(), database.password())
                .recordExchanges(true).start();
        if (ANSWERING) {
            try {
                answering = new AnsweringX(sandbox.baseUrl() + "/2/");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (answering != null) {
            answering.close();
        }
        sandbox.close();
    }

    static ConfigurableApplicationContext instance(boolean publishing) {
        var properties = new ArrayList<>(List.of(
                "server.port=0",
                "test.database.url=" + database.url(),
                "test.database.username=" + database.username(),
                "test.database.password=" + database.password(),
                "noticeboard.x.sandbox.enabled=false",
                "noticeboard.x.publishing.enabled=" + publishing,
                "noticeboard.x.api-base-url=" + (ANSWERING ? answering.apiBaseUrl() : sandbox.baseUrl() + "/2/"),
                "noticeboard.x.token-uri=" + sandbox.baseUrl() + "/2/oauth2/token",
                "noticeboard.x.authorization-uri=" + sandbox.baseUrl() + "/i/oauth2/authorize",
                "noticeboard.x.client-id=publishing-benchmark",
                "noticeboard.x.client-secret=publishing-benchmark-secret",
                "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "logging.level.org.noticeboard=WARN"));
        if (THREADS > 0) {
            properties.add("noticeboard.x.publishing.threads=" + THREADS);
        }
        // further settings to compare, e.g. -Dbench.properties=noticeboard.x.publishing.poll-interval=250ms
        for (String setting : System.getProperty("bench.properties", "").split(",")) {
            if (!setting.isBlank()) {
                properties.add(setting.strip());
            }
        }
        return new SpringApplicationBuilder(XTestApplication.class).properties(properties.toArray(String[]::new)).run();
    }

    @Test
    void a_thousand_posts_due_in_the_same_minute_across_fifty_accounts() throws Exception {
        var handles = new ArrayList<String>();
        var postIds = new ArrayList<Long>();
        var warmupIds = new ArrayList<Long>();
        Instant setupStarted = Instant.now();
        // written, scheduled and approved while no instance publishes, for a minute well ahead
        try (var setup = instance(false)) {
            var world = setup.getBean(World.class);
            var caller = setup.getBean(TestCaller.class);
            var accounts = setup.getBean(OfficialAccountService.class);
            var connections = setup.getBean(XConnections.class);
            var posts = setup.getBean(PostService.class);
            var review = setup.getBean(ReviewService.class);
            for (int o = 0; o <= ORGANISATIONS; o++) {
                // the last organisation holds the warm-up posts
                boolean warmup = o == ORGANISATIONS;
                int accountCount = warmup ? (WARMUP_POSTS + WARMUP_PER_ACCOUNT - 1) / WARMUP_PER_ACCOUNT
                        : ACCOUNTS_PER_ORGANISATION;
                int postsPerAccount = warmup ? WARMUP_PER_ACCOUNT : POSTS_PER_ACCOUNT;
                if (accountCount == 0) {
                    continue;
                }
                var trust = world.organisation(warmup ? "Warm-up Trust" : "Bench Trust " + o);
                long admin = trust.member(Role.ACCOUNT_ADMIN);
                ZoneId zone = trust.organisation().timeZone();
                LocalDateTime later = LocalDateTime.ofInstant(Instant.now().plus(Duration.ofHours(2)), zone)
                        .truncatedTo(ChronoUnit.MINUTES);
                for (int a = 0; a < accountCount; a++) {
                    String handle = trust.account().handle().value() + "_" + a;
                    long accountId = caller.as(admin, () -> accounts.register(handle, "Bench " + handle,
                            trust.department().id())).id();
                    connections.connect(sandbox.sandbox(), sandbox.baseUrl(), accountId, handle, admin);
                    if (!warmup) {
                        handles.add(handle);
                    }
                    for (int i = 0; i < postsPerAccount; i++) {
                        String text = "Clinic update " + i + " from " + handle;
                        var submitted = caller.as(trust.member(Role.STAFF), () -> {
                            var draft = posts.save(null, new PostDraft(accountId, text, null, null, null, List.of(),
                                    Map.of()), 0);
                            var scheduled = posts.schedule(draft.id(), later, draft.version());
                            return posts.submit(scheduled.id(), scheduled.version());
                        });
                        var approved = caller.as(trust.member(Role.APPROVER),
                                () -> review.approve(submitted.id(), 1, submitted.version()));
                        assertThat(approved.state()).isEqualTo(PostState.SCHEDULED);
                        (warmup ? warmupIds : postIds).add(approved.id());
                    }
                }
            }
        }
        Duration setupTook = Duration.between(setupStarted, Instant.now());

        // All of them are moved to the same minute, the first one at least 20 s away: time for the instance to start.
        DSLContext db;
        var publisher = instance(true);
        instances.add(publisher);
        db = publisher.getBean(DSLContext.class);
        if (!warmupIds.isEmpty()) {
            db.update(POST).set(POST.SCHEDULED_AT, Instant.now().plusSeconds(2).atOffset(ZoneOffset.UTC))
                    .where(POST.ID.in(warmupIds)).execute();
            Instant warmupDeadline = Instant.now().plus(Duration.ofMinutes(3));
            while (db.fetchCount(POST, POST.ID.in(warmupIds).and(POST.STATE.eq(PostState.PUBLISHED.name())))
                    < warmupIds.size()) {
                assertThat(Instant.now()).as("warm-up posts published by").isBefore(warmupDeadline);
                Thread.sleep(200);
            }
        }
        Instant due = Instant.now().plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(Instant.now(), due).toSeconds() < 20) {
            due = due.plus(Duration.ofMinutes(1));
        }
        OffsetDateTime dueAt = due.atOffset(ZoneOffset.UTC);
        if (SPREAD) {
            // in a random order, post k of n is due k/n of the way through the minute
            db.execute("""
                    update post set scheduled_at = ?::timestamptz + (r.k - 1) * interval '60 seconds' / ?
                    from (select id, row_number() over (order by random()) as k from post where id = any(?)) r
                    where post.id = r.id""", dueAt, postIds.size(), postIds.toArray(Long[]::new));
        } else {
            db.update(POST).set(POST.SCHEDULED_AT, dueAt).where(POST.ID.in(postIds)).execute();
        }
        sandbox.clearExchanges();
        if (ANSWERING) {
            answering.clear();
        }

        Instant deadline = due.plus(Duration.ofMinutes(6));
        int published = 0;
        while (Instant.now().isBefore(deadline)) {
            published = db.fetchCount(POST, POST.ID.in(postIds).and(POST.STATE.eq(PostState.PUBLISHED.name())));
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(published).as("posts published").isEqualTo(postIds.size());

        // delays: due time to the request that created the post on X (the attempt's start), and to it being recorded
        var sent = new ArrayList<Long>();
        var recorded = new ArrayList<Long>();
        for (var row : db.select(POST.PUBLISHED_AT, POST_PUBLICATION_ATTEMPT.STARTED_AT, POST.SCHEDULED_AT)
                .from(POST).join(POST_PUBLICATION_ATTEMPT).on(POST_PUBLICATION_ATTEMPT.POST_ID.eq(POST.ID))
                .where(POST.ID.in(postIds), POST_PUBLICATION_ATTEMPT.OUTCOME.eq("PUBLISHED"))
                .fetch()) {
            Instant postDue = row.value3().toInstant();
            sent.add(Duration.between(postDue, row.value2().toInstant()).toMillis());
            recorded.add(Duration.between(postDue, row.value1().toInstant()).toMillis());
        }
        assertThat(sent).hasSize(postIds.size());
        // and to the moment X created it (the sandbox, by its own clock), or the create reached X (answering)
        var onX = new ArrayList<Long>();
        long refused;
        long creates;
        int requests;
        var textOf = new java.util.HashMap<Long, String>();
        db.select(POST.ID, org.noticeboard.db.jooq.Tables.POST_REVISION.TEXT).from(POST)
                .join(org.noticeboard.db.jooq.Tables.POST_REVISION).on(org.noticeboard.db.jooq.Tables.POST_REVISION.POST_ID
                        .eq(POST.ID), org.noticeboard.db.jooq.Tables.POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(POST.ID.in(postIds)).forEach(r -> textOf.put(r.value1(), r.value2()));
        if (ANSWERING) {
            var received = answering.creates();
            var createdAt = new java.util.HashMap<String, Instant>();
            var copies = new java.util.HashMap<String, Integer>();
            for (var create : received) {
                if (create.status() == 201) {
                    createdAt.put(create.text(), create.at());
                    copies.merge(create.text(), 1, Integer::sum);
                }
            }
            for (var row : db.select(POST.ID, POST.SCHEDULED_AT).from(POST).where(POST.ID.in(postIds)).fetch()) {
                String text = textOf.get(row.value1());
                assertThat(copies.get(text)).as("copies of \"%s\" on X", text).isEqualTo(1);
                onX.add(Duration.between(row.value2().toInstant(), createdAt.get(text)).toMillis());
            }
            refused = received.stream().filter(c -> c.status() == 429).count();
            creates = received.size();
            requests = received.size();
        } else {
            var createdOnX = new java.util.HashMap<String, Instant>();
            for (String handle : handles) {
                sandbox.sandbox().postsBy(handle, POSTS_PER_ACCOUNT * 2).forEach(p -> createdOnX.put(p.id(), p.createdAt()));
            }
            for (var row : db.select(POST.SCHEDULED_AT, POST.X_POST_ID).from(POST).where(POST.ID.in(postIds)).fetch()) {
                Instant created = createdOnX.get(row.value2());
                assertThat(created).as("post %s on X", row.value2()).isNotNull();
                onX.add(Duration.between(row.value1().toInstant(), created).toMillis());
            }
            List<RecordedExchange> exchanges = sandbox.exchanges();
            refused = exchanges.stream().filter(e -> e.status() == 429).count();
            creates = exchanges.stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/2/tweets")).count();
            requests = exchanges.size();
            for (String handle : handles) {
                assertThat(sandbox.sandbox().countPostsBy(handle)).as("posts of %s on X", handle).isEqualTo(POSTS_PER_ACCOUNT);
                for (int i = 0; i < POSTS_PER_ACCOUNT; i++) {
                    assertThat(sandbox.sandbox().countPostsWithText(handle, "Clinic update " + i + " from " + handle))
                            .as("copies of update %d from %s on X", i, handle).isEqualTo(1);
                }
            }
        }
        int otherAttempts = db.fetchCount(POST_PUBLICATION_ATTEMPT, POST_PUBLICATION_ATTEMPT.POST_ID.in(postIds)
                .and(POST_PUBLICATION_ATTEMPT.OUTCOME.ne("PUBLISHED")));

        String report = String.format(Locale.ROOT, """
                Publishing benchmark: %d posts due %s %s across %d accounts (%d organisations), one portal instance,
                %s publishing threads, %s, X %s over HTTP on the same machine (%d cores),
                after a warm-up of %d posts on other accounts.
                set-up (write, schedule, approve, connect accounts): %.1f s
                delay from due time to the create request, ms: p50 %d  p95 %d  p99 %d  max %d
                delay from due time to %s, ms: p50 %d  p95 %d  p99 %d  max %d
                delay from due time to recorded as published, ms: p50 %d  p95 %d  p99 %d  max %d
                last post published %.1f s after its due time
                requests to X: %d (creates %d), answered 429: %d; attempts other than PUBLISHED: %d
                each post on X exactly once: yes (%d accounts x %d posts counted %s)
                """, postIds.size(), SPREAD ? "spread evenly over the minute from" : "all at", due, handles.size(), ORGANISATIONS,
                THREADS > 0 ? Integer.toString(THREADS) : "default",
                System.getProperty("bench.properties", "").isBlank() ? "default settings" : System.getProperty("bench.properties"),
                ANSWERING ? "answered at once (AnsweringX: X's own work left out)" : "sandbox",
                Runtime.getRuntime().availableProcessors(), warmupIds.size(),
                setupTook.toMillis() / 1000.0,
                percentile(sent, 50), percentile(sent, 95), percentile(sent, 99), percentile(sent, 100),
                ANSWERING ? "the create request reaching X" : "created on X (the sandbox's clock)",
                percentile(onX, 50), percentile(onX, 95), percentile(onX, 99), percentile(onX, 100),
                percentile(recorded, 50), percentile(recorded, 95), percentile(recorded, 99), percentile(recorded, 100),
                percentile(recorded, 100) / 1000.0, requests, creates, refused, otherAttempts,
                handles.size(), POSTS_PER_ACCOUNT, ANSWERING ? "among the creates X answered" : "on the sandbox");
        System.out.println(report);
        write(report);

        assertThat(refused).as("requests X refused as over a limit").isZero();
        assertThat(creates).as("create requests sent to X").isEqualTo(postIds.size());
        if (ANSWERING) {
            assertThat(percentile(onX, 95)).as("p95 delay from due time to the create request reaching X, ms")
                    .isLessThan(2000);
        }
    }

    static long percentile(List<Long> values, int p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void write(String report) throws IOException {
        Path file = Path.of("target", "publishing-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
