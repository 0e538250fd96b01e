package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The organisation admin's first walk, in headless Chromium against the running portal: sign
 * in from the demo list, add a department, grant a role, and find both in the audit trail.
 */
class AdminJourneyIT extends JourneyTest {


    @Test
    void an_admin_adds_a_department_grants_a_role_and_sees_both_in_the_audit_trail() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate("http://localhost:" + port + "/");

            // not signed in: the sign-in page, listing the demo members
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("#demo-users")).containsText("olu.admin");
            page.getByLabel("Sign-in name").fill("olu.admin");
            page.locator("input[name=password]").fill("demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

            assertThat(page.getByText("Welcome, Olu Adeyemi")).isVisible();
            assertThat(page.locator("#shell-organisation")).hasText("Northshire Community Health NHS Trust");

            // add a department
            page.locator("#side-nav").getByText("Departments").click();
            page.locator("#department-name input").fill("Wound Care Service");
            page.locator("#add-department").click();
            assertThat(page.locator("#departments")).containsText("Wound Care Service");

            // grant Sam Patel the Approver role
            page.locator("#side-nav").getByText("Members and roles").click();
            page.locator("#members").getByText("Sam Patel").click();
            page.locator("#grant-role").click();
            page.locator("vaadin-select-item").getByText("Approver", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
            page.locator("#grant-role-button").click();
            assertThat(page.getByText("Approver granted to Sam Patel.")).isVisible();
            page.locator("#close-manage").click();
            assertThat(page.locator("#members")).containsText("Approver, Staff (Physiotherapy)");

            // both changes are in the audit trail, attributed to the admin
            page.locator("#side-nav").getByText("Audit trail").click();
            var events = page.locator("#audit-events");
            assertThat(events).containsText("Approver granted to \"Sam Patel\" for the whole organisation");
            assertThat(events).containsText("Department \"Wound Care Service\" created");
            assertThat(events).containsText("Olu Adeyemi");
            page.locator("#verify-integrity").click();
            assertThat(page.locator("#integrity-result")).containsText("Intact");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-audit-trail.png")).setFullPage(true));

            // sign out ends the session
            page.locator("#sign-out").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
            page.navigate("http://localhost:" + port + "/members");
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @Test
    void an_ended_session_says_so_keeps_nothing_half_written_and_leads_back_to_sign_in() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            signIn(page, "olu.admin");
            page.locator("#side-nav").getByText("Departments").click();
            page.locator("#department-name input").fill("Never Saved Department");

            // the browser's session is one the server no longer knows, as after a time-out
            var expired = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
            expired.value = "EXPIRED0000000000000000000000000";
            context.addCookies(java.util.List.of(expired));
            page.locator("#add-department").click();

            assertThat(page.getByText("Your session has ended")).isVisible();
            page.getByText("Your session has ended").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?expired$"));
            assertThat(page.locator("#login-notice")).hasText("Your session had ended. Sign in again; everything you saved is kept.");

            signIn(page, "olu.admin");
            page.locator("#side-nav").getByText("Departments").click();
            assertThat(page.locator("#departments")).containsText("Physiotherapy");
            assertThat(page.locator("#departments")).not().containsText("Never Saved Department");
        }
    }

    @Test
    void a_wrong_password_is_explained_and_nobody_is_signed_in() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("Sign-in name").fill("olu.admin");
            page.locator("input[name=password]").fill("wrong");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page.getByText("Sign-in name or password not recognised")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        }
    }
}
