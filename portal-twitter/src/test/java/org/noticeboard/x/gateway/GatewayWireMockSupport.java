package org.noticeboard.x.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XToken;

/**
 * X played by WireMock on a dynamic port, behind a sandbox-like base URL, with the gateway and its
 * rate-limit book on a real PostgreSQL database and a clock the test moves.
 */
abstract class GatewayWireMockSupport {

    static final String USER_ID = "2244994945";
    /** Shaped like X's OAuth 2.0 user tokens; the tests look for it in everything the gateway throws. */
    static final String TOKEN_VALUE = "bWx2ZjBfT0dXc2ZQVnFaNnRyU1RaY2xaeEd3NzZnOjE3MDAwMDAwMDAwMDA6MTowOmF0OjE";
    static final XToken TOKEN = new XToken(TOKEN_VALUE, USER_ID);
    /** Short enough for the timeout tests, long enough for a busy build machine's first answers. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    static WireMockServer x;

    MutableClock clock;
    RateLimitBook book;
    TwitterXGateway gateway;

    @BeforeAll
    static void startX() {
        x = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        x.start();
        warmUp();
    }

    /**
     * The first answers of a cold JVM (WireMock's, twitter4j's, the JDK client's) can take longer
     * than the read timeout; the tests time their calls, not class loading.
     */
    static void warmUp() {
        x.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        var cold = new XGatewaySettings("http://127.0.0.1:" + x.port() + "/x-sandbox/2/", Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        try (var gateway = new TwitterXGateway(cold, new RateLimitBook(RateLimitDatabase.db(), Clock.systemUTC()))) {
            var anonymous = new XToken("warm-up");
            for (Runnable call : List.<Runnable>of(() -> gateway.me(anonymous),
                    () -> gateway.follow(anonymous, USER_ID, "14171076"))) {
                try {
                    call.run();
                } catch (XException expected) {
                    // 503: all that was wanted was the round trip
                }
            }
        }
        x.resetAll();
    }

    @AfterAll
    static void stopX() {
        x.stop();
    }

    @BeforeEach
    void newGateway() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        book = new RateLimitBook(RateLimitDatabase.emptied(), clock);
        gateway = new TwitterXGateway(settings(), book);
    }

    @AfterEach
    void resetX() {
        gateway.close();
        x.resetAll();
    }

    XGatewaySettings settings() {
        return new XGatewaySettings("http://127.0.0.1:" + x.port() + "/x-sandbox/2/", Duration.ofSeconds(2),
                READ_TIMEOUT);
    }

    /** The path X sees for a path under /2/. */
    static String path(String underApi) {
        return "/x-sandbox/2/" + underApi;
    }

    long resetEpochSecond() {
        return clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
    }

    /** X's answer with the rate-limit headers X sends on every answer. */
    ResponseDefinitionBuilder json(int status, String body) {
        return json(status, body, 900, 899, resetEpochSecond());
    }

    static ResponseDefinitionBuilder json(int status, String body, int limit, int remaining, long resetEpochSecond) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-rate-limit-limit", Integer.toString(limit))
                .withHeader("x-rate-limit-remaining", Integer.toString(remaining))
                .withHeader("x-rate-limit-reset", Long.toString(resetEpochSecond))
                .withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(body);
    }

    static void assertNoToken(Throwable thrown) {
        var trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TOKEN_VALUE);
        assertThat(thrown.toString()).doesNotContain(TOKEN_VALUE);
    }
}
