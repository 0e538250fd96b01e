package org.noticeboard.x.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.FaultSize;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * X misbehaving under load, together with a database outage (the sandbox's rate-limit windows last
 * 30 s instead of X's 15 minutes, so that posts held by a 429 go out within the test). A hundred posts on five accounts fall
 * due in the same second; X (the sandbox, behind WireMock) answers the first attempt of six posts in
 * ten with one of its failures: a 429 with a reset time, a 500, a 503, a connection reset before the
 * post reaches X, a hang with nothing created, and a hang after the post was created (the answer is
 * lost). While the portal works through the burst and its retries, the database goes away for ten
 * seconds. Every post must end on X exactly once, with no request beyond the 429s X was made to send.
 */
class XFaultsUnderLoadTest {

    static final int ACCOUNTS = 5;
    static final int PER_ACCOUNT = FaultSize.count("x-faults.per-account", 10, 20);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration OUTAGE = FaultSize.duration("x-faults.outage", Duration.ofSeconds(5), Duration.ofSeconds(10));
    static final Duration RATE_LIMIT_WINDOW = FaultSize.duration("x-faults.rate-limit-window", Duration.ofSeconds(12),
            Duration.ofSeconds(30));
    /** How soon after X answers 429 the portal must have stopped sending to that account. */
    static final Duration HEARD_WITHIN = Duration.ofMillis(500);
    static final String CREATE = "/x-sandbox/2/tweets";

    /** What X does with a post's first create request, by the post's number modulo ten. */
    enum Misbehaviour {
        RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, RESET, HANG, ANSWER_LOST;

        static @Nullable Misbehaviour of(int n) {
            int kind = n % 10;
            return kind < values().length ? values()[kind] : null;
        }
    }

    static TestDatabases.TestDatabase database;
    static XSandboxServer sandbox;
    static WireMockServer wire;
    static PostgresOutage outage;
    static HikariDataSource direct;
    static @Nullable ConfigurableApplicationContext portal;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create();
        // X's windows are 15 minutes; here 30 s, so that a post held by a 429 goes out within the test
        sandbox = XSandboxServer.builder(database.url(), database.username(), database.password())
                .rateLimitWindow(RATE_LIMIT_WINDOW).start();
        wire = new WireMockServer(options().dynamicPort().containerThreads(40));
        wire.start();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + sandbox.port())));
        outage = PostgresOutage.inFrontOf(database.url());
        direct = FaultPortals.direct(database);
        var properties = FaultPortals.properties(outage.jdbcUrl(), database, wire.baseUrl() + "/x-sandbox/2/", sandbox,
                "x-faults");
        properties.add("noticeboard.x.read-timeout=" + READ_TIMEOUT.toMillis() + "ms");
        portal = FaultPortals.start(properties);
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
    void a_burst_meets_every_kind_of_x_failure_and_a_database_outage_and_each_post_is_on_x_exactly_once() throws Exception {
        var portal = Objects.requireNonNull(XFaultsUnderLoadTest.portal);
        var world = portal.getBean(World.class);
        var caller = portal.getBean(TestCaller.class);
        var accounts = portal.getBean(OfficialAccountService.class);
        var connections = portal.getBean(XConnections.class);
        DSLContext db = FaultPortals.dsl(direct);

        var trust = world.organisation("Busy Trust");
        long admin = trust.member(Role.ACCOUNT_ADMIN);
        var texts = new LinkedHashMap<Long, String>();
        var handleOf = new LinkedHashMap<Long, String>();
        var misbehaviourOf = new LinkedHashMap<Long, Misbehaviour>();
        int n = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            String handle = trust.account().handle().value() + "_" + a;
            long accountId = caller.as(admin, () -> accounts.register(handle, "Busy " + handle, trust.department().id())).id();
            connections.connect(sandbox.sandbox(), sandbox.baseUrl(), accountId, handle, admin);
            var wanted = new ArrayList<String>();
            for (int i = 0; i < PER_ACCOUNT; i++) {
                wanted.add("Service update " + (n + i) + " from " + handle);
            }
            var ids = FaultPortals.approvedAndHeld(portal, trust, accountId, wanted);
            for (int i = 0; i < ids.size(); i++, n++) {
                texts.put(ids.get(i), wanted.get(i));
                handleOf.put(ids.get(i), handle);
                Misbehaviour misbehaviour = Misbehaviour.of(n);
                if (misbehaviour != null) {
                    misbehaviourOf.put(ids.get(i), misbehaviour);
                    misbehave(wanted.get(i), misbehaviour);
                }
            }
        }
        var postIds = new ArrayList<>(texts.keySet());

        Instant dueAt = Instant.now().plusSeconds(3);
        var due = new LinkedHashMap<Long, Instant>();
        postIds.forEach(id -> due.put(id, dueAt));
        FaultPortals.dueAt(db, due);

        // the database goes while the burst and its hangs are still being worked through
        DatabaseOutageTest.sleepUntil(dueAt.plusSeconds(2));
        int publishedBeforeOutage = DatabaseOutageTest.published(db, postIds);
        outage.stop();
        DatabaseOutageTest.sleepUntil(dueAt.plusSeconds(2).plus(OUTAGE));
        outage.start();
        Instant backAt = Instant.now();

        int published = 0;
        while (Instant.now().isBefore(backAt.plusSeconds(90))) {
            published = DatabaseOutageTest.published(db, postIds);
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(250);
        }
        Duration allPublishedAfter = Duration.between(dueAt, Instant.now());

        assertThat(published).as("posts published").isEqualTo(postIds.size());
        assertThat(db.selectDistinct(POST.X_POST_ID).from(POST).where(POST.ID.in(postIds)).fetch()).hasSize(postIds.size());
        texts.forEach((id, text) -> assertThat(sandbox.sandbox().countPostsWithText(handleOf.get(id), text))
                .as("copies of \"%s\" on X (%s)", text, misbehaviourOf.get(id)).isEqualTo(1));
        for (String handle : new java.util.LinkedHashSet<>(handleOf.values())) {
            assertThat(sandbox.sandbox().countPostsBy(handle)).as("posts of @%s on X", handle).isEqualTo(PER_ACCOUNT);
        }

        // X answered each of them badly once, and each failure was handled as what it is; an attempt that
        // ended while the database was away could not be written down, so each kind is shown by some posts
        assertThat(wire.getAllScenarios().getScenarios()).hasSize(misbehaviourOf.size())
                .allSatisfy(scenario -> assertThat(scenario.getState()).as(scenario.getName()).isEqualTo("answered"));
        Map<Long, List<String>> outcomes = new TreeMap<>();
        db.select(POST_PUBLICATION_ATTEMPT.POST_ID, POST_PUBLICATION_ATTEMPT.OUTCOME).from(POST_PUBLICATION_ATTEMPT)
                .where(POST_PUBLICATION_ATTEMPT.POST_ID.in(postIds))
                .orderBy(POST_PUBLICATION_ATTEMPT.POST_ID, POST_PUBLICATION_ATTEMPT.ATTEMPT, POST_PUBLICATION_ATTEMPT.ID)
                .forEach(r -> outcomes.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        var handled = new TreeMap<Misbehaviour, Integer>();
        misbehaviourOf.forEach((id, misbehaviour) -> {
            List<String> seen = outcomes.getOrDefault(id, List.of());
            assertThat(seen).as("attempts of post %d (%s)", id, misbehaviour).isNotEmpty();
            assertThat(seen.getLast()).as("last attempt of post %d (%s)", id, misbehaviour).isIn("PUBLISHED", "RECONCILED");
            boolean shown = switch (misbehaviour) {
                case RATE_LIMITED -> seen.contains("RATE_LIMITED");
                case SERVER_ERROR, UNAVAILABLE -> seen.contains("RETRY");
                case RESET, HANG -> seen.contains("UNKNOWN") || seen.contains("RETRY");
                // created on X by the first attempt: whatever else happened, it was found there, not sent again
                case ANSWER_LOST -> seen.getLast().equals("RECONCILED");
            };
            handled.merge(misbehaviour, shown ? 1 : 0, Integer::sum);
        });
        assertThat(handled).as("posts whose attempts show the failure handled, by kind").allSatisfy((kind, count) ->
                assertThat(count).as(kind.name()).isPositive());
        assertThat(handled.get(Misbehaviour.ANSWER_LOST)).as("lost answers reconciled")
                .isEqualTo((int) misbehaviourOf.values().stream().filter(m -> m == Misbehaviour.ANSWER_LOST).count());

        // no request beyond a limit: the only 429s are the ones X was told to send, and after each, nothing
        // more went to X for that account before the reset it gave
        var events = wire.getAllServeEvents();
        var limited = events.stream().filter(e -> e.getResponse().getStatus() == 429).toList();
        assertThat(limited).as("answers 429").hasSize(
                (int) misbehaviourOf.values().stream().filter(m -> m == Misbehaviour.RATE_LIMITED).count());
        var overLimit = new ArrayList<String>();
        for (var refusal : limited) {
            // from when the portal had heard of the 429: a request that took its place in the window
            // before that (with four publishing threads, a few ms earlier) was sent in good faith
            Instant answered = refusal.getRequest().getLoggedDate().toInstant()
                    .plusMillis(refusal.getTiming().getTotalTime()).plus(HEARD_WITHIN);
            Instant reset = Instant.ofEpochSecond(Long.parseLong(refusal.getResponse().getHeaders()
                    .getHeader("x-rate-limit-reset").firstValue()));
            String account = refusal.getRequest().getHeader("Authorization");
            events.stream().filter(e -> e.getRequest().getUrl().equals(CREATE)
                            && account.equals(e.getRequest().getHeader("Authorization")))
                    .map(e -> e.getRequest().getLoggedDate().toInstant())
                    .filter(at -> at.isAfter(answered) && at.isBefore(reset))
                    .forEach(at -> overLimit.add("a create request " + Duration.between(answered, at).toMillis()
                            + " ms after a 429 that said to wait until " + reset));
        }
        assertThat(overLimit).as("requests for an account between a 429 and the reset it gave").isEmpty();

        System.out.printf("XFaultsUnderLoadTest: %d posts due at once on %d accounts, %d met a failure of X on their first "
                        + "attempt; %d published before the %d s database outage; all published %d s after they were "
                        + "due; %d create requests in all%n",
                postIds.size(), ACCOUNTS, misbehaviourOf.size(), publishedBeforeOutage, OUTAGE.toSeconds(),
                allPublishedAfter.toSeconds(), wire.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().equals(CREATE)).count());
    }

    /** X answers this post's first create request badly, then behaves. */
    static void misbehave(String text, Misbehaviour misbehaviour) {
        String sandboxUrl = "http://127.0.0.1:" + sandbox.port();
        int late = (int) READ_TIMEOUT.multipliedBy(2).toMillis();
        ResponseDefinitionBuilder answer = switch (misbehaviour) {
            case RATE_LIMITED -> problem(429, "Too Many Requests")
                    .withHeader("x-rate-limit-limit", "100").withHeader("x-rate-limit-remaining", "0")
                    .withHeader("x-rate-limit-reset", Long.toString(Instant.now().plus(RATE_LIMIT_WINDOW).getEpochSecond()));
            case SERVER_ERROR -> problem(500, "Internal Server Error");
            case UNAVAILABLE -> problem(503, "Service Unavailable");
            case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case HANG -> problem(503, "Service Unavailable").withFixedDelay(late);
            case ANSWER_LOST -> aResponse().proxiedFrom(sandboxUrl).withFixedDelay(late);
        };
        // the text ends the JSON string, so "update 1 from" does not also match "update 10 from"
        wire.stubFor(post(urlEqualTo(CREATE)).atPriority(1).withRequestBody(containing(text + "\""))
                .inScenario(text).whenScenarioStateIs(STARTED).willSetStateTo("answered").willReturn(answer));
    }

    static ResponseDefinitionBuilder problem(int status, String title) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"" + title + "\",\"type\":\"about:blank\",\"status\":" + status
                        + ",\"detail\":\"" + title + "\"}");
    }
}
