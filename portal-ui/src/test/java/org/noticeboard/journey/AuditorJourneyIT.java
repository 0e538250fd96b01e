package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The auditor's walk in Chromium: a post for @NorthshireOPR (an account no other journey writes for)
 * is rejected; the auditor finds it in the audit trail, checks the chain, opens the post's dossier,
 * runs the compliance report for that account and exports it as PDF, which is read back here.
 */
class AuditorJourneyIT extends JourneyTest {

    static final String TEXT = "Tea dance for carers every Friday at the rehabilitation unit";
    static final String REASON = "Give the start time of the tea dance";

    @Test
    void an_auditor_searches_the_trail_opens_a_dossier_and_exports_the_pdf() throws Exception {
        try (var context = chromium.browser.newContext()) {
            Page page = signedIn(context, "cara.curator");
            page.locator("#side-nav").getByText("New post").click();
            page.locator("#post-text textarea").fill(TEXT);
            page.locator("#submit-post").click();
            assertThat(page.locator("#post-status")).containsText("In review");
        }
        try (var context = chromium.browser.newContext()) {
            Page page = signedIn(context, "alex.approver");
            page.locator("#side-nav").getByText("Review queue").click();
            page.locator("#review-queue").getByText(TEXT).click();
            page.locator("#reject-reason textarea").fill(REASON);
            page.locator("#reject-post").click();
            assertThat(page.locator("#review-decisions")).containsText(REASON);
        }
        try (var context = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = signedIn(context, "aud.auditor");

            // the trail: the rejection, found by its words, and the chain intact
            page.locator("#side-nav").getByText("Audit trail").click();
            page.locator("#audit-text input").fill("tea dance");
            var events = page.locator("#audit-events");
            assertThat(events).containsText("rejected at step 1: " + REASON);
            assertThat(page.locator("#audit-matches")).containsText("match");
            page.locator("#verify-integrity").click();
            assertThat(page.locator("#integrity-result")).containsText("Intact");

            // the dossier
            page.locator("#side-nav").getByText("Post dossiers").click();
            page.locator("#dossier-search input").fill("Tea dance for carers");
            page.locator("#dossier-search input").press("Enter");
            // the list is replaced by the search's result: click the row once only it is left
            page.waitForTimeout(1500);
            page.locator("#dossier-posts").getByText(TEXT).click();
            assertThat(page.locator("#dossier-decisions")).containsText("Rejected at step 1 by Alex Morgan");
            assertThat(page.locator("#dossier-decisions")).containsText(REASON);
            assertThat(page.locator("#dossier-revisions")).containsText("Revision 1 by Cara Byrne");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-dossier.png")).setFullPage(true));

            // the compliance report for @NorthshireOPR, then its PDF
            page.locator("#side-nav").getByText("Compliance report").click();
            page.locator("#report-accounts input").fill("NorthshireOPR");
            page.locator("vaadin-multi-select-combo-box-item").getByText("NorthshireOPR").click();
            page.keyboard().press("Escape");
            page.locator("#run-report").click();
            assertThat(page.locator("#report-rejections")).containsText(REASON);
            assertThat(page.locator("#report-published")).hasText("Posts published through Noticeboard: 0");
            var download = page.waitForDownload(() -> page.locator("#export-pdf").click());
            Path pdf = download.path();
            Files.copy(pdf, Path.of("target/journey-compliance.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            var reader = new PdfReader(Files.readAllBytes(pdf));
            String first = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(first).contains("Organisation: Northshire Community Health NHS Trust", "Accounts: @NorthshireOPR",
                    "Generated: ", "by Audrey Okafor", "Integrity: Intact", "Posts published through Noticeboard: 0",
                    "Breaches: 0", "Rejections: 1");
            var rest = new StringBuilder();
            for (int i = 2; i <= reader.getNumberOfPages(); i++) {
                rest.append(new PdfTextExtractor(reader).getTextFromPage(i));
            }
            assertThat(rest.toString().replaceAll("\\s+", " ")).contains(REASON, "Alex Morgan");
        }
    }
}
