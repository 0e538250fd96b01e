package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session and the response headers as a browser meets them: a new session id at sign-in
 * (session fixation), a cookie scripts cannot read and other sites' requests do not carry, a
 * sign-out that ends the session on the server, and the headers that keep pages out of caches
 * and frames.
 */
class SessionSecurityIT extends JourneyTest {

    static Cookie session(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
    }

    @Test
    void signing_in_changes_the_session_id_and_signing_out_ends_the_session() {
        try (BrowserContext context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            var response = page.navigate(url("/login"));
            Map<String, String> headers = response.allHeaders();
            org.assertj.core.api.Assertions.assertThat(headers.get("content-security-policy"))
                    .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("default-src 'self'");
            org.assertj.core.api.Assertions.assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
            org.assertj.core.api.Assertions.assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
            org.assertj.core.api.Assertions.assertThat(headers.get("cache-control")).contains("no-store");
            org.assertj.core.api.Assertions.assertThat(headers.get("referrer-policy"))
                    .isEqualTo("strict-origin-when-cross-origin");
            // plain HTTP here: HSTS is only sent on secure requests (behind the TLS proxy)
            org.assertj.core.api.Assertions.assertThat(headers).doesNotContainKey("strict-transport-security");

            Cookie before = session(context);
            org.assertj.core.api.Assertions.assertThat(before.httpOnly).isTrue();
            org.assertj.core.api.Assertions.assertThat(before.sameSite).isEqualTo(SameSiteAttribute.LAX);

            signIn(page, "sam.staff");
            Cookie after = session(context);
            org.assertj.core.api.Assertions.assertThat(after.value).as("a new session id at sign-in")
                    .isNotEqualTo(before.value);

            page.locator("#sign-out").click();
            assertThat(page.getByLabel("Sign-in name")).isVisible();

            // the signed-out session id, replayed by another browser, opens nothing
            try (BrowserContext replay = watched(chromium.browser.newContext())) {
                replay.addCookies(List.of(new Cookie("JSESSIONID", after.value).setDomain(after.domain)
                        .setPath(after.path)));
                Page stolen = replay.newPage();
                stolen.navigate(url("/posts"));
                assertThat(stolen.getByLabel("Sign-in name")).isVisible();
                assertThat(stolen.locator("#shell-member")).hasCount(0);
            }
        }
    }

    @Test
    void behind_a_tls_proxy_the_cookie_is_secure_and_hsts_is_sent() {
        try (BrowserContext context = watched(chromium.browser.newContext(new com.microsoft.playwright.Browser
                .NewContextOptions().setExtraHTTPHeaders(Map.of("X-Forwarded-Proto", "https"))))) {
            Page page = context.newPage();
            var response = page.navigate(url("/login"));
            org.assertj.core.api.Assertions.assertThat(response.allHeaders().get("strict-transport-security"))
                    .isEqualTo("max-age=31536000 ; includeSubDomains");
            org.assertj.core.api.Assertions.assertThat(response.headerValue("set-cookie")).contains("Secure")
                    .contains("HttpOnly").contains("SameSite=Lax");
        }
    }
}
