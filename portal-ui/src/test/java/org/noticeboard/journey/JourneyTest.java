package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PortalDatabase.register(registry);
    }

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new page in the context, signed in as a demo member from the sign-in form. */
    Page signedIn(BrowserContext context, String username) {
        Page page = context.newPage();
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
