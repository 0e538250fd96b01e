package org.noticeboard.x.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XToken;
import org.postgresql.ds.PGSimpleDataSource;

/** The gateway with its rate-limit book on PostgreSQL: what X's headers leave behind, and what they stop. */
class TwitterXGatewayRateLimitTest extends GatewayWireMockSupport {

    static final String CREATED = """
            {"data": {"id": "1445880548472328192", "text": "Flu clinics today"}}
            """;

    void xCreatesPosts(int limit, int remaining, long reset) {
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(json(201, CREATED, limit, remaining, reset)));
    }

    static XException refusal(Runnable call) {
        try {
            call.run();
        } catch (XException e) {
            return e;
        }
        return fail("the call went through");
    }

    @Test
    void the_headers_of_an_answer_through_rest_client_are_recorded_per_user_and_endpoint() {
        long reset = resetEpochSecond();
        xCreatesPosts(100, 57, reset);

        gateway.createPost(TOKEN, new NewXPost("Flu clinics today"));

        assertThat(book.window(USER_ID, "POST /2/tweets")).hasValueSatisfying(window -> {
            assertThat(window.limit()).isEqualTo(100);
            assertThat(window.remaining()).isEqualTo(57);
            assertThat(window.resetAt()).isEqualTo(Instant.ofEpochSecond(reset));
        });
    }

    @Test
    void the_headers_of_an_answer_through_twitter4j_are_recorded_too() {
        x.stubFor(post(urlPathEqualTo(path("users/2244994945/following"))).willReturn(json(200, """
                {"data": {"following": true, "pending_follow": false}}
                """, 50, 49, resetEpochSecond())));

        gateway.follow(TOKEN, USER_ID, "14171076");

        assertThat(book.window(USER_ID, "POST /2/users/:id/following")).hasValueSatisfying(window -> {
            assertThat(window.limit()).isEqualTo(50);
            assertThat(window.remaining()).isEqualTo(49);
            assertThat(window.resetAt()).isEqualTo(Instant.ofEpochSecond(resetEpochSecond()));
        });
    }

    @Test
    void the_headers_of_a_failure_are_recorded_too() {
        x.stubFor(get(urlPathEqualTo(path("tweets"))).willReturn(problem(503, "{}")
                .withHeader("x-rate-limit-limit", "900").withHeader("x-rate-limit-remaining", "12")
                .withHeader("x-rate-limit-reset", Long.toString(resetEpochSecond()))));

        refusal(() -> gateway.posts(TOKEN, List.of("1445880548472328192")));

        assertThat(book.window(USER_ID, "GET /2/tweets")).map(RateLimitBook.Window::remaining).hasValue(12);
    }

    @Test
    void a_used_up_window_is_refused_without_calling_x() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(9));
        book.record(USER_ID, "POST /2/tweets", 100, 0, reset);
        xCreatesPosts(100, 99, resetEpochSecond());

        XException e = refusal(() -> gateway.createPost(TOKEN, new NewXPost("Flu clinics today")));

        assertThat(e.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(reset);
        assertThat(e.status()).isNull();
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_used_up_window_is_refused_through_twitter4j_too() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(9));
        book.record(USER_ID, "POST /2/users/:id/following", 50, 0, reset);

        XException e = refusal(() -> gateway.follow(TOKEN, USER_ID, "14171076"));

        assertThat(e.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(reset);
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_window_opens_again_once_its_reset_has_passed() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(9));
        book.record(USER_ID, "POST /2/tweets", 100, 0, reset);
        clock.advance(Duration.ofMinutes(9).plusSeconds(1));
        long nextReset = resetEpochSecond();
        xCreatesPosts(100, 99, nextReset);

        gateway.createPost(TOKEN, new NewXPost("Flu clinics today"));

        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
        assertThat(book.window(USER_ID, "POST /2/tweets")).hasValueSatisfying(window -> {
            assertThat(window.remaining()).isEqualTo(99);
            assertThat(window.resetAt()).isEqualTo(Instant.ofEpochSecond(nextReset));
        });
    }

    @Test
    void a_429_records_the_window_as_used_up_until_its_reset_so_the_next_call_does_not_reach_x() {
        long reset = resetEpochSecond();
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(problem(429, """
                {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
                """).withHeader("x-rate-limit-limit", "100").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(reset))));

        XException first = refusal(() -> gateway.createPost(TOKEN, new NewXPost("Flu clinics today")));
        XException second = refusal(() -> gateway.createPost(TOKEN, new NewXPost("Flu clinics today")));

        assertThat(first.status()).isEqualTo(429);
        assertThat(book.window(USER_ID, "POST /2/tweets")).hasValueSatisfying(window -> {
            assertThat(window.remaining()).isZero();
            assertThat(window.limit()).isEqualTo(100);
            assertThat(window.resetAt()).isEqualTo(Instant.ofEpochSecond(reset));
        });
        assertThat(second.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(second.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
    }

    @Test
    void a_429_without_a_reset_is_waited_out_for_a_standard_window() {
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(problem(429, """
                {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
                """)));

        XException e = refusal(() -> gateway.createPost(TOKEN, new NewXPost("Flu clinics today")));

        Instant fifteenMinutes = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(e.retryAt()).isEqualTo(fifteenMinutes);
        assertThat(book.window(USER_ID, "POST /2/tweets")).map(RateLimitBook.Window::resetAt).hasValue(fifteenMinutes);
    }

    @Test
    void each_call_takes_one_request_from_the_window_before_it_goes() {
        book.record(USER_ID, "GET /2/tweets", 900, 2, clock.instant().plus(Duration.ofMinutes(5)));
        // X's count lags behind ours here, as it would while other instances' calls are under way
        x.stubFor(get(urlPathEqualTo(path("tweets"))).willReturn(json(200, "{\"data\": []}", 900, 2,
                clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond())));

        gateway.posts(TOKEN, List.of("1"));
        gateway.posts(TOKEN, List.of("2"));
        XException third = refusal(() -> gateway.posts(TOKEN, List.of("3")));

        assertThat(third.failure()).isEqualTo(XFailure.RATE_LIMITED);
        x.verify(2, getRequestedFor(urlPathEqualTo(path("tweets"))));
    }

    @Test
    void windows_are_kept_per_user() {
        book.record(USER_ID, "POST /2/tweets", 100, 0, clock.instant().plus(Duration.ofMinutes(9)));
        xCreatesPosts(100, 99, resetEpochSecond());

        gateway.createPost(new XToken("b3RoZXItYWNjb3VudC10b2tlbg", "14171076"), new NewXPost("Flu clinics today"));

        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
        assertThat(book.window("14171076", "POST /2/tweets")).map(RateLimitBook.Window::remaining).hasValue(99);
    }

    @Test
    void a_token_whose_user_is_not_known_yet_is_neither_counted_nor_refused() {
        x.stubFor(get(urlPathEqualTo(path("users/me"))).willReturn(json(200, """
                {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers"}}
                """)));

        gateway.me(new XToken(TOKEN_VALUE));

        assertThat(book.window(USER_ID, "GET /2/users/me")).isEmpty();
    }

    @Test
    void two_portal_instances_share_the_window_through_the_database() {
        Instant reset = clock.instant().plus(Duration.ofMinutes(9));
        var otherInstance = new TwitterXGateway(settings(), new RateLimitBook(RateLimitDatabase.db(), clock));
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(json(201, CREATED, 100, 0, reset.getEpochSecond())));

        gateway.createPost(TOKEN, new NewXPost("Flu clinics today"));
        XException e = refusal(() -> otherInstance.createPost(TOKEN, new NewXPost("Flu clinics tomorrow")));

        assertThat(e.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(reset);
        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
        otherInstance.close();
    }

    @Test
    void a_post_still_goes_out_and_its_id_comes_back_when_the_book_is_unreachable() throws Exception {
        var unreachable = new PGSimpleDataSource();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        unreachable.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
        var withoutBook = new TwitterXGateway(settings(), new RateLimitBook(
                DSL.using(unreachable, SQLDialect.POSTGRES), clock));
        xCreatesPosts(100, 99, resetEpochSecond());

        var created = withoutBook.createPost(TOKEN, new NewXPost("Flu clinics today"));

        assertThat(created.id()).isEqualTo("1445880548472328192");
        withoutBook.close();
    }
}
