package org.noticeboard.x.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.testing.World;
import org.noticeboard.x.XEndpoints;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The portal's client secret at its X sandbox is made per installation, not a constant from the
 * source: two installations (two databases) have different ones, and one installation keeps its
 * own across a restart, so the connections made before it go on working.
 */
class SandboxClientSecretTest {

    /** The constant earlier versions used: known to anyone who reads the source. */
    static final String OLD_CONSTANT = "noticeboard-sandbox-secret";

    @Test
    void two_installations_get_different_random_secrets_and_one_keeps_its_own_and_its_connections_across_a_restart()
            throws Exception {
        var installation = TestDatabases.create();
        var another = TestDatabases.create();
        String secret;
        String handle;
        long accountId;
        try (var portal = start(installation, Duration.ZERO)) {
            secret = portal.getBean(XEndpoints.class).clientSecret();
            assertThat(secret).isNotEqualTo(OLD_CONSTANT).hasSizeGreaterThanOrEqualTo(43);
            assertThat(sandboxAccepts(portal, secret)).as("the sandbox knows the portal by this secret").isTrue();
            assertThat(sandboxAccepts(portal, OLD_CONSTANT)).as("the old constant opens nothing").isFalse();

            var world = portal.getBean(World.class);
            var trust = world.organisation("Restart Trust");
            handle = trust.account().handle().value();
            accountId = trust.account().id();
            portal.getBean(XConnections.class).connect(portal.getBean(XSandbox.class), base(portal) + "/x-sandbox",
                    accountId, handle, trust.member(Role.ACCOUNT_ADMIN));
        }

        // started again on the same database, its clock past the access token's two hours: the token must be renewed
        try (var restarted = start(installation, Duration.ofHours(2).plusMinutes(1))) {
            assertThat(restarted.getBean(XEndpoints.class).clientSecret()).isEqualTo(secret);
            assertThat(sandboxAccepts(restarted, secret)).isTrue();
            assertThat(restarted.getBean(XOAuthTokens.class).tokenFor(accountId).value())
                    .as("the connection made before the restart is renewed with the kept secret").isNotBlank();
        }

        try (var other = start(another, Duration.ZERO)) {
            String otherSecret = other.getBean(XEndpoints.class).clientSecret();
            assertThat(otherSecret).isNotEqualTo(secret).isNotEqualTo(OLD_CONSTANT);
            assertThat(sandboxAccepts(other, secret)).as("one installation's secret opens nothing in another").isFalse();
        }
    }

    static ConfigurableApplicationContext start(TestDatabases.TestDatabase database, Duration clockShift) {
        return new SpringApplicationBuilder(XTestApplication.class).properties(
                "server.port=0",
                "test.database.url=" + database.url(),
                "test.database.username=" + database.username(),
                "test.database.password=" + database.password(),
                "test.clock.shift=" + clockShift,
                "noticeboard.x.sandbox.enabled=true",
                "noticeboard.x.publishing.enabled=false",
                "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").run();
    }

    static String base(ConfigurableApplicationContext portal) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) portal).getWebServer().getPort();
    }

    /** Whether the sandbox's token revocation endpoint takes these client credentials (it answers 401 otherwise). */
    static boolean sandboxAccepts(ConfigurableApplicationContext portal, String secret) throws Exception {
        String clientId = portal.getBean(XEndpoints.class).clientId();
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base(portal)
                        + "/x-sandbox/2/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("token=not-a-token"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200;
    }
}
