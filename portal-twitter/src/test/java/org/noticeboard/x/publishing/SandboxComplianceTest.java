package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.compliance.ComplianceReport.BreachKind;
import org.noticeboard.compliance.ComplianceRequest;
import org.noticeboard.compliance.ComplianceService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The compliance report against the X sandbox: a post published by the scheduler is ours; a post
 * made on the account straight on X (as if from the X app) is found by reading the account's
 * timeline with its own token, and reported as a breach. The daily integrity check is registered
 * with the same db-scheduler.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.poll-interval=200ms",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class SandboxComplianceTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XSandbox sandbox;
    @Autowired XConnections connections;
    @Autowired Posts posts;
    @Autowired ComplianceService compliance;
    @Autowired DSLContext db;

    World.Org trust;
    String handle;

    @BeforeEach
    void setUp() throws Exception {
        trust = world.organisation("Compliance Trust");
        handle = trust.account().handle().value();
        connections.connect(sandbox, "http://127.0.0.1:" + port + "/x-sandbox", trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
    }

    Post settled(long postId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Post post = posts.get(trust, postId);
        while (Instant.now().isBefore(deadline) && (post.state() == PostState.SCHEDULED || post.state() == PostState.PUBLISHING)) {
            Thread.sleep(100);
            post = posts.get(trust, postId);
        }
        return post;
    }

    @Test
    void a_post_made_on_the_sandbox_account_outside_noticeboard_is_a_breach() throws Exception {
        var ours = settled(posts.approved(trust, "Flu clinics open on Saturday mornings").id());
        assertThat(ours.state()).isEqualTo(PostState.PUBLISHED);
        var outside = sandbox.simulatePost(handle, "Typed straight into the X app by someone with the password", null, null);

        LocalDate today = LocalDate.now(trust.organisation().timeZone());
        var report = caller.as(trust.member(Role.AUDITOR), () -> compliance.report(
                new ComplianceRequest(today.minusDays(1), today.plusDays(1), List.of(trust.account().id()))));

        assertThat(report.published()).isEqualTo(1);
        assertThat(report.publishedWithAllApprovals()).isEqualTo(1);
        assertThat(report.breaches().items()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreachKind.OUTSIDE_NOTICEBOARD);
            assertThat(b.xPostId()).isEqualTo(outside.id());
            assertThat(b.detail()).contains("Typed straight into the X app");
        });
        assertThat(report.compliantShare()).isEqualTo(50.0);
        assertThat(report.xComparison()).singleElement().satisfies(n -> assertThat(n).contains("2 posts on X in the period compared"));
        assertThat(report.deletedOnX().total()).isZero();
    }

    @Test
    void the_daily_integrity_check_is_a_recurring_db_scheduler_task() {
        var next = db.select(DSL.field("execution_time", java.time.OffsetDateTime.class)).from(DSL.table("scheduled_tasks"))
                .where(DSL.field("task_name").eq(IntegrityTasks.NAME)).fetchOne(0, java.time.OffsetDateTime.class);
        assertThat(next).isNotNull();
        var local = next.atZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalTime();
        assertThat(local).isEqualTo(java.time.LocalTime.of(3, 15));
        assertThat(next.toInstant()).isBetween(Instant.now(), Instant.now().plus(Duration.ofHours(25)));
    }
}
