package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.demo.DemoData;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Issue 9's memory measure: the heap a signed-in UI session on the review queue costs. Heap used after
 * a full garbage collection is taken with no session open (after a warm-up whose sessions were signed
 * out), then with {@value #SESSIONS} approvers signed in, each having opened the review queue in its
 * own browser context. The difference divided by the number of sessions is the cost of one; the live
 * Vaadin UIs are counted on the server to show the sessions were all there when measured.
 *
 * <p>The figure is an upper bound: the heap is this JVM's, which also holds Playwright's Java side. Not part of the normal run: {@code ./mvnw -pl portal-ui -am -Pload verify
 * -Dtest=SessionMemoryBenchmark}; the report goes to {@code portal-ui/target/session-memory.txt}.
 */
@Import(SessionMemoryBenchmark.LiveUis.class)
class SessionMemoryBenchmark extends JourneyTest {

    static final int SESSIONS = 200;
    static final AtomicInteger liveUis = new AtomicInteger();

    @TestConfiguration
    static class LiveUis {
        @Bean
        VaadinServiceInitListener countLiveUis() {
            return (ServiceInitEvent event) -> event.getSource().addUIInitListener(init -> {
                liveUis.incrementAndGet();
                init.getUI().addDetachListener(detach -> liveUis.decrementAndGet());
            });
        }
    }

    @Autowired Tenants tenants;
    @Autowired Access access;
    @Autowired MemberService members;

    @Test
    void heap_per_signed_in_session_on_the_review_queue() throws Exception {
        int sessions = Integer.getInteger("memory.sessions", SESSIONS);
        // a browser holding 200 open pages answers slowly: allow it, this measures memory, not speed
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        List<String> approvers = createApprovers(sessions);

        // warm-up: classes loaded, caches filled, views built once; then signed out again
        for (int i = 0; i < 5; i++) {
            try (BrowserContext context = chromium.browser.newContext()) {
                Page page = onReviewQueue(context, approvers.get(i));
                signOut(page);
            }
        }
        long before = heapAfterGc();
        int uisBefore = liveUis.get();

        // The sessions are opened by several Chromiums at once, each driven by its own thread (Playwright is
        // single-threaded per instance). Once a session shows the review queue, its page is closed with the
        // browser's sendBeacon disabled: Vaadin's unload beacon never leaves, and the server keeps the
        // session and its UI as it does for a user whose connection dropped (until three heartbeats are
        // missed, 15 minutes). The browser then holds no page, so 200 sessions fit on this machine.
        int browsers = Math.max(1, Integer.getInteger("memory.browsers", 2));
        var pool = Executors.newFixedThreadPool(browsers);
        var done = new ArrayList<Future<?>>();
        Instant opening = Instant.now();
        for (int b = 0; b < browsers; b++) {
            List<String> share = new ArrayList<>();
            for (int i = b; i < approvers.size(); i += browsers) {
                share.add(approvers.get(i));
            }
            done.add(pool.submit(() -> {
                try (var own = new Chromium()) {
                    for (String approver : share) {
                        BrowserContext context = own.browser.newContext();
                        Page page = onReviewQueue(context, approver);
                        page.evaluate("navigator.sendBeacon = () => true");
                        context.close();
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> browser : done) {
            browser.get(30, TimeUnit.MINUTES);
        }
        Duration openingTook = Duration.between(opening, Instant.now());
        long with = heapAfterGc();
        int uisWith = liveUis.get();

        double perSessionMb = (with - before) / (double) sessions / (1024 * 1024);
        String report = String.format(Locale.ROOT, """
                Session memory: heap used after a full GC (%s), %d approvers signed in on the review queue
                  no session:                %7.1f MB   (live UIs %d)
                  %d sessions:              %7.1f MB   (live UIs %d)
                  (the %d sessions were opened in %s by %d Chromiums; each page was closed once it showed the
                  review queue, its unload beacon held back, so the server kept the UI)
                  per session: %.2f MB (target under 1.5 MB)
                """, ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(), sessions,
                mb(before), uisBefore, sessions, mb(with), uisWith, sessions, openingTook.withNanos(0), browsers, perSessionMb);
        System.out.println(report);
        Path file = Path.of("target", "session-memory.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);

        org.assertj.core.api.Assertions.assertThat(uisWith - uisBefore).as("UIs open while measured").isGreaterThanOrEqualTo(sessions);
        org.assertj.core.api.Assertions.assertThat(perSessionMb).as("MB of heap per session").isLessThan(1.5);
    }

    Page onReviewQueue(BrowserContext context, String approver) {
        Page page = context.newPage();
        page.setDefaultTimeout(120_000);
        signIn(page, approver);
        page.locator("#side-nav").getByText("Review queue").click();
        assertThat(page.locator("#review-queue")).isVisible();
        return page;
    }

    void signOut(Page page) {
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
    }

    List<String> createApprovers(int count) {
        long trust = tenants.findBySlug(DemoData.TRUST).orElseThrow().id();
        return access.asSystem(trust, "memory test set-up", () -> {
            var names = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                String username = "memory.approver." + i;
                var member = members.create("Memory Approver " + i, null, null, username);
                members.grant(member.id(), Role.APPROVER, null);
                names.add(username);
            }
            return names;
        });
    }

    static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(500);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
