package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * From connecting an account to seeing the post on X, in demo mode: an account admin connects
 * @NShirePhysio on the X sandbox's own consent page, a post is written and approved through both
 * steps, db-scheduler publishes it, and its X link in the portal opens the sandbox timeline on it.
 */
class XPublishingJourneyIT extends JourneyTest {

    static final String TEXT = "Our hydrotherapy pool reopens on Monday after its refit";

    private void approve(String approver, String expected) {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = signedIn(context, approver);
            page.locator("#side-nav").getByText("Review queue").click();
            page.locator("#review-queue").getByText(TEXT).click();
            page.locator("#approve-post").click();
            assertThat(page.getByText(expected)).isVisible();
        }
    }

    @Test
    void connect_approve_publish_and_see_it_on_the_sandbox_timeline() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = signedIn(context, "ash.accounts");
            page.locator("#side-nav").getByText("Official accounts").click();
            page.locator("#connect-NShirePhysio").click();
            // the X sandbox's consent page, outside the portal
            assertThat(page.getByText("X sandbox — nothing here reaches the real X")).isVisible();
            page.locator("#username").selectOption("NShirePhysio");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize app")).click();
            assertThat(page.getByText("@NShirePhysio is connected to X as @NShirePhysio")).isVisible();
            assertThat(page.locator("#accounts")).containsText("Connected as @NShirePhysio");
        }
        try (var context = watched(chromium.browser.newContext())) {
            Page page = signedIn(context, "sam.staff");
            page.locator("#side-nav").getByText("New post").click();
            page.locator("#post-text textarea").fill(TEXT);
            assertThat(page.locator("#no-findings")).isVisible();
            page.locator("#submit-post").click();
            assertThat(page.locator("#post-status")).containsText("In review");
        }
        approve("alex.approver", "Approved; the post waits for step 2.");
        try (BrowserContext context = watched(chromium.browser.newContext())) {
            Page page = signedIn(context, "taylor.head");
            page.locator("#side-nav").getByText("Review queue").click();
            page.locator("#review-queue").getByText(TEXT).click();
            page.locator("#approve-post").click();
            assertThat(page.getByText("Approved: every step is done, the post is scheduled.")).isVisible();

            // db-scheduler publishes it within seconds; the page shows it once reloaded (each reload is given
            // time to draw the view: counting right after the load event saw no link even once it was there)
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                try {
                    page.locator("#x-link").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(2_000));
                    break;
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    page.reload();
                }
            }
            assertThat(page.locator("#x-post-id")).containsText("Published as @NShirePhysio");
            Page timeline = context.waitForPage(() -> page.locator("#x-link").click());
            assertThat(timeline.locator(".sandbox-post[aria-current=true]")).containsText(TEXT);
            assertThat(timeline.locator(".sandbox-post[aria-current=true]")).containsText("@NShirePhysio");
            timeline.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-sandbox-timeline.png")));
        }
    }
}
