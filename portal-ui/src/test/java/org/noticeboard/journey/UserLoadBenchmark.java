package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.demo.DemoData;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Issue 9's user load: {@value #DEFAULT_USERS} signed-in members (half staff, half approvers) walk the
 * main journeys in headless Chromium for {@value #DEFAULT_MINUTES} minutes against one portal on this
 * machine, with a think time of 1 to 3 s between steps. Staff write and submit posts, look at their
 * posts, search the stakeholders, open a follow list and the calendar; approvers work the review
 * queue (open a load-test post, approve it), the inbox, the impact dashboard and the calendar.
 *
 * <p>Measured: every Vaadin server round trip (the UIDL requests, as the browser timed them from sending
 * to the end of the answer), the server's own time for them, and errors of every kind (a step that
 * failed or timed out, a page error in the browser, an HTTP 5xx, an "unexpected error" in the page or
 * the log). The journeys' refusals by the domain (two approvers on one post) are counted, not errors.
 *
 * <p>Not part of the normal run: {@code ./mvnw -pl portal-ui -am -Pload verify -Dtest=UserLoadBenchmark}
 * ({@code -Dload.users}, {@code -Dload.minutes}, {@code -Dload.pages-per-browser} change the size).
 * The report goes to {@code portal-ui/target/user-load.txt} and docs/performance.md.
 */
@org.springframework.context.annotation.Import(UserLoadBenchmark.ServerTiming.class)
// as deployed: the production jar runs Vaadin in production mode (minified client, no dev tools); the
// load profile builds the production bundle before the tests (see the parent POM), -Dload.production=false
// measures development mode
@org.springframework.test.context.TestPropertySource(properties = "vaadin.productionMode=${load.production:true}")
class UserLoadBenchmark extends JourneyTest {

    static final int DEFAULT_USERS = 50;
    static final int DEFAULT_MINUTES = 10;
    static final Pattern UIDL = Pattern.compile("[?&]v-r=uidl");

    /** The server's own time for each UIDL request, in microseconds. */
    static final ConcurrentLinkedQueue<Long> serverMicros = new ConcurrentLinkedQueue<>();

    @TestConfiguration
    static class ServerTiming {
        @Bean
        FilterRegistrationBean<Filter> uidlTiming() {
            Filter filter = (request, response, chain) -> {
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                boolean uidl = http.getQueryString() != null && UIDL.matcher("?" + http.getQueryString()).find();
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (uidl) {
                        serverMicros.add((System.nanoTime() - start) / 1000);
                    }
                }
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Integer.MIN_VALUE);
            return registration;
        }
    }

    @Autowired Tenants tenants;
    @Autowired Access access;
    @Autowired MemberService members;
    @Autowired DepartmentService departments;
    @Autowired jakarta.servlet.ServletContext servletContext;

    /** One user's walk: its page, what it does next and when. */
    static final class User {
        final String username;
        final boolean approver;
        final BrowserContext context;
        Page page;
        /** The step under way, so that each round trip is counted against it. */
        volatile String doing = "sign in";
        int step;
        int written;
        Instant next = Instant.now();

        User(String username, boolean approver, BrowserContext context) {
            this.username = username;
            this.approver = approver;
            this.context = context;
        }
    }

    final ConcurrentLinkedQueue<Double> roundTrips = new ConcurrentLinkedQueue<>();
    final Map<String, ConcurrentLinkedQueue<Double>> roundTripsByStep = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /**
     * The pause between a user's steps, in seconds: {@code -Dload.think-seconds=1-3} (the default) is a
     * fast user; a person reading a page or writing a post takes longer.
     */
    static final long[] THINK_MILLIS = java.util.Arrays.stream(System.getProperty("load.think-seconds", "1-3").split("-"))
            .mapToLong(part -> Math.round(Double.parseDouble(part.strip()) * 1000)).toArray();

    static long thinkMillis() {
        long min = THINK_MILLIS[0];
        long max = THINK_MILLIS.length > 1 ? THINK_MILLIS[1] : min;
        return min + (max > min ? ThreadLocalRandom.current().nextLong(max - min) : 0);
    }

    /**
     * The browsers' niceness: {@code -Dload.browser-nice=19} (the default) runs Chromium and its
     * Playwright driver at the lowest priority, so that they, standing in for the users' computers,
     * take only the CPU the portal and PostgreSQL leave; 0 lets them compete with the portal.
     */
    static final int BROWSER_NICENESS = Integer.getInteger("load.browser-nice", 19);
    /** {@code -Dload.browser-idle=false}: the browsers without Linux's SCHED_IDLE policy (see {@link Chromium}). */
    static final boolean BROWSER_IDLE = Boolean.parseBoolean(System.getProperty("load.browser-idle", "true"));
    /**
     * The CPUs the browsers may use ({@code -Dload.browser-cpus}, a {@code taskset} list such as "1"; by
     * default "all"). Kept to one core of two, 50 browsers could not even sign in within the run
     * (docs/performance.md), so they share both.
     */
    static final String BROWSER_CPUS = System.getProperty("load.browser-cpus", "all");

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    @Test
    void fifty_users_walk_the_main_journeys() throws Exception {
        // a step fails when what it waits for has not shown within 30 s (the pages' own timeout), not
        // Playwright's 5 s: the browsers get only the CPU left over, and the server's time is measured apart
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        int users = Integer.getInteger("load.users", DEFAULT_USERS);
        Duration length = Duration.ofSeconds(Math.round(Double.parseDouble(
                System.getProperty("load.minutes", Integer.toString(DEFAULT_MINUTES))) * 60));
        int perBrowser = Integer.getInteger("load.pages-per-browser", 10);
        // users arrive over the ramp-up, not all in the same second (a sign-in loads the whole client)
        Duration rampUp = Duration.ofSeconds(Integer.getInteger("load.ramp-up-seconds", 120));
        List<String> usernames = createMembers(users);

        serverMicros.clear();
        Instant start = Instant.now();
        Instant end = start.plus(length);
        var threads = new ArrayList<Thread>();
        for (int first = 0; first < users; first += perBrowser) {
            List<String> mine = usernames.subList(first, Math.min(users, first + perBrowser));
            int offset = first;
            threads.add(Thread.ofPlatform().name("load-browser-" + first / perBrowser)
                    .start(() -> drive(mine, start, rampUp, offset, users, end)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration took = Duration.between(start, Instant.now());

        long unexpected = LogScan.lines().stream().filter(line -> line.contains("Unexpected error")).count();
        List<Double> browser = roundTrips.stream().sorted().toList();
        List<Long> server = serverMicros.stream().sorted().toList();
        String report = String.format(Locale.ROOT, """
                User load: %d signed-in users (%d staff, %d approvers), %d per Chromium, for %s on one portal instance
                (%d cores, %s); think time %s s between steps; %s at niceness %d%s on CPUs %s; Vaadin in %s mode.
                steps done: %s
                round trips by step, as the browser timed them (count, p50, p95 ms): %s
                Vaadin server round trips: %d (%.1f per second)
                  as the browser timed them, ms: p50 %.0f  p95 %.0f  p99 %.0f  max %.0f
                  the server's own time, ms:      p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
                errors: %d (failed steps, page errors, HTTP 5xx, unexpected errors shown), "Unexpected error" in the log: %d
                %s
                """, users, users - users / 2, users / 2, perBrowser, took.withNanos(0), Runtime.getRuntime().availableProcessors(),
                "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB",
                System.getProperty("load.think-seconds", "1-3"), Chromium.forLoad().getFileName(), BROWSER_NICENESS,
                BROWSER_IDLE && BROWSER_NICENESS > 0 ? " under SCHED_IDLE" : "", BROWSER_CPUS, productionMode() ? "production" : "development",
                new java.util.TreeMap<>(counts), byStep(), browser.size(), browser.size() / (double) took.toSeconds(),
                pct(browser, 50), pct(browser, 95), pct(browser, 99), pct(browser, 100),
                pctMicros(server, 50), pctMicros(server, 95), pctMicros(server, 99), pctMicros(server, 100),
                errors.size(), unexpected, errors.stream().limit(20).map(e -> "  - " + e).reduce("", (a, b) -> a + b + "\n"));
        System.out.println(report);
        write(report);

        org.assertj.core.api.Assertions.assertThat(productionMode()).as("Vaadin in production mode (-Dload.production)")
                .isEqualTo(Boolean.parseBoolean(System.getProperty("load.production", "true")));
        org.assertj.core.api.Assertions.assertThat(errors).as("errors under load").isEmpty();
        org.assertj.core.api.Assertions.assertThat(unexpected).as("unexpected errors logged").isZero();
        org.assertj.core.api.Assertions.assertThat(browser).as("round trips measured").hasSizeGreaterThan(users * 10);
        org.assertj.core.api.Assertions.assertThat(pct(browser, 95)).as("round trip p95, ms").isLessThan(150);
    }

    boolean productionMode() {
        return com.vaadin.flow.server.startup.ApplicationConfiguration
                .get(new com.vaadin.flow.server.VaadinServletContext(servletContext)).isProductionMode();
    }

    /** Half staff of Physiotherapy, half approvers, as demo members who sign in with the demo password. */
    List<String> createMembers(int count) {
        long trust = tenants.findBySlug(DemoData.TRUST).orElseThrow().id();
        return access.asSystem(trust, "load test set-up", () -> {
            long physiotherapy = departments.list().stream().filter(d -> d.name().equals("Physiotherapy"))
                    .map(Department::id).findFirst().orElseThrow();
            var names = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                boolean approver = i % 2 == 1;
                String username = (approver ? "load.approver." : "load.staff.") + i;
                var member = members.create((approver ? "Load Approver " : "Load Staff ") + i, null, physiotherapy, username);
                if (approver) {
                    members.grant(member.id(), Role.APPROVER, null);
                } else {
                    members.grant(member.id(), Role.STAFF, physiotherapy);
                }
                names.add(username);
            }
            return names;
        });
    }

    /** One browser, its users' pages driven in turn by this thread (Playwright is single-threaded per instance). */
    void drive(List<String> usernames, Instant start, Duration rampUp, int offset, int total, Instant end) {
        Chromium.lowerThisThread(BROWSER_NICENESS, BROWSER_IDLE);
        try (var chromium = new Chromium(Chromium.forLoad(), BROWSER_NICENESS, BROWSER_IDLE,
                BROWSER_CPUS.equals("all") ? null : BROWSER_CPUS)) {
            var users = new ArrayList<User>();
            for (int i = 0; i < usernames.size(); i++) {
                String username = usernames.get(i);
                // user n of the whole load arrives n/total of the way through the ramp-up
                Instant arrival = start.plusMillis(rampUp.toMillis() * (offset + i) / total);
                long wait = Duration.between(Instant.now(), arrival).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                var user = new User(username, username.startsWith("load.approver."), chromium.browser.newContext());
                user.page = user.context.newPage();
                watch(user);
                attempt(user, "sign in", () -> signIn(user.page, user.username));
                user.next = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(THINK_MILLIS[THINK_MILLIS.length - 1] + 1));
                users.add(user);
            }
            while (true) {
                User user = users.stream().min(java.util.Comparator.comparing(u -> u.next)).orElseThrow();
                if (user.next.isAfter(end)) {
                    break;
                }
                long wait = Duration.between(Instant.now(), user.next).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                if (user.approver) {
                    approverStep(user);
                } else {
                    staffStep(user);
                }
                user.step++;
                user.next = Instant.now().plusMillis(thinkMillis());
            }
            for (User user : users) {
                user.context.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            errors.add("browser thread stopped: " + e);
        }
    }

    void watch(User user) {
        Page page = user.page;
        page.setDefaultTimeout(30_000);
        page.onRequestFinished(request -> {
            if (UIDL.matcher(request.url()).find()) {
                var timing = request.timing();
                if (timing != null && timing.responseEnd >= 0) {
                    roundTrips.add(timing.responseEnd);
                    roundTripsByStep.computeIfAbsent(user.doing, k -> new ConcurrentLinkedQueue<>()).add(timing.responseEnd);
                }
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 500) {
                errors.add(user.username + ": HTTP " + response.status() + " from " + response.url());
            }
        });
        page.onPageError(error -> errors.add(user.username + ": page error " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                errors.add(user.username + ": " + message.text());
            }
        });
    }

    void attempt(User user, String what, Runnable step) {
        user.doing = what;
        try {
            step.run();
            count(what);
            if (user.page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Something went wrong")).count() > 0) {
                errors.add(user.username + " at \"" + what + "\": the portal said something went wrong");
            }
        } catch (RuntimeException | AssertionError e) {
            String message = String.valueOf(e.getMessage()).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.equals("Error {")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse(e.toString());
            errors.add(user.username + " at \"" + what + "\": " + message);
            // start again from a fresh page, as a user would after reloading
            try {
                user.page.navigate(url("/"));
            } catch (RuntimeException ignored) {
                // the next step reports it if the page stays broken
            }
        }
    }

    void nav(Page page, String item) {
        page.locator("#side-nav").getByText(item).first().click();
    }

    void staffStep(User user) {
        Page page = user.page;
        switch (user.step % 5) {
            case 0 -> attempt(user, "write and submit a post", () -> {
                nav(page, "New post");
                user.written++;
                page.locator("#post-text textarea").fill("Load test " + user.username + " post " + user.written
                        + ": join our balance class at Riverside clinic, Tuesdays at 10:00");
                assertThat(page.locator("#no-findings")).isVisible();
                page.locator("#submit-post").click();
                assertThat(page.locator("#post-status")).containsText("In review");
            });
            case 1 -> attempt(user, "look at my posts", () -> {
                nav(page, "My posts");
                assertThat(page.locator("#my-posts")).containsText("Load test");
            });
            case 2 -> attempt(user, "search the stakeholders", () -> {
                nav(page, "Stakeholders");
                page.locator("#stakeholder-search input").fill(ThreadLocalRandom.current().nextBoolean() ? "NHS" : "Fund");
                page.locator("#stakeholder-search input").press("Enter");
                assertThat(page.locator("#stakeholder-total")).isVisible();
            });
            case 3 -> attempt(user, "open a follow list", () -> {
                nav(page, "Follow lists");
                page.locator("#lists").getByText("National NHS bodies").first().click();
                assertThat(page.locator("#members")).isVisible();
            });
            default -> attempt(user, "look at the calendar", () -> {
                nav(page, "Calendar");
                assertThat(page.locator("#calendar-days")).isVisible();
            });
        }
    }

    void approverStep(User user) {
        Page page = user.page;
        switch (user.step % 4) {
            case 0 -> attempt(user, "review queue", () -> {
                nav(page, "Review queue");
                var rows = page.locator("#review-queue").getByText(Pattern.compile("^Load test"));
                assertThat(page.locator("#review-queue")).isVisible();
                int available = rows.count();
                if (available == 0) {
                    count("review queue without load-test posts");
                    return;
                }
                rows.nth(ThreadLocalRandom.current().nextInt(Math.min(available, 8))).click();
                var approve = page.locator("#approve-post");
                assertThat(page.locator("#review-facts")).isVisible();
                if (approve.count() == 0) {
                    count("post no longer in review when opened");
                    return;
                }
                approve.click();
                var said = page.locator("vaadin-notification-card").last();
                assertThat(said).isVisible();
                if (said.textContent().startsWith("Approved")) {
                    count("approved a post");
                } else {
                    count("approval refused by the domain (another approver, or already approved by me)");
                }
            });
            case 1 -> attempt(user, "inbox", () -> {
                nav(page, "Inbox");
                assertThat(page.locator("#inbox-grid")).isVisible();
            });
            case 2 -> attempt(user, "impact dashboard", () -> {
                nav(page, "Impact");
                page.locator("#impact-show").click();
                assertThat(page.locator("#impact-figures, #impact-message").first()).isVisible();
            });
            default -> attempt(user, "look at the calendar", () -> {
                nav(page, "Calendar");
                assertThat(page.locator("#calendar-days")).isVisible();
            });
        }
    }

    String byStep() {
        var lines = new StringBuilder();
        new java.util.TreeMap<>(roundTripsByStep).forEach((step, times) -> {
            List<Double> sorted = times.stream().sorted().toList();
            lines.append(String.format(Locale.ROOT, "%n  %s: %d, %.0f, %.0f", step, sorted.size(), pct(sorted, 50),
                    pct(sorted, 95)));
        });
        return lines.toString();
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double pctMicros(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }

    static void write(String report) throws IOException {
        Path file = Path.of("target", "user-load.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
