package org.noticeboard.x.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.TestImagesAccess;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * X misbehaving, with WireMock between the portal and the X sandbox: 429 with a reset time, 500s,
 * connection resets, unreadable answers, a create that succeeds on X but whose answer never comes,
 * a refused token and a refused image. Every post ends PUBLISHED exactly once on X, or FAILED
 * with a reason; none is lost, none is posted twice.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingFaultsTest {

    static final String CREATE = "/x-sandbox/2/tweets";
    static final TestDatabases.TestDatabase DATABASE = TestDatabases.create();
    static final XSandboxServer SANDBOX = XSandboxServer.start(DATABASE.url(), DATABASE.username(), DATABASE.password());
    static final WireMockServer WIRE = new WireMockServer(options().dynamicPort());

    static {
        WIRE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("test.database.url", DATABASE::url);
        registry.add("test.database.username", DATABASE::username);
        registry.add("test.database.password", DATABASE::password);
        registry.add("noticeboard.x.sandbox.enabled", () -> "false");
        registry.add("noticeboard.x.publishing.enabled", () -> "false");
        registry.add("noticeboard.x.api-base-url", () -> WIRE.baseUrl() + "/x-sandbox/2/");
        registry.add("noticeboard.x.token-uri", () -> SANDBOX.baseUrl() + "/2/oauth2/token");
        registry.add("noticeboard.x.authorization-uri", () -> SANDBOX.baseUrl() + "/i/oauth2/authorize");
        registry.add("noticeboard.x.client-id", () -> "fault-test");
        registry.add("noticeboard.x.client-secret", () -> "fault-test-secret");
        registry.add("noticeboard.x.token-keys", () -> "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("noticeboard.x.read-timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        WIRE.stop();
        SANDBOX.close();
    }

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XConnections connections;
    @Autowired Posts posts;
    @Autowired Publisher publisher;
    @Autowired ShiftableClock clock;
    @Autowired MediaService media;
    @Autowired OfficialAccountService accounts;

    World.Org trust;
    String handle;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        WIRE.resetAll();
        WIRE.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + SANDBOX.port())));
        trust = world.organisation("Faulty Trust");
        handle = trust.account().handle().value();
        connections.connect(SANDBOX.sandbox(), SANDBOX.baseUrl(), trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
    }

    /** X answers the first creates with these, then behaves. */
    void createFirst(ResponseDefinitionBuilder... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "answer " + (i + 1);
            WIRE.stubFor(post(urlEqualTo(CREATE)).atPriority(1).inScenario("create").whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo(next));
            state = next;
        }
    }

    /** Runs the publisher as the scheduler would, moving the clock to each next attempt. */
    List<PublishOutcome.Kind> publishUntilSettled(Post post) {
        var kinds = new ArrayList<PublishOutcome.Kind>();
        for (int i = 0; i < 12; i++) {
            var outcome = publisher.publish(post.id());
            kinds.add(outcome.kind());
            if (outcome.kind() != PublishOutcome.Kind.RETRY) {
                break;
            }
            clock.advance(Duration.between(clock.instant(), outcome.nextAttemptAt()).plusSeconds(1));
        }
        return kinds;
    }

    int onX(String text) {
        return SANDBOX.sandbox().countPostsWithText(handle, text);
    }

    static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"" + title + "\",\"type\":\"about:blank\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    @Test
    void a_429_holds_the_post_until_the_reset_and_then_it_goes_out_once() {
        long reset = clock.instant().plusSeconds(90).getEpochSecond();
        createFirst(problem(429, "Too Many Requests", "Too Many Requests")
                .withHeader("x-rate-limit-limit", "100").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", String.valueOf(reset)));
        var post = posts.approved(trust, "Blood donation session at the town hall on Friday");

        var kinds = publishUntilSettled(post);

        assertThat(kinds).containsExactly(PublishOutcome.Kind.RETRY, PublishOutcome.Kind.PUBLISHED);
        assertThat(onX("Blood donation session at the town hall on Friday")).isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_with_backoff_and_the_post_goes_out_once() {
        createFirst(problem(500, "Internal Server Error", "Internal Server Error"),
                problem(503, "Service Unavailable", "Service Unavailable"));
        var post = posts.approved(trust, "Our A&E is very busy today: please use NHS 111 online");

        var kinds = publishUntilSettled(post);

        assertThat(kinds).containsExactly(PublishOutcome.Kind.RETRY, PublishOutcome.Kind.RETRY, PublishOutcome.Kind.PUBLISHED);
        assertThat(onX("Our A&E is very busy today: please use NHS 111 online")).isEqualTo(1);
        assertThat(posts.get(trust, post.id()).state()).isEqualTo(PostState.PUBLISHED);
    }

    @Test
    void a_connection_reset_or_an_unreadable_answer_is_looked_for_on_x_then_sent_once() {
        createFirst(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"data\":{\"id\":"));
        var post = posts.approved(trust, "Visiting times change from Monday");

        var kinds = publishUntilSettled(post);

        assertThat(kinds).last().isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(onX("Visiting times change from Monday")).isEqualTo(1);
    }

    @Test
    void a_create_that_reached_x_but_timed_out_is_found_there_and_never_sent_again() {
        createFirst(aResponse().proxiedFrom("http://127.0.0.1:" + SANDBOX.port()).withFixedDelay(2500));
        var post = posts.approved(trust, "Our maternity unit won a national award");

        var kinds = publishUntilSettled(post);

        assertThat(kinds).containsExactly(PublishOutcome.Kind.RETRY, PublishOutcome.Kind.RECONCILED);
        WIRE.verify(1, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(onX("Our maternity unit won a national award")).isEqualTo(1);
        var published = posts.get(trust, post.id());
        assertThat(published.state()).isEqualTo(PostState.PUBLISHED);
        assertThat(SANDBOX.sandbox().post(published.publication().xPostId()).orElseThrow().text())
                .isEqualTo("Our maternity unit won a national award");
    }

    @Test
    void a_refused_token_fails_the_post_and_the_account_needs_reconnecting() {
        createFirst(problem(401, "Unauthorized", "Unauthorized"));
        var post = posts.approved(trust, "Flu clinics this weekend");

        assertThat(publishUntilSettled(post)).containsExactly(PublishOutcome.Kind.FAILED);

        var failed = posts.get(trust, post.id());
        assertThat(failed.publication().problemKind()).isEqualTo("RECONNECT");
        assertThat(caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.get(trust.account().id())).connectionState())
                .isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(onX("Flu clinics this weekend")).isZero();
    }

    @Test
    void an_image_x_refuses_fails_the_post_keeps_it_and_sends_nothing() {
        WIRE.stubFor(post(urlEqualTo("/x-sandbox/2/media/upload")).atPriority(1)
                .willReturn(problem(400, "Invalid Request", "One or more parameters to your request was invalid.")));
        long mediaId = caller.as(trust.member(Role.STAFF),
                () -> media.upload("poster.png", TestImagesAccess.png(30, 30)).mediaId());
        var post = posts.approved(trust, trust.account().id(), "Come to our open day", null, null,
                List.of(new AttachedImage(mediaId, "Open day poster")));

        assertThat(publishUntilSettled(post)).containsExactly(PublishOutcome.Kind.FAILED);

        var failed = posts.get(trust, post.id());
        assertThat(failed.publication().problem()).contains("X refused image 1");
        assertThat(failed.current().images()).hasSize(1);
        WIRE.verify(0, postRequestedFor(urlEqualTo(CREATE)));
        assertThat(onX("Come to our open day")).isZero();
    }
}
