package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Alex of the communications team opens Impact from the menu and sees @NorthshireNHS's half year
 * (the demo's history) as charts rendered in Chromium: images of SVG drawn on the server, each with
 * its text alternative. The screenshot is target/journey-dashboard.png.
 */
class ImpactJourneyIT extends JourneyTest {

    @Test
    void the_impact_dashboard_shows_its_charts_in_the_browser() {
        try (BrowserContext alex = chromium.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1400, 2400))) {
            Page page = signedIn(alex, "alex.approver");
            page.locator("#side-nav").getByText("Impact").click();
            page.locator("#impact-scope input").fill("Account @NorthshireNHS");
            page.keyboard().press("Enter");
            // the default period, the last 12 weeks, holds ten weeks of the demo's history
            page.locator("#impact-show").click();

            assertThat(page.locator("#figure-posts")).containsText("Posts published");
            for (String chart : new String[] {"#chart-posts-per-week", "#chart-engagement-rate", "#chart-top-posts",
                    "#chart-mentions"}) {
                var image = page.locator(chart + " img");
                assertThat(image).isVisible();
                assertThat(image).hasAttribute("alt", java.util.regex.Pattern.compile(".+"));
                // the browser decoded and laid the SVG out: it has a size of its own
                Object width = image.evaluate("img => img.naturalWidth");
                org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isGreaterThan(100);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journey-dashboard.png")).setFullPage(true));
        }
    }
}
