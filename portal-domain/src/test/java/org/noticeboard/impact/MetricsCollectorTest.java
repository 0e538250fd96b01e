package org.noticeboard.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ImpactRows;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XMetrics;
import org.noticeboard.xapi.XToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class MetricsCollectorTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired OfficialAccountService accounts;
    @Autowired Publisher publisher;
    @Autowired MetricsCollector collector;
    @Autowired AuditService audit;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    World.Org trust;
    String xUserId;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        trust = world.organisation("Metrics Trust");
        xUserId = String.valueOf(trust.account().id() + 700_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        collector.collectDue(10_000); // leave nothing due for other tests
    }

    Post published(String text) {
        var submitted = caller.as(trust.member(Role.STAFF), () -> {
            var post = posts.save(null, new PostDraft(trust.account().id(), text, null, null, null, List.of(), Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
        caller.run(trust.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version()));
        assertThat(publisher.publish(submitted.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        return caller.as(trust.member(Role.APPROVER), () -> posts.get(submitted.id()));
    }

    List<Integer> milestones(long postId) {
        return db.select(POST_METRIC_SNAPSHOT.MILESTONE_HOURS).from(POST_METRIC_SNAPSHOT)
                .where(POST_METRIC_SNAPSHOT.POST_ID.eq(postId)).orderBy(POST_METRIC_SNAPSHOT.MILESTONE_HOURS)
                .fetch(POST_METRIC_SNAPSHOT.MILESTONE_HOURS);
    }

    @Test
    void metrics_are_taken_one_hour_one_day_and_seven_days_after_publication_once_each() {
        Post post = published("Our falls clinic opens on Monday");
        String xId = post.publication().xPostId();
        x.setMetrics(xId, new XMetrics(3, 1, 2, 0, 120L));

        clock.advance(Duration.ofMinutes(59));
        collector.collectDue(1000);
        assertThat(milestones(post.id())).as("nothing before the first hour").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        collector.collectDue(1000);
        assertThat(milestones(post.id())).containsExactly(1);
        var first = db.selectFrom(POST_METRIC_SNAPSHOT).where(POST_METRIC_SNAPSHOT.POST_ID.eq(post.id())).fetchSingle();
        assertThat(List.of(first.getLikes(), first.getReposts(), first.getReplies(), first.getQuotes())).containsExactly(3, 1, 2, 0);
        assertThat(first.getImpressions()).isEqualTo(120L);

        x.setMetrics(xId, new XMetrics(10, 4, 5, 1, 900L));
        collector.collectDue(1000);
        collector.collectDue(1000);
        assertThat(milestones(post.id())).as("no duplicate for the same milestone").containsExactly(1);

        clock.advance(Duration.ofHours(23));
        collector.collectDue(1000);
        assertThat(milestones(post.id())).containsExactly(1, 24);

        clock.advance(Duration.ofDays(6));
        collector.collectDue(1000);
        collector.collectDue(1000);
        assertThat(milestones(post.id())).containsExactly(1, 24, 168);
        var week = db.selectFrom(POST_METRIC_SNAPSHOT).where(POST_METRIC_SNAPSHOT.POST_ID.eq(post.id()),
                POST_METRIC_SNAPSHOT.MILESTONE_HOURS.eq(168)).fetchSingle();
        assertThat(week.getLikes()).isEqualTo(10);
        assertThat(week.getImpressions()).isEqualTo(900L);

        clock.advance(Duration.ofDays(30));
        collector.collectDue(1000);
        assertThat(milestones(post.id())).as("nothing after the seventh day").containsExactly(1, 24, 168);
    }

    @Test
    void a_milestone_passed_while_the_portal_was_stopped_is_not_taken_late_once_a_later_one_is_due() {
        Post post = published("Flu jabs from next week");
        clock.advance(Duration.ofDays(2));

        collector.collectDue(1000);

        assertThat(milestones(post.id())).containsExactly(24);
    }

    @Test
    void a_post_deleted_on_x_is_marked_audited_and_not_asked_about_again() {
        Post kept = published("Our new physio hub is open");
        Post deleted = published("Posted by mistake");
        x.deletePost(new XToken("t", xUserId), deleted.publication().xPostId());
        clock.advance(Duration.ofMinutes(61));

        var run = collector.collectDue(1000);

        assertThat(run.goneFromX()).isGreaterThanOrEqualTo(1);
        assertThat(milestones(kept.id())).containsExactly(1);
        assertThat(milestones(deleted.id())).isEmpty();
        assertThat(db.select(POST.GONE_FROM_X_AT).from(POST).where(POST.ID.eq(deleted.id())).fetchSingle().value1()).isNotNull();
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("post.gone-from-x"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains(deleted.publication().xPostId()));

        int lookupsBefore = x.postLookups().size();
        clock.advance(Duration.ofDays(1));
        collector.collectDue(1000);
        assertThat(x.postLookups().subList(lookupsBefore, x.postLookups().size()))
                .noneMatch(ids -> ids.contains(deleted.publication().xPostId()));
        assertThat(milestones(kept.id())).containsExactly(1, 24);
    }

    @Test
    void x_is_asked_about_at_most_100_posts_per_request() {
        var rows = new ImpactRows(db);
        Instant publishedAt = clock.instant().minus(Duration.ofMinutes(90));
        var ids = new ArrayList<Long>();
        var xIds = new ArrayList<String>();
        for (int i = 0; i < 150; i++) {
            String xId = x.createPost(new XToken("t", xUserId), new NewXPost("Post " + i, null, null, List.of())).id();
            xIds.add(xId);
            ids.add(rows.publishedPost(trust.organisation().id(), trust.account().id(), trust.member(Role.STAFF),
                    "Post " + i, null, null, publishedAt, xId));
        }

        collector.collectDue(10_000);

        var mine = x.postLookups().stream().filter(batch -> batch.stream().anyMatch(xIds::contains)).toList();
        assertThat(mine).hasSize(2).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(100));
        assertThat(mine.stream().mapToInt(List::size).sum()).isEqualTo(150);
        assertThat(db.fetchCount(POST_METRIC_SNAPSHOT, POST_METRIC_SNAPSHOT.POST_ID.in(ids))).isEqualTo(150);
    }

    @Test
    void an_account_x_refuses_waits_for_a_later_run_without_losing_the_snapshot() {
        Post post = published("Rate limits happen");
        clock.advance(Duration.ofMinutes(61));
        tokens.rejected(trust.account().id(), "test: disconnected");

        var run = collector.collectDue(1000);

        assertThat(run.accountsDeferred()).isGreaterThanOrEqualTo(1);
        assertThat(milestones(post.id())).isEmpty();
        tokens.connect(trust.account().id(), xUserId);
        collector.collectDue(1000);
        assertThat(milestones(post.id())).containsExactly(1);
    }

    @Test
    void the_reached_milestone_follows_the_hours_since_publication() {
        Instant published = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(MetricsCollector.reachedMilestone(published, published.plusSeconds(3599))).isZero();
        assertThat(MetricsCollector.reachedMilestone(published, published.plusSeconds(3600))).isEqualTo(1);
        assertThat(MetricsCollector.reachedMilestone(published, published.plus(Duration.ofHours(24)))).isEqualTo(24);
        assertThat(MetricsCollector.reachedMilestone(published, published.plus(Duration.ofDays(7)))).isEqualTo(168);
    }
}
