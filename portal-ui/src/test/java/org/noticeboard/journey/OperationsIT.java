package org.noticeboard.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What the load balancer, the orchestrator and Prometheus meet: the health probes answer without
 * signing in and say nothing but the status; the rest of Actuator is refused to anyone not signed
 * in, and served to an organisation admin's session.
 */
class OperationsIT extends JourneyTest {

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_is_public_and_says_nothing_else() throws Exception {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            // the status, and for the root the names of the probe groups; never what it is made of
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components")
                    .doesNotContain("details").doesNotContain("\"db\"").doesNotContain("scheduler");
            assertThat(response.headers().firstValue("set-cookie")).as(probe + " begins no session").isEmpty();
        }
        // a component's own path would tell what the portal is made of
        assertThat(get("/actuator/health/db").statusCode()).isEqualTo(404);
    }

    @Test
    void the_rest_of_actuator_is_refused_without_signing_in() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator",
                "/actuator/info"}) {
            var response = get(path);
            // 401 for Actuator's own paths; an endpoint not exposed at all is just another page to sign in for
            assertThat(response.statusCode()).as(path).isIn(302, 401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("noticeboard_").doesNotContain("jvm_");
        }
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void an_organisation_admin_reads_the_figures_and_staff_do_not() {
        try (BrowserContext admin = watched(chromium.browser.newContext())) {
            Page page = signedIn(admin, "olu.admin");
            var prometheus = page.request().get(url("/actuator/prometheus"));
            assertThat(prometheus.status()).isEqualTo(200);
            assertThat(prometheus.text()).contains("noticeboard_posts_due ").contains("noticeboard_posts_overdue ")
                    .contains("noticeboard_publish_outcomes_total{outcome=\"published\"}")
                    .contains("noticeboard_publish_delay_seconds_count").contains("noticeboard_listsync_progress ")
                    .contains("noticeboard_audit_integrity_broken ");
            // the admin also sees what the readiness probe is made of
            var readiness = page.request().get(url("/actuator/health/readiness"));
            assertThat(readiness.text()).contains("\"db\"").contains("\"scheduler\"");
        }
        try (BrowserContext staff = watched(chromium.browser.newContext())) {
            Page page = signedIn(staff, "sam.staff");
            assertThat(page.request().get(url("/actuator/prometheus")).status()).isEqualTo(403);
            assertThat(page.request().get(url("/actuator/health")).text()).contains("\"status\":\"UP\"")
                    .doesNotContain("components");
        }
    }
}
