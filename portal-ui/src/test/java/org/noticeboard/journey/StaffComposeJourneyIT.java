package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A member of staff writes a post in Chromium: the live check blocks an NHS number as they
 * type, asks for a justification of "!!!", and the post goes for approval once both are dealt with.
 */
class StaffComposeJourneyIT extends JourneyTest {


    @Test
    void staff_fix_a_block_justify_a_warning_and_submit() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = signedIn(context, "sam.staff");
            page.locator("#side-nav").getByText("New post").click();

            var text = page.locator("#post-text textarea");
            text.fill("Lovely to see patient 943 476 5919 back on her feet");
            assertThat(page.locator("#post-findings")).containsText("BLOCK");
            assertThat(page.locator("#post-highlighted mark")).hasText("943 476 5919");
            assertThat(page.locator("#submit-post")).isDisabled();

            text.fill("Lovely to see our falls clinic patients back on their feet!!!");
            assertThat(page.locator("#post-findings")).containsText("WARN");
            assertThat(page.locator("#post-findings")).not().containsText("BLOCK");
            assertThat(page.locator("#submit-post")).isDisabled();
            var justifications = page.locator("[id^=justify-] input");
            for (int i = 0; i < justifications.count(); i++) {
                justifications.nth(i).fill("Celebrating our patients' progress; joyful, not angry.");
            }
            assertThat(page.locator("#submit-post")).isEnabled();

            // an image without alt text blocks the post until it is described
            Path image = Path.of("target/clinic-photo.png");
            var picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            try {
                javax.imageio.ImageIO.write(picture, "png", image.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            page.locator("#image-upload input[type=file]").setInputFiles(image);
            assertThat(page.locator("#alt-0")).isVisible();
            assertThat(page.locator("#post-findings")).containsText("BLOCK");
            assertThat(page.locator("#submit-post")).isDisabled();
            page.locator("#alt-0 textarea").fill("A physiotherapist helping a patient practise standing up");
            page.locator("#alt-0 textarea").blur();
            assertThat(page.locator("#post-findings")).not().containsText("BLOCK");
            assertThat(page.locator("#post-preview img")).hasAttribute("alt", "A physiotherapist helping a patient practise standing up");
            assertThat(page.locator("#submit-post")).isEnabled();
            assertThat(page.locator("#post-preview")).containsText("falls clinic patients");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-composer.png")).setFullPage(true));
            page.locator("#submit-post").click();
            assertThat(page.getByText("Submitted for approval.")).isVisible();
            assertThat(page.locator("#post-status")).containsText("In review");

            page.locator("#side-nav").getByText("My posts").click();
            assertThat(page.locator("#my-posts")).containsText("In review");
        }
    }
}
