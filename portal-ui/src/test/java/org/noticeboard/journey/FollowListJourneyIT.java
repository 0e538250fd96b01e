package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two departments share a follow list in Chromium: Cara (Older People's Rehabilitation) imports a
 * CSV into a new list and shares it with the organisation, Pia (Physiotherapy) subscribes, Cara adds
 * a member, and Pia sees it under "what changed since you last looked". Then the list gets a public
 * link, which a visitor opens without signing in.
 */
class FollowListJourneyIT extends JourneyTest {

    static final String LIST = "Winter evidence";

    @Test
    void import_share_subscribe_change_and_see_what_changed() throws IOException {
        Path csv = Files.createTempFile("think-tanks", ".csv");
        Files.writeString(csv, """
                Twitter,Full name,Type,Area,Tags,Notes
                @TheKingsFund,The King's Fund,think tank,England,health policy; social care,Briefed us on winter
                NuffieldTrust,Nuffield Trust,Think-Tank,England,health policy,
                HealthFdn,The Health Foundation,think tank,UK,"health policy; inequalities",
                """, StandardCharsets.UTF_8);

        try (BrowserContext cara = watched(chromium.browser.newContext()); BrowserContext pia = watched(chromium.browser.newContext())) {
            Page first = signedIn(cara, "cara.curator");
            first.locator("#side-nav").getByText("Follow lists").click();
            first.locator("#new-list").click();
            first.locator("#list-name-field input").fill(LIST);
            first.locator("#list-purpose textarea").fill("Evidence for our older people's services");
            first.locator("#create-list").click();
            assertThat(first.locator("#list-title")).hasText(LIST);

            first.locator("#import-into-list").click();
            assertThat(first.locator("#import-target input")).hasValue(LIST + " (Older People's Rehabilitation)");
            first.locator("#csv-upload input[type=file]").setInputFiles(csv);
            // two of the three are in the demo directory already: merged into their entries, all three onto the list
            assertThat(first.locator("#import-summary")).containsText("3 rows. 1 to add, 2 to merge");
            assertThat(first.locator("#import-preview")).containsText("@TheKingsFund");
            first.locator("#import-commit").click();
            assertThat(first.locator("#import-done")).containsText("1 stakeholder(s) added");
            assertThat(first.locator("#import-done")).containsText("3 added to \"" + LIST + "\"");
            first.locator("#import-open-list").click();
            assertThat(first.locator("#members")).containsText("@NuffieldTrust");
            assertThat(first.locator("#history")).containsText("Imported from a CSV file");

            first.locator("#list-visibility").getByText("Organisation: every member of the organisation").click();
            assertThat(first.locator("#list-facts")).containsText("Seen by: the whole organisation");

            Page second = signedIn(pia, "pia.curator");
            second.locator("#side-nav").getByText("Follow lists").click();
            second.locator("#lists").getByText(LIST).click();
            second.locator("#subscribe").click();
            assertThat(second.locator("#changes-none")).hasText("Nothing has changed since your department last looked.");

            // a stakeholder new to the directory, then onto the list
            first.locator("#side-nav").getByText("Stakeholders").click();
            first.locator("#add-stakeholder").click();
            first.locator("#stakeholder-handle input").fill("AgeUKPolicy");
            first.locator("#stakeholder-name input").fill("Age UK Policy");
            first.locator("#stakeholder-category input").fill("Charity");
            first.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Charity").setExact(true)).click();
            first.locator("#save-stakeholder").click();
            // checked against X when an account is connected (another journey in this portal may have
            // connected one), otherwise kept unchecked: either way the check says so about this handle
            assertThat(first.locator("#stakeholder-check")).containsText(java.util.regex.Pattern.compile("was not checked|@AgeUKPolicy"));
            first.locator("#close-stakeholder").click();
            first.locator("#side-nav").getByText("Follow lists").click();
            first.locator("#lists").getByText(LIST).click();
            first.locator("#member-to-add input").fill("AgeUKPolicy");
            first.getByRole(AriaRole.OPTION).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("@AgeUKPolicy")).click();
            first.locator("#member-note input").fill("Older people's care: their social care campaign");
            first.locator("#add-member").click();
            assertThat(first.locator("#members")).containsText("@AgeUKPolicy");

            second.reload();
            assertThat(second.locator("#changes-since")).containsText("@AgeUKPolicy (Age UK Policy)");
            assertThat(second.locator("#changes-since")).containsText("Older people's care: their social care campaign");
            assertThat(second.locator("#changes-since")).containsText("Cara Byrne");
            second.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-follow-list.png"))
                    .setFullPage(true));
            second.locator("#mark-seen").click();
            assertThat(second.locator("#changes-none")).isVisible();

            // shared by link: a visitor reads it without signing in, and without the internal notes
            first.locator("#list-visibility").getByText("Public link").click();
            String link = first.locator("#public-url input").inputValue();
            try (BrowserContext visitor = watched(chromium.browser.newContext())) {
                Page page = visitor.newPage();
                page.navigate(link);
                assertThat(page.locator("#public-title")).hasText(LIST);
                assertThat(page.locator("#public-members")).containsText("@TheKingsFund");
                assertThat(page.locator("body")).not().containsText("Briefed us on winter");
                assertThat(page.locator("#shell-member")).hasCount(0);
                var download = page.waitForDownload(() -> page.locator("#public-export").click());
                String file = Files.readString(download.path(), StandardCharsets.UTF_8);
                org.assertj.core.api.Assertions.assertThat(file).contains("TheKingsFund,The King's Fund,Think tank")
                        .doesNotContain("Briefed us on winter");
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
