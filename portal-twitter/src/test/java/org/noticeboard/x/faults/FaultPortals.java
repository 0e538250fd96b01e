package org.noticeboard.x.faults;

import static org.noticeboard.db.jooq.Tables.POST;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.noticeboard.access.Role;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the fault tests share: a portal instance's settings, posts held back until a chosen second, a look at the database. */
final class FaultPortals {

    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private FaultPortals() {}

    /**
     * A publishing portal on {@code jdbcUrl}, talking to X at {@code apiBaseUrl} (the sandbox, or a
     * proxy in front of it) and getting tokens from the sandbox itself; as in {@code TwoInstancesTest}.
     */
    static List<String> properties(String jdbcUrl, TestDatabases.TestDatabase database, String apiBaseUrl,
            XSandboxServer sandbox, String clientId) {
        return new ArrayList<>(List.of(
                "server.port=0",
                "test.database.url=" + jdbcUrl,
                "test.database.username=" + database.username(),
                "test.database.password=" + database.password(),
                "noticeboard.x.sandbox.enabled=false",
                "noticeboard.x.publishing.enabled=true",
                "noticeboard.x.publishing.poll-interval=250ms",
                "noticeboard.x.publishing.heartbeat=" + HEARTBEAT.toSeconds() + "s",
                "noticeboard.x.api-base-url=" + apiBaseUrl,
                "noticeboard.x.token-uri=" + sandbox.baseUrl() + "/2/oauth2/token",
                "noticeboard.x.authorization-uri=" + sandbox.baseUrl() + "/i/oauth2/authorize",
                "noticeboard.x.client-id=" + clientId,
                "noticeboard.x.client-secret=" + clientId + "-secret",
                "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    }

    static ConfigurableApplicationContext start(List<String> properties) {
        return new SpringApplicationBuilder(XTestApplication.class).properties(properties.toArray(String[]::new)).run();
    }

    /** The test's own look at the database, straight to the server (not through any proxy). */
    static HikariDataSource direct(TestDatabases.TestDatabase database) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        dataSource.setPoolName("fault-test-observer");
        return dataSource;
    }

    static DSLContext dsl(HikariDataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /**
     * Posts written by staff and approved, to go out a day from now: held, so that the test can
     * make each due at the second it chooses ({@link #dueAt}) with every portal already running.
     */
    static List<Long> approvedAndHeld(ConfigurableApplicationContext portal, World.Org org, long accountId,
            List<String> texts) {
        var caller = portal.getBean(TestCaller.class);
        var posts = portal.getBean(PostService.class);
        var review = portal.getBean(ReviewService.class);
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1).withSecond(0).withNano(0);
        var ids = new ArrayList<Long>();
        for (String text : texts) {
            var submitted = caller.as(org.member(Role.STAFF), () -> {
                var draft = posts.save(null, new PostDraft(accountId, text, null, null, null, List.of(), Map.of()), 0);
                var scheduled = posts.schedule(draft.id(), tomorrow, draft.version());
                return posts.submit(scheduled.id(), scheduled.version());
            });
            ids.add(caller.as(org.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version())).id());
        }
        return ids;
    }

    /** Brings held posts forward: each is due at the given instant (as if it had been scheduled for then). */
    static void dueAt(DSLContext db, Map<Long, Instant> due) {
        db.transaction(tx -> due.forEach((postId, at) -> tx.dsl().update(POST)
                .set(POST.SCHEDULED_AT, at.atOffset(ZoneOffset.UTC))
                .set(POST.SCHEDULED_LOCAL, DSL.field("({0} at time zone {1})", LocalDateTime.class,
                        DSL.val(at.atOffset(ZoneOffset.UTC)), POST.SCHEDULE_ZONE))
                .where(POST.ID.eq(postId))
                .execute()));
    }
}
