package org.noticeboard.x.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;

import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.impact.MetricsCollector;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Metrics against the X sandbox through the real gateway: what people did with a published post
 * (the sandbox's public_metrics) is kept at 1 hour and 1 day; a post deleted on X is marked. The
 * collector runs as the db-scheduler task {@value MetricsTasks#NAME}.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.poll-interval=200ms",
        // a context of its own: this test moves the clock a day on, and db-scheduler plans its
        // recurring tasks on that clock, so a context shared with the publishing tests would leave
        // their publishing scan a day away
        "noticeboard.x.publishing.threads=3",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class SandboxMetricsTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired XSandbox sandbox;
    @Autowired XConnections connections;
    @Autowired Posts posts;
    @Autowired MetricsCollector collector;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    World.Org trust;

    @BeforeEach
    void setUp() throws Exception {
        trust = world.organisation("Metrics Trust");
        connections.connect(sandbox, "http://127.0.0.1:" + port + "/x-sandbox", trust.account().id(),
                trust.account().handle().value(), trust.member(Role.ACCOUNT_ADMIN));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Post published(String text) throws InterruptedException {
        var post = posts.approved(trust, text);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Post now = posts.get(trust, post.id());
        while (Instant.now().isBefore(deadline) && now.state() != PostState.PUBLISHED) {
            Thread.sleep(100);
            now = posts.get(trust, post.id());
        }
        assertThat(now.state()).isEqualTo(PostState.PUBLISHED);
        return now;
    }

    @Test
    void the_sandboxs_public_metrics_are_kept_at_one_hour_and_one_day_and_a_deleted_post_is_marked() throws Exception {
        Post post = published("Our falls clinic opens on Monday, all welcome");
        Post deleted = published("A post someone deletes on X");
        String xId = post.publication().xPostId();
        sandbox.simulateEngagement(xId, 4, 2, 1, 1, 250);
        db.execute("update x_sandbox_post set deleted = true where id = " + Long.parseLong(deleted.publication().xPostId()));

        clock.advance(Duration.ofMinutes(61));
        collector.collectDue(1000);

        var hour = db.selectFrom(POST_METRIC_SNAPSHOT).where(POST_METRIC_SNAPSHOT.POST_ID.eq(post.id())).fetchSingle();
        assertThat(hour.getMilestoneHours()).isEqualTo(1);
        assertThat(hour.getLikes()).isEqualTo(4);
        assertThat(hour.getReposts()).isEqualTo(2);
        assertThat(hour.getReplies()).isEqualTo(1);
        assertThat(hour.getQuotes()).isEqualTo(1);
        assertThat(hour.getImpressions()).isEqualTo(250L);
        assertThat(db.select(POST.GONE_FROM_X_AT).from(POST).where(POST.ID.eq(deleted.id())).fetchSingle().value1()).isNotNull();

        sandbox.simulateEngagement(xId, 6, 0, 0, 0, 750);
        clock.advance(Duration.ofDays(1));
        collector.collectDue(1000);
        collector.collectDue(1000);
        var day = db.selectFrom(POST_METRIC_SNAPSHOT).where(POST_METRIC_SNAPSHOT.POST_ID.eq(post.id()),
                POST_METRIC_SNAPSHOT.MILESTONE_HOURS.eq(24)).fetchSingle();
        assertThat(day.getLikes()).isEqualTo(10);
        assertThat(day.getImpressions()).isEqualTo(1000L);
        assertThat(db.fetchCount(POST_METRIC_SNAPSHOT, POST_METRIC_SNAPSHOT.POST_ID.eq(post.id()))).isEqualTo(2);
        assertThat(db.fetchCount(POST_METRIC_SNAPSHOT, POST_METRIC_SNAPSHOT.POST_ID.eq(deleted.id()))).isZero();
    }

    @Test
    void the_metrics_task_is_scheduled_with_db_scheduler() {
        assertThat(db.fetchExists(org.jooq.impl.DSL.selectOne().from("scheduled_tasks")
                .where(org.jooq.impl.DSL.field("task_name", String.class).eq(MetricsTasks.NAME)))).isTrue();
    }
}
