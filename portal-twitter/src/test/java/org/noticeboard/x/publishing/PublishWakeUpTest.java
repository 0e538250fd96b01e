package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Posts due at a coming time go out at that time, not at db-scheduler's next poll: the scan that
 * plans them also wakes the instance at their due time. Here db-scheduler polls only every 5 s, so
 * without the wake-up a post would wait 2.5 s on average, and up to 5 s.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.poll-interval=5s",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class PublishWakeUpTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XSandbox sandbox;
    @Autowired XConnections connections;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired DSLContext db;

    @Test
    void posts_due_at_a_coming_time_are_sent_at_that_time_not_at_the_next_poll() throws Exception {
        var trust = world.organisation("Punctual Trust");
        String handle = trust.account().handle().value();
        connections.connect(sandbox, "http://127.0.0.1:" + port + "/x-sandbox", trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1).withSecond(0).withNano(0);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            String text = "Clinic closes early today, notice " + i;
            var submitted = caller.as(trust.member(Role.STAFF), () -> {
                var draft = posts.save(null, new PostDraft(trust.account().id(), text, null, null, null, List.of(), Map.of()), 0);
                var scheduled = posts.schedule(draft.id(), tomorrow, draft.version());
                return posts.submit(scheduled.id(), scheduled.version());
            });
            ids.add(caller.as(trust.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version())).id());
        }

        // brought forward to 7 s from now: a scan (every 5 s) sees them coming before they are due
        Instant due = Instant.now().plusSeconds(7);
        db.update(POST).set(POST.SCHEDULED_AT, due.atOffset(ZoneOffset.UTC))
                .set(POST.SCHEDULED_LOCAL, DSL.field("({0} at time zone {1})", LocalDateTime.class,
                        DSL.val(due.atOffset(ZoneOffset.UTC)), POST.SCHEDULE_ZONE))
                .where(POST.ID.in(ids)).execute();

        Instant deadline = due.plusSeconds(20);
        while (Instant.now().isBefore(deadline)
                && db.fetchCount(POST, POST.ID.in(ids).and(POST.STATE.eq(PostState.PUBLISHED.name()))) < ids.size()) {
            Thread.sleep(100);
        }
        assertThat(db.fetchCount(POST, POST.ID.in(ids).and(POST.STATE.eq(PostState.PUBLISHED.name()))))
                .as("posts published").isEqualTo(ids.size());

        List<Duration> late = db.select(POST_PUBLICATION_ATTEMPT.STARTED_AT).from(POST_PUBLICATION_ATTEMPT)
                .where(POST_PUBLICATION_ATTEMPT.POST_ID.in(ids), POST_PUBLICATION_ATTEMPT.OUTCOME.eq("PUBLISHED"))
                .fetch(r -> Duration.between(due, r.value1().toInstant()));
        assertThat(late).hasSize(ids.size()).allSatisfy(delay -> {
            assertThat(delay.isNegative()).as("sent before its due time").isFalse();
            assertThat(delay).as("sent this long after its due time").isLessThan(Duration.ofMillis(1500));
        });
        assertThat(sandbox.countPostsBy(handle)).isEqualTo(ids.size());
    }
}
