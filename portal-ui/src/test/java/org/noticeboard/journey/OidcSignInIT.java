package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.testing.PortalDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live mode end to end: a real OpenID Connect provider (mock-oauth2-server, started here), the
 * portal's authorisation-code sign-in, and Chromium following the redirects. The configured
 * first admin's e-mail address makes them organisation admin; anyone else arrives with no roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIT {

    static final String ISSUER_ID = "nhs";
    static MockOAuth2Server identityProvider;
    static Chromium chromium;

    @LocalServerPort int port;

    @DynamicPropertySource
    static void liveMode(DynamicPropertyRegistry registry) {
        identityProvider = new MockOAuth2Server();
        identityProvider.start();
        PortalDatabase.register(registry);
        registry.add("noticeboard.mode", () -> "live");
        registry.add("noticeboard.x.sandbox.enabled", () -> "false");
        // as behind a TLS-terminating proxy: live mode refuses to start on plain HTTP without it (SafeStart)
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("noticeboard.oidc.issuer-uri", () -> identityProvider.issuerUrl(ISSUER_ID).toString());
        registry.add("noticeboard.oidc.client-id", () -> "noticeboard");
        registry.add("noticeboard.oidc.client-secret", () -> "not-a-real-secret");
        registry.add("noticeboard.oidc.organisation", () -> "riverside");
        registry.add("noticeboard.oidc.organisation-name", () -> "Riverside Care NHS Trust");
        registry.add("noticeboard.oidc.first-admin-email", () -> "chief.comms@riverside.example");
    }

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }

    @org.junit.jupiter.api.AfterEach
    void noPolicyViolations() {
        org.assertj.core.api.Assertions.assertThat(JourneyTest.policyViolations).as("content security policy violations")
                .isEmpty();
    }

    @AfterAll
    static void stop() {
        identityProvider.shutdown();
    }

    @Test
    void the_configured_first_admin_signs_in_through_the_provider_and_administers() {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-chief", "JWT",
                List.of("noticeboard"), Map.of("name", "Chief Comms", "email", "chief.comms@riverside.example",
                        "email_verified", true), 3600));
        try (var context = JourneyTest.watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.getByText("Welcome, chief.comms@riverside.example")).isVisible();
            assertThat(page.locator("#shell-organisation")).hasText("Riverside Care NHS Trust");
            assertThat(page.locator("#side-nav")).containsText("Members and roles");
            page.locator("#side-nav").getByText("Members and roles").click();
            assertThat(page.locator("#members")).containsText("Organisation admin");
        }
    }

    @Test
    void anyone_else_arrives_as_a_new_member_with_no_roles() {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-newcomer", "JWT",
                List.of("noticeboard"), Map.of("name", "Nia Newcomer", "email", "nia@riverside.example",
                        "email_verified", true), 3600));
        try (var context = JourneyTest.watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.getByText("Welcome, Nia Newcomer")).isVisible();
            assertThat(page.locator("#home-no-roles")).containsText("Ask your organisation admin");
            assertThat(page.locator("#side-nav")).not().containsText("Members and roles");
            page.navigate("http://localhost:" + port + "/members");
            assertThat(page.getByText("Welcome, Nia Newcomer")).not().isVisible();
        }
    }
}
