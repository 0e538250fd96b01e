package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import static org.noticeboard.db.jooq.Tables.X_AUTHORIZED_CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.noticeboard.x.oauth.XAuthorizedClients;
import org.noticeboard.x.oauth.SandboxClientSecret;
import org.noticeboard.x.oauth.XClientRegistration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.junit.jupiter.api.BeforeAll;
import org.noticeboard.testing.PortalDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A browser journey: the running portal on its own database, in demo mode, and headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class JourneyTest {

    static Chromium chromium;
    /** What Chromium reported as refused by the content security policy, in any journey's page. */
    static final List<String> policyViolations = new CopyOnWriteArrayList<>();

    /** Spring Boot sets logging up anew with each context, so the scan is attached once the context runs. */
    @org.junit.jupiter.api.BeforeEach
    void scanTheLog() {
        LogScan.attach();
        org.slf4j.LoggerFactory.getLogger(JourneyTest.class).info("Journey {} starting", getClass().getSimpleName());
    }

    @Autowired DSLContext db;
    @Autowired XAuthorizedClients tokens;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PortalDatabase.register(registry);
    }

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.shared();
    }

    /**
     * After every journey: no page broke the content security policy, and nothing secret reached the
     * log (e-mail addresses, the X tokens of every account connected so far, the sandbox's client secret).
     */
    @AfterEach
    void nothingRefusedAndNothingSecretLogged() {
        org.assertj.core.api.Assertions.assertThat(policyViolations).as("content security policy violations").isEmpty();
        // the sandbox's client secret as this installation keeps it (random per installation, in the database)
        var secrets = new ArrayList<String>(List.of(SandboxClientSecret.of(db)));
        for (long account : db.select(X_AUTHORIZED_CLIENT.ACCOUNT_ID).from(X_AUTHORIZED_CLIENT)
                .fetch(X_AUTHORIZED_CLIENT.ACCOUNT_ID)) {
            OAuth2AuthorizedClient client = tokens.loadAuthorizedClient(XClientRegistration.ID,
                    XClientRegistration.principal(account));
            if (client != null) {
                secrets.add(client.getAccessToken().getTokenValue());
                if (client.getRefreshToken() != null) {
                    secrets.add(client.getRefreshToken().getTokenValue());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(LogScan.captured("Journey " + getClass().getSimpleName() + " starting"))
                .as("the log was captured").isTrue();
        org.assertj.core.api.Assertions.assertThat(LogScan.leaks(secrets)).as("log lines with secrets").isEmpty();
    }

    /** Every console message about the content security policy, from every page of the context. */
    static BrowserContext watched(BrowserContext context) {
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.page() == null ? message.text() : message.page().url() + ": " + message.text());
            }
        });
        return context;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new page in the context, signed in as a demo member from the sign-in form. */
    Page signedIn(BrowserContext context, String username) {
        Page page = watched(context).newPage();
        page.setDefaultTimeout(30_000);
        signIn(page, username);
        return page;
    }

    void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("Sign-in name").fill(username);
        page.locator("input[name=password]").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("#shell-member")).isVisible();
    }
}
