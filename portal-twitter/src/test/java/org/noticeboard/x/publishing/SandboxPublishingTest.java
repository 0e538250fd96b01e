package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.shared.SessionLocks;
import org.noticeboard.x.monitoring.OperationsFigures;
import org.noticeboard.x.monitoring.PublishingMeters;
import static org.noticeboard.db.jooq.Tables.POST;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Approved posts go out by themselves: db-scheduler finds them due and publishes them to the X
 * sandbox in this portal, with their image and alt text, as replies and quotes, and X's refusals
 * end the post FAILED with a reason in words.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.poll-interval=200ms",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class SandboxPublishingTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XSandbox sandbox;
    @Autowired XConnections connections;
    @Autowired Posts posts;
    @Autowired MediaService media;
    @Autowired MeterRegistry meters;
    @Autowired OperationsFigures figures;
    @Autowired SessionLocks sessionLocks;
    @Autowired PostService postService;
    @Autowired ReviewService review;
    @Autowired DSLContext db;

    World.Org trust;
    String handle;

    @BeforeEach
    void setUp() throws Exception {
        trust = world.organisation("Publishing Trust");
        handle = trust.account().handle().value();
        connections.connect(sandbox, "http://127.0.0.1:" + port + "/x-sandbox", trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
    }

    Post settled(long postId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Post post = posts.get(trust, postId);
        while (Instant.now().isBefore(deadline)
                && (post.state() == PostState.SCHEDULED || post.state() == PostState.PUBLISHING)) {
            Thread.sleep(100);
            post = posts.get(trust, postId);
        }
        return post;
    }

    @Test
    void an_approved_post_with_an_image_goes_out_by_itself_once_with_its_alt_text() throws Exception {
        byte[] png = org.noticeboard.x.sandbox.TestImagesAccess.png(60, 40);
        long mediaId = caller.as(trust.member(Role.STAFF), () -> media.upload("ward.png", png).mediaId());
        var post = posts.approved(trust, trust.account().id(), "Ward 7 has reopened after its refurbishment", null, null,
                List.of(new AttachedImage(mediaId, "The refurbished ward, with six beds by the window")));

        var published = settled(post.id());

        assertThat(published.state()).isEqualTo(PostState.PUBLISHED);
        var onX = sandbox.post(published.publication().xPostId()).orElseThrow();
        assertThat(onX.authorUsername()).isEqualTo(handle);
        assertThat(onX.text()).isEqualTo("Ward 7 has reopened after its refurbishment");
        assertThat(onX.mediaIds()).hasSize(1);
        assertThat(sandbox.media(onX.mediaIds().getFirst()).orElseThrow().altText())
                .isEqualTo("The refurbished ward, with six beds by the window");
        Thread.sleep(1000);
        assertThat(sandbox.countPostsWithText(handle, "Ward 7 has reopened after its refurbishment")).isEqualTo(1);
    }

    @Test
    void replies_and_quotes_go_out_as_replies_and_quotes() throws Exception {
        var mention = sandbox.simulatePost("LocalPatient", "@" + handle + " is the walk-in centre open today?", null, null);
        String url = "https://x.com/LocalPatient/status/" + mention.id();
        var reply = posts.approved(trust, trust.account().id(), "@LocalPatient Yes, from 8am to 8pm.", url, null, List.of());
        var quote = posts.approved(trust, trust.account().id(), "A question we hear a lot: here are our hours", null, url,
                List.of());

        var replied = sandbox.post(settled(reply.id()).publication().xPostId()).orElseThrow();
        var quoted = sandbox.post(settled(quote.id()).publication().xPostId()).orElseThrow();

        assertThat(replied.inReplyToId()).isEqualTo(mention.id());
        assertThat(quoted.quotedId()).isEqualTo(mention.id());
    }

    @Test
    void x_refusing_a_duplicate_or_a_reply_to_a_missing_post_fails_it_with_words() throws Exception {
        var first = posts.approved(trust, "Thank you to every volunteer this week");
        assertThat(settled(first.id()).state()).isEqualTo(PostState.PUBLISHED);
        var again = posts.approved(trust, "Thank you to every volunteer this week");
        var orphan = posts.approved(trust, trust.account().id(), "@Nobody Sorry to hear that",
                "https://x.com/Nobody/status/1234567890123456789", null, List.of());

        var duplicate = settled(again.id());
        var missing = settled(orphan.id());

        assertThat(duplicate.state()).isEqualTo(PostState.FAILED);
        assertThat(duplicate.publication().problem()).contains("duplicate").contains("Edit the text");
        assertThat(missing.state()).isEqualTo(PostState.FAILED);
        assertThat(missing.publication().problem()).isNotBlank();
        assertThat(sandbox.countPostsWithText(handle, "Thank you to every volunteer this week")).isEqualTo(1);
    }

    /** PostLocks' lock space: holding a post's lock keeps every publishing worker away from it. */
    static final int PUBLISHING_LOCKS = 0x50554231;

    double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    double published() {
        return meters.get(PublishingMeters.OUTCOMES).tag("outcome", "published").counter().count();
    }

    @Test
    void the_operators_figures_move_when_a_scheduled_post_is_published() throws Exception {
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1).withSecond(0).withNano(0);
        var submitted = caller.as(trust.member(Role.STAFF), () -> {
            var draft = postService.save(null, new PostDraft(trust.account().id(), "Flu clinics open on Saturday mornings",
                    null, null, null, List.of(), Map.of()), 0);
            var scheduled = postService.schedule(draft.id(), tomorrow, draft.version());
            return postService.submit(scheduled.id(), scheduled.version());
        });
        long id = caller.as(trust.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version())).id();
        figures.refresh();
        double dueBefore = gauge("noticeboard.posts.due");
        double overdueBefore = gauge("noticeboard.posts.overdue");
        double publishedBefore = published();
        long delaysBefore = meters.get(PublishingMeters.DELAY).timer().count();

        // its time moved to two minutes ago while a worker "holds" it: due, overdue, and not yet on X
        try (var held = sessionLocks.tryLock(PUBLISHING_LOCKS, id, "post")) {
            assertThat(held.acquired()).isTrue();
            db.update(POST).set(POST.SCHEDULED_AT, Instant.now().minusSeconds(120).atOffset(ZoneOffset.UTC))
                    .where(POST.ID.eq(id)).execute();
            figures.refresh();
            assertThat(gauge("noticeboard.posts.due")).as("posts due").isEqualTo(dueBefore + 1);
            assertThat(gauge("noticeboard.posts.overdue")).as("posts overdue").isEqualTo(overdueBefore + 1);
        }

        assertThat(settled(id).state()).isEqualTo(PostState.PUBLISHED);
        figures.refresh();
        assertThat(gauge("noticeboard.posts.due")).as("posts due").isEqualTo(dueBefore);
        assertThat(gauge("noticeboard.posts.overdue")).as("posts overdue").isEqualTo(overdueBefore);
        assertThat(published()).as("published outcomes").isEqualTo(publishedBefore + 1);
        var delay = meters.get(PublishingMeters.DELAY).timer();
        assertThat(delay.count()).as("delays recorded").isEqualTo(delaysBefore + 1);
        assertThat(delay.max(java.util.concurrent.TimeUnit.SECONDS)).as("the longest delay, in seconds")
                .isGreaterThanOrEqualTo(120);
        // the account's rate-limit window for creating posts, as X last reported it
        assertThat(meters.get("noticeboard.x.ratelimit.remaining").tag("account", handle)
                .tag("endpoint", "POST /2/tweets").gauge().value()).isGreaterThanOrEqualTo(0);
    }
}
