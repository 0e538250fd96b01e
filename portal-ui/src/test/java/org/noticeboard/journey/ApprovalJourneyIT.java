package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The approval journey in Chromium: staff submit, an approver rejects with a reason, staff
 * revise and resubmit, the two steps of @NShirePhysio's workflow approve, and the post shows as
 * scheduled on the calendar.
 */
// publishing held: this journey is about the workflow; XPublishingJourneyIT follows a post to X
@org.springframework.test.context.TestPropertySource(properties = "noticeboard.x.publishing.enabled=false")
class ApprovalJourneyIT extends JourneyTest {


    private Page as(BrowserContext context, String username) {
        return signedIn(context, username);
    }

    private void approve(String approver, String text, String expected) {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = as(context, approver);
            page.locator("#side-nav").getByText("Review queue").click();
            page.locator("#review-queue").getByText(text).click();
            page.locator("#approve-post").click();
            assertThat(page.getByText(expected)).isVisible();
        }
    }

    @Test
    void submit_reject_revise_approve_twice_and_see_it_on_the_calendar() {
        String first = "Join our balance class at Riverside clinic";
        String revised = "Join our balance class at Riverside clinic, Tuesdays at 10:00";
        try (var context = watched(chromium.browser.newContext())) {
            Page page = as(context, "sam.staff");
            page.locator("#side-nav").getByText("New post").click();
            page.locator("#post-text textarea").fill(first);
            assertThat(page.locator("#no-findings")).isVisible();
            page.locator("#submit-post").click();
            assertThat(page.locator("#post-status")).containsText("In review");
        }
        try (var context = watched(chromium.browser.newContext())) {
            Page page = as(context, "alex.approver");
            assertThat(page.locator("#shell-notifications")).containsText("new notification");
            page.locator("#side-nav").getByText("Review queue").click();
            page.locator("#review-queue").getByText(first).click();
            assertThat(page.locator("#review-facts")).containsText("step 1 of 2");
            page.locator("#reject-reason textarea").fill("Please say when the class runs");
            page.locator("#reject-post").click();
            assertThat(page.locator("#review-decisions")).containsText("rejected revision 1 at step 1: Please say when the class runs");
        }
        try (var context = watched(chromium.browser.newContext())) {
            Page page = as(context, "sam.staff");
            page.locator("#side-nav").getByText("My posts").click();
            assertThat(page.locator("#my-posts")).containsText("Rejected");
            page.locator("#my-posts").getByText(first).click();
            page.locator("#post-text textarea").fill(revised);
            assertThat(page.locator("#post-counter")).containsText("/ 280");
            page.locator("#submit-post").click();
            assertThat(page.locator("#post-status")).containsText("In review, revision 2");
        }
        approve("alex.approver", revised, "Approved; the post waits for step 2.");
        approve("taylor.head", revised, "Approved: every step is done, the post is scheduled.");
        try (var context = watched(chromium.browser.newContext())) {
            Page page = as(context, "sam.staff");
            page.locator("#side-nav").getByText("Calendar").click();
            assertThat(page.locator("#calendar-days")).containsText("@NShirePhysio Scheduled: " + revised.substring(0, 30));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-calendar.png")).setFullPage(true));
        }
    }
}
