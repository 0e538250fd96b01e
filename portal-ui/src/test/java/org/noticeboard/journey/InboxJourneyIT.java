package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Answering the people who tweet at us, in demo mode: a local MP (a stakeholder in the demo)
 * mentions @NShirePhysio on the X sandbox; the inbox highlights her as an MP; the mention is
 * assigned and answered with the Care Opinion template; the account's workflow lets template replies
 * skip its second step, but never a reply to a political stakeholder, so the head of communications
 * approves it too; db-scheduler publishes it, and the inbox shows how long the first response took.
 */
class InboxJourneyIT extends JourneyTest {

    @Test
    void an_mp_s_mention_is_highlighted_assigned_answered_from_a_template_approved_published_and_timed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mention = "@NShirePhysio a constituent has waited six weeks for a physio appointment (" + tag + ")";
        String link = "https://www.careopinion.org.uk/services/northshire-physio-" + tag;

        String postId;
        try (var context = chromium.browser.newContext()) {
            Page page = signedIn(context, "ash.accounts");
            page.locator("#side-nav").getByText("Official accounts").click();
            page.locator("#connect-NShirePhysio").click();
            assertThat(page.getByText("X sandbox — nothing here reaches the real X")).isVisible();
            page.locator("#username").selectOption("NShirePhysio");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize app")).click();
            assertThat(page.locator("#accounts")).containsText("Connected as @NShirePhysio");
        }
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signedIn(context, "sam.staff");
            // the MP, played on the sandbox
            page.locator("#side-nav").getByText("Sandbox timeline").click();
            page.locator("#simulate-handle input").fill("JaneDoeMP");
            page.locator("#simulate-text textarea").fill(mention);
            page.locator("#simulate-post").click();
            assertThat(page.getByText("Posted as @JaneDoeMP.")).isVisible();

            page.locator("#side-nav").getByText("Inbox").click();
            page.locator("#inbox-check-now").click();
            Locator row = page.locator("#inbox-grid").getByText(mention);
            assertThat(row).isVisible();
            row.click();
            assertThat(page.locator("#detail-stakeholder")).containsText("Jane Doe MP is one of your stakeholders (MP).");
            assertThat(page.locator("#inbox-grid .stakeholder-badge").first()).isVisible();

            page.locator("#detail-assignee input").fill("Sam Patel");
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sam Patel").setExact(true)).click();
            page.locator("#detail-assign").click();
            assertThat(page.locator("#detail-facts")).containsText("Assigned, assigned to Sam Patel");

            page.locator("#detail-template input").fill("Care Opinion invitation");
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Care Opinion invitation")).click();
            page.locator("#detail-reply").click();
            // the template's placeholder was left empty: the message names it
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("needs a value for {link}")).first()).isVisible();
            page.locator("#placeholder-link input").fill(link);
            page.locator("#detail-reply").click();

            assertThat(page.locator("#post-text textarea")).hasValue(Pattern.compile("Care Opinion.*" + link.replace(".", "\\.") + "$"));
            assertThat(page.locator("#reply-to input")).hasValue(Pattern.compile("https://x.com/JaneDoeMP/status/\\d+"));
            page.locator("#submit-post").click();
            assertThat(page.locator("#post-status")).containsText("In review");
            postId = page.url().replaceAll(".*/compose/(\\d+).*", "$1");
        }
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signedIn(context, "alex.approver");
            // the queue shows the first words only, and every template reply starts alike: open this one
            page.navigate(url("/review/post/" + postId));
            page.locator("#approve-post").click();
            // a reply that follows a template word for word may skip @NShirePhysio's second step, but
            // never a reply to a political stakeholder: this one answers an MP
            assertThat(page.getByText("Approved; the post waits for step 2.")).isVisible();
        }
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signedIn(context, "taylor.head");
            page.navigate(url("/review/post/" + postId));
            page.locator("#approve-post").click();
            assertThat(page.getByText("Approved: every step is done, the post is scheduled.")).isVisible();
        }
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signedIn(context, "sam.staff");
            page.locator("#side-nav").getByText("Inbox").click();
            assertThat(page.locator("#inbox-grid").getByText(mention)).isVisible();
            // db-scheduler publishes the reply within seconds; "Check X now" also reloads the list
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            Locator replied = page.locator("#inbox-grid").getByText("Replied");
            while (replied.count() == 0 && Instant.now().isBefore(deadline)) {
                page.waitForTimeout(1000);
                page.locator("#inbox-check-now").click();
            }
            // a click that lands while "Check X now" redraws the grid is lost with the old rows: click again
            for (int attempt = 0; attempt < 3 && page.locator("#detail-facts").count() == 0; attempt++) {
                page.locator("#inbox-grid").getByText(mention).click();
                page.locator("#detail-facts").or(page.locator("#inbox-grid")).first().waitFor();
                page.waitForTimeout(1000);
            }
            assertThat(page.locator("#detail-facts")).containsText("Replied");
            assertThat(page.locator("#detail-facts")).containsText(Pattern.compile("First response after \\d+ (s|min)"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-inbox.png")).setFullPage(true));
        }
    }
}
