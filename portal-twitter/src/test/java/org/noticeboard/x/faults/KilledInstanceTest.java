package org.noticeboard.x.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.PostState;
import org.noticeboard.publish.Publisher;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XConnections;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A portal instance is killed ({@code kill -9} of a second JVM) in the middle of publishing: the
 * other instance, running in this JVM, finishes the work, and every post is on X exactly once.
 * X (the sandbox, behind WireMock) takes a second to answer each new post, so the killed instance
 * dies with posts sent to X whose answer it never recorded; the survivor must find those on X
 * rather than send them again. The child's output is kept in {@code target/faults/}.
 */
class KilledInstanceTest {

    static final int ACCOUNTS = 2;
    static final int PER_ACCOUNT = 20;
    static final String CREATE = "/x-sandbox/2/tweets";
    static final Pattern PUBLISHED_LINE = Pattern.compile("Post (\\d+) published to @\\S+ as X post (\\d+)");

    static TestDatabases.TestDatabase database;
    static XSandboxServer sandbox;
    /** X as the child sees it, and as the survivor sees it: the same sandbox, each answering new posts after 1 s. */
    static WireMockServer childX;
    static WireMockServer survivorX;
    static HikariDataSource direct;
    static @Nullable ConfigurableApplicationContext survivor;
    static @Nullable Process child;
    static Path childLog;

    @BeforeAll
    static void start() throws IOException {
        database = TestDatabases.create();
        sandbox = XSandboxServer.start(database.url(), database.username(), database.password());
        childX = slowX();
        survivorX = slowX();
        direct = FaultPortals.direct(database);
        Path dir = Path.of("target", "faults");
        Files.createDirectories(dir);
        childLog = dir.resolve("killed-instance-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
    }

    static WireMockServer slowX() {
        var wire = new WireMockServer(options().dynamicPort());
        wire.start();
        String sandboxRoot = "http://127.0.0.1:" + sandbox.port();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandboxRoot)));
        wire.stubFor(post(urlEqualTo(CREATE)).atPriority(1).willReturn(aResponse().proxiedFrom(sandboxRoot).withFixedDelay(1000)));
        return wire;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (survivor != null) {
            survivor.close();
        }
        childX.stop();
        survivorX.stop();
        sandbox.close();
        direct.close();
    }

    @Test
    void a_portal_killed_while_publishing_leaves_its_work_to_the_other_which_publishes_each_post_exactly_once()
            throws Exception {
        // the second instance, in a JVM of its own, on the same database, reaching X through its own proxy;
        // it starts while this one does and the posts are written (held back, so nothing is due yet)
        // both publish in batches of two (eight posts at a time each, X answering each in a second), so that the
        // work lasts long enough for the child to be killed in the middle of it
        var childProperties = FaultPortals.properties(database.url(), database, childX.baseUrl() + "/x-sandbox/2/", sandbox,
                "killed-instance");
        childProperties.add("noticeboard.x.publishing.batch-size=2");
        child = startChild(childProperties);
        var survivorProperties = FaultPortals.properties(database.url(), database, survivorX.baseUrl() + "/x-sandbox/2/",
                sandbox, "killed-instance");
        survivorProperties.add("noticeboard.x.publishing.batch-size=2");
        survivor = FaultPortals.start(survivorProperties);
        var world = survivor.getBean(World.class);
        var caller = survivor.getBean(TestCaller.class);
        var accounts = survivor.getBean(OfficialAccountService.class);
        var connections = survivor.getBean(XConnections.class);
        DSLContext db = FaultPortals.dsl(direct);

        var trust = world.organisation("Sturdy Trust");
        long admin = trust.member(Role.ACCOUNT_ADMIN);
        var texts = new LinkedHashMap<Long, String>();
        var handleOf = new HashMap<Long, String>();
        var handles = new ArrayList<String>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String handle = trust.account().handle().value() + "_" + a;
            long accountId = caller.as(admin, () -> accounts.register(handle, "Sturdy " + handle, trust.department().id())).id();
            connections.connect(sandbox.sandbox(), sandbox.baseUrl(), accountId, handle, admin);
            handles.add(handle);
            var wanted = new ArrayList<String>();
            for (int i = 0; i < PER_ACCOUNT; i++) {
                wanted.add("Bulletin " + i + " from " + handle);
            }
            var ids = FaultPortals.approvedAndHeld(survivor, trust, accountId, wanted);
            for (int i = 0; i < ids.size(); i++) {
                texts.put(ids.get(i), wanted.get(i));
                handleOf.put(ids.get(i), handle);
            }
        }
        var postIds = new ArrayList<>(texts.keySet());

        awaitReady(child, Duration.ofSeconds(120));

        // every post falls due at once; both instances publish
        var now = Instant.now();
        var due = new HashMap<Long, Instant>();
        postIds.forEach(id -> due.put(id, now));
        FaultPortals.dueAt(db, due);

        // kill the child once it has recorded some posts as published and has others on their way to X
        Instant deadline = Instant.now().plusSeconds(60);
        while ((publishedIn(Files.readString(childLog)).isEmpty()
                || childX.countRequestsMatching(postRequestedFor(urlEqualTo(CREATE)).build()).getCount()
                        <= publishedIn(Files.readString(childLog)).size())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        // the proxy passes the requests on to X at once and holds X's answers back for a second: a moment's wait
        // leaves the posts on their way created on X, their answers not yet back
        Thread.sleep(300);
        kill9(child);
        Instant killedAt = Instant.now();
        // from now on X answers the survivor at once: what remains to measure is the takeover
        survivorX.removeStub(survivorX.getStubMappings().stream().filter(m -> Integer.valueOf(1).equals(m.getPriority()))
                .findFirst().orElseThrow());
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int sentByChild = childX.countRequestsMatching(postRequestedFor(urlEqualTo(CREATE)).build()).getCount();
        int publishedAtKill = published(db, postIds);
        List<Long> pendingAtKill = db.select(POST.ID).from(POST).where(POST.ID.in(postIds)
                .and(POST.STATE.eq(PostState.PUBLISHING.name())).and(POST.PUBLISH_STARTED_AT.isNotNull())).fetch(POST.ID);
        Map<Long, String> publishedByChild = publishedIn(Files.readString(childLog));
        assertThat(publishedAtKill).as("posts left when the child was killed").isLessThan(postIds.size());

        // the survivor takes the child's work over and finishes
        int published = 0;
        @Nullable Duration pendingDoneAfter = null;
        while (Instant.now().isBefore(killedAt.plusSeconds(60))) {
            published = published(db, postIds);
            if (pendingDoneAfter == null && published(db, pendingAtKill) == pendingAtKill.size()) {
                pendingDoneAfter = Duration.between(killedAt, Instant.now());
            }
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(200);
        }
        Duration finishedAfter = Duration.between(killedAt, Instant.now());
        assertThat(published).as("posts published in the end").isEqualTo(postIds.size());

        // exactly once on X, each with its X post id recorded
        for (String handle : handles) {
            assertThat(sandbox.sandbox().countPostsBy(handle)).as("posts of @%s on X", handle).isEqualTo(PER_ACCOUNT);
        }
        texts.forEach((id, text) -> assertThat(sandbox.sandbox().countPostsWithText(handleOf.get(id), text))
                .as("copies of \"%s\" on X", text).isEqualTo(1));
        var recorded = db.select(POST.ID, POST.X_POST_ID).from(POST).where(POST.ID.in(postIds))
                .fetchMap(POST.ID, POST.X_POST_ID);
        assertThat(recorded.values()).doesNotContainNull().doesNotHaveDuplicates();
        recorded.forEach((id, xPostId) -> assertThat(sandbox.sandbox().post(xPostId)).as("X post of post %d", id)
                .hasValueSatisfying(onX -> assertThat(onX.text()).isEqualTo(texts.get(id))));

        // the child really was at work: it published some, and died with posts sent but not recorded,
        // which the survivor found on X instead of sending them again
        assertThat(publishedByChild).as("posts the child published before it was killed").isNotEmpty();
        publishedByChild.forEach((id, xPostId) -> assertThat(recorded.get(id)).isEqualTo(xPostId));
        int reconciled = db.fetchCount(POST_PUBLICATION_ATTEMPT, POST_PUBLICATION_ATTEMPT.POST_ID.in(postIds)
                .and(POST_PUBLICATION_ATTEMPT.OUTCOME.eq("RECONCILED")));
        assertThat(reconciled).as("posts the child had sent when it died, found on X by the survivor").isPositive();
        long survivorShare = survivor.getBean(Publisher.class).publishedByThisInstance();
        assertThat(survivorShare).as("posts the survivor published or found on X").isGreaterThanOrEqualTo(
                postIds.size() - publishedAtKill);

        System.out.printf("KilledInstanceTest: %d posts; the child sent %d to X and recorded %d before kill -9; "
                        + "at the kill %d were published and %d sent but not yet recorded (by either instance); the "
                        + "survivor published %d (%d found on X, not sent again); the posts sent at the kill were all "
                        + "recorded %d ms after it, every post %d ms after it%n",
                postIds.size(), sentByChild, publishedByChild.size(), publishedAtKill, pendingAtKill.size(), survivorShare,
                reconciled, pendingDoneAfter == null ? -1 : pendingDoneAfter.toMillis(), finishedAfter.toMillis());
    }

    static Process startChild(List<String> settings) throws IOException {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), PortalProcess.class.getName()));
        settings.forEach(setting -> command.add("--" + setting));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        // killed with this JVM too, should it end without running @AfterAll
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return process;
    }

    static void awaitReady(Process process, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(childLog).contains(PortalProcess.READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The second portal stopped at start (exit " + process.exitValue() + "); see " + childLog);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The second portal did not start within " + timeout + "; see " + childLog);
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything, close connections or run shutdown hooks. */
    static void kill9(Process process) throws Exception {
        var kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -9 %d", process.pid()).isZero();
    }

    static Map<Long, String> publishedIn(String log) {
        var published = new LinkedHashMap<Long, String>();
        Matcher m = PUBLISHED_LINE.matcher(log);
        while (m.find()) {
            published.put(Long.parseLong(m.group(1)), m.group(2));
        }
        return published;
    }

    static int published(DSLContext db, List<Long> postIds) {
        return db.fetchCount(POST, POST.ID.in(postIds).and(POST.STATE.eq(PostState.PUBLISHED.name())));
    }
}
