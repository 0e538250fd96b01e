package org.noticeboard.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.post.TestImages;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.FakeX.Cue;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class PublisherTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired MediaService media;
    @Autowired OfficialAccountService accounts;
    @Autowired AuditService audit;
    @Autowired NotificationService notifications;
    @Autowired Publisher publisher;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired PostLocks locks;
    @Autowired org.noticeboard.policy.PolicyService policies;

    World.Org trust;
    String xUserId;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        trust = world.organisation("Publishing Trust");
        xUserId = String.valueOf(trust.account().id() + 900_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Post approved(String text, List<AttachedImage> images) {
        long staff = trust.member(Role.STAFF);
        var submitted = caller.as(staff, () -> {
            var post = posts.save(null, new PostDraft(trust.account().id(), text, null, null, null, images, Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
        return caller.as(trust.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version()));
    }

    Post approved(String text) {
        return approved(text, List.of());
    }

    Post reload(long postId) {
        return caller.as(trust.member(Role.APPROVER), () -> posts.get(postId));
    }

    static XException failure(XFailure kind, String detail) {
        return new XException(kind, null, detail);
    }

    @Test
    void an_approved_post_due_now_is_published_once_with_its_x_id_audited_and_the_author_told() {
        var post = approved("Our falls clinic opens on Monday");
        assertThat(publisher.due(100)).contains(post.id());

        var outcome = publisher.publish(post.id());

        assertThat(outcome.kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        var published = reload(post.id());
        assertThat(published.state()).isEqualTo(PostState.PUBLISHED);
        assertThat(published.publication().xPostId()).isEqualTo(outcome.xPostId());
        assertThat(published.publication().xUsername()).isEqualTo(trust.account().handle().value());
        assertThat(x.postsBy(xUserId)).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo(post.current().text()));
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);
        assertThat(x.postsBy(xUserId)).hasSize(1);
        assertThat(publisher.due(100)).doesNotContain(post.id());
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("post.published"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains(outcome.xPostId()));
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .anySatisfy(n -> assertThat(n.text()).contains("is on X"));
    }

    @Test
    void a_post_scheduled_for_later_waits_for_its_time() {
        var post = approved("Flu jabs from next week");
        var scheduled = caller.as(trust.member(Role.APPROVER), () -> posts.schedule(post.id(),
                java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London")).plusHours(2).withSecond(0).withNano(0),
                post.version()));
        assertThat(scheduled.state()).isEqualTo(PostState.SCHEDULED);

        assertThat(publisher.due(100)).doesNotContain(post.id());
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);
        assertThat(x.createCalls()).isZero();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(publisher.due(100)).contains(post.id());
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
    }

    @Test
    void a_timeout_after_x_created_the_post_is_reconciled_never_posted_twice() {
        byte[] png = TestImages.png();
        long mediaId = caller.as(trust.member(Role.STAFF), () -> media.upload("clinic.png", png).mediaId());
        var post = approved("Read more at https://www.nhs.uk/conditions/falls/ & share",
                List.of(new AttachedImage(mediaId, "The clinic's front door")));
        x.nextCreate(Cue.CREATE_THEN_FAIL, () -> failure(XFailure.UNKNOWN_OUTCOME, "Read timed out"));

        var first = publisher.publish(post.id());

        assertThat(first.kind()).isEqualTo(PublishOutcome.Kind.RETRY);
        var waiting = reload(post.id());
        assertThat(waiting.state()).isEqualTo(PostState.PUBLISHING);
        assertThat(waiting.publication().problem()).contains("will not post it twice");
        assertThat(publisher.due(100)).doesNotContain(post.id());

        clock.advance(Publisher.backoff(1).plusSeconds(1));
        var second = publisher.publish(post.id());

        assertThat(second.kind()).isEqualTo(PublishOutcome.Kind.RECONCILED);
        assertThat(x.createCalls()).isEqualTo(1);
        assertThat(x.postsBy(xUserId)).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(second.xPostId()));
        assertThat(reload(post.id()).state()).isEqualTo(PostState.PUBLISHED);
        assertThat(caller.as(trust.member(Role.APPROVER), () -> publisher.attempts(post.id())))
                .extracting(PublicationAttempt::outcome).containsExactly("UNKNOWN", "RECONCILED");
    }

    @Test
    void a_failure_before_x_created_it_is_looked_for_then_sent_again_once() {
        var post = approved("Our physio team is recruiting");
        x.nextCreate(Cue.FAIL_BEFORE, () -> failure(XFailure.SERVER_ERROR, "503 Service Unavailable"));

        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.RETRY);
        clock.advance(Publisher.backoff(1).plusSeconds(1));
        var second = publisher.publish(post.id());

        assertThat(second.kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(x.createCalls()).isEqualTo(2);
        assertThat(x.postsBy(xUserId)).hasSize(1);
    }

    @Test
    void while_x_cannot_say_whether_it_has_the_post_nothing_is_sent_again() {
        var post = approved("Visiting hours change on the wards");
        x.nextCreate(Cue.CREATE_THEN_FAIL, () -> failure(XFailure.UNKNOWN_OUTCOME, "Connection reset"));
        x.nextLookup(() -> failure(XFailure.SERVER_ERROR, "500 Internal Server Error"));

        publisher.publish(post.id());
        clock.advance(Publisher.backoff(1).plusSeconds(1));
        var second = publisher.publish(post.id());
        assertThat(second.kind()).isEqualTo(PublishOutcome.Kind.RETRY);
        assertThat(reload(post.id()).state()).isEqualTo(PostState.PUBLISHING);
        assertThat(x.createCalls()).isEqualTo(1);

        clock.advance(Publisher.backoff(2).plusSeconds(1));
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.RECONCILED);
        assertThat(x.createCalls()).isEqualTo(1);
        assertThat(x.postsBy(xUserId)).hasSize(1);
    }

    @Test
    void a_rate_limit_holds_the_post_until_x_resets_the_window_and_says_when() {
        var post = approved("Blood donors needed this weekend");
        Instant reset = clock.instant().plus(Duration.ofMinutes(12)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        x.nextCreate(Cue.FAIL_BEFORE, () -> new XException(XFailure.RATE_LIMITED, 429, "Too Many Requests", reset, null));

        var outcome = publisher.publish(post.id());

        assertThat(outcome.kind()).isEqualTo(PublishOutcome.Kind.RETRY);
        assertThat(outcome.nextAttemptAt()).isEqualTo(reset);
        var held = reload(post.id());
        assertThat(held.state()).isEqualTo(PostState.SCHEDULED);
        assertThat(held.publication().problem()).contains("limit").contains("UK time");
        assertThat(held.publication().nextAttemptAt()).isEqualTo(reset);
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);

        clock.advance(Duration.ofMinutes(13));
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(x.postsBy(xUserId)).hasSize(1);
    }

    @Test
    void a_duplicate_fails_with_what_to_do_and_the_author_is_told() {
        var post = approved("Thank you to our volunteers");
        x.nextCreate(Cue.FAIL_BEFORE, () -> failure(XFailure.DUPLICATE,
                "You are not allowed to create a Tweet with duplicate content."));

        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.FAILED);

        var failed = reload(post.id());
        assertThat(failed.state()).isEqualTo(PostState.FAILED);
        assertThat(failed.publication().problemKind()).isEqualTo("DUPLICATE");
        assertThat(failed.publication().problem()).contains("duplicate").contains("Edit the text");
        assertThat(failed.current().text()).isEqualTo("Thank you to our volunteers");
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .anySatisfy(n -> assertThat(n.text()).contains("could not be published"));
    }

    Post failedDuplicate(String text) {
        var post = approved(text);
        x.nextCreate(Cue.FAIL_BEFORE, () -> failure(XFailure.DUPLICATE,
                "You are not allowed to create a Tweet with duplicate content."));
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.FAILED);
        x.clearScripts();
        return reload(post.id());
    }

    @Test
    void publishing_again_within_a_day_under_the_same_policy_needs_no_new_review() {
        var failed = failedDuplicate("Thanks to the volunteers at the Friday cafe");
        clock.advance(Duration.ofHours(23));

        var again = caller.as(trust.member(Role.APPROVER), () -> publisher.publishAgain(failed.id()));

        assertThat(again).isEqualTo(PostState.SCHEDULED);
        assertThat(publisher.publish(failed.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
    }

    @Test
    void publishing_again_a_post_that_failed_more_than_a_day_ago_sends_it_back_through_review() {
        var failed = failedDuplicate("Flu clinics open this weekend at the main site");
        clock.advance(Duration.ofHours(25));
        long approver = trust.member(Role.APPROVER);

        assertThat(caller.as(approver, () -> publisher.publishAgain(failed.id()))).isEqualTo(PostState.IN_REVIEW);
        var again = reload(failed.id());
        assertThat(again.reviewStep()).isEqualTo(1);
        assertThat(again.scheduledAt()).as("its old time has passed: it goes out when approved").isNull();
        assertThat(again.reviewRound()).isGreaterThan(failed.reviewRound());
        assertThat(publisher.due(100)).doesNotContain(failed.id());
        assertThat(publisher.publish(failed.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);
        assertThat(x.postsBy(xUserId)).isEmpty();
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(
                AuditQuery.all().withAction("post.publish-again-reviewed"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("more than a day ago"));

        // the approval of the first round does not count again: the post needs a fresh one
        var approvedAgain = caller.as(approver, () -> review.approve(failed.id(), again.current().number(), again.version()));
        assertThat(approvedAgain.state()).isEqualTo(PostState.SCHEDULED);
        assertThat(caller.as(approver, () -> review.decisions(failed.id()))).filteredOn(d -> d.approved())
                .extracting(d -> d.round()).containsExactly(failed.reviewRound(), again.reviewRound());
        assertThat(publisher.publish(failed.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
    }

    @Test
    void publishing_again_a_post_checked_under_an_older_policy_sends_it_back_through_review() {
        var failed = failedDuplicate("Visiting times change on the wards from Monday");
        long admin = trust.member(Role.ORG_ADMIN);
        caller.run(admin, () -> {
            var now = policies.current();
            var rules = new java.util.HashMap<>(now.settings().rules());
            rules.put("nhs-number", new org.noticeboard.policy.RuleSetting(true, org.noticeboard.policy.Severity.WARN));
            policies.save(new org.noticeboard.policy.PolicySettings(rules, now.settings().parameters()), "A new version",
                    now.version());
        });

        var again = caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> publisher.publishAgain(failed.id()));

        assertThat(again).isEqualTo(PostState.IN_REVIEW);
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(
                AuditQuery.all().withAction("post.publish-again-reviewed"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("policy version 1").contains("version 2"));
    }

    @Test
    void x_refusing_the_token_fails_the_post_and_asks_for_reconnection() {
        var post = approved("Our wards are busy today");
        x.nextCreate(Cue.FAIL_BEFORE, () -> failure(XFailure.UNAUTHORIZED, "Unauthorized"));

        publisher.publish(post.id());

        var failed = reload(post.id());
        assertThat(failed.state()).isEqualTo(PostState.FAILED);
        assertThat(failed.publication().problemKind()).isEqualTo("RECONNECT");
        assertThat(failed.publication().problem()).contains("reconnect");
        assertThat(tokens.rejected()).containsKey(trust.account().id());
    }

    @Test
    void a_post_for_an_account_not_connected_fails_without_calling_x() {
        var post = approved("Hello from the trust");
        tokens.reset();

        publisher.publish(post.id());

        assertThat(reload(post.id()).publication().problemKind()).isEqualTo("RECONNECT");
        assertThat(x.createCalls()).isZero();
    }

    @Test
    void an_image_x_refuses_fails_the_post_and_keeps_it() {
        long mediaId = caller.as(trust.member(Role.STAFF), () -> media.upload("chart.png", TestImages.png()).mediaId());
        var post = approved("Our waiting times this month", List.of(new AttachedImage(mediaId, "A bar chart")));
        x.nextUpload(() -> failure(XFailure.INVALID_REQUEST, "The media type is not supported"));

        publisher.publish(post.id());

        var failed = reload(post.id());
        assertThat(failed.state()).isEqualTo(PostState.FAILED);
        assertThat(failed.publication().problem()).contains("image 1").contains("not supported");
        assertThat(failed.current().images()).hasSize(1);
        assertThat(x.createCalls()).isZero();
    }

    @Test
    void after_six_unanswered_attempts_a_person_decides_and_publishing_again_still_posts_once() {
        var post = approved("Changes to parking at the hospital");
        for (int i = 0; i < Publisher.MAX_ATTEMPTS; i++) {
            x.nextCreate(i == 0 ? Cue.CREATE_THEN_FAIL : Cue.FAIL_BEFORE,
                    () -> failure(XFailure.UNKNOWN_OUTCOME, "Read timed out"));
            x.nextLookup(() -> failure(XFailure.SERVER_ERROR, "503"));
        }
        PublishOutcome last = null;
        for (int i = 0; i < Publisher.MAX_ATTEMPTS; i++) {
            last = publisher.publish(post.id());
            clock.advance(Duration.ofMinutes(11));
        }
        assertThat(last.kind()).isEqualTo(PublishOutcome.Kind.FAILED);
        var failed = reload(post.id());
        assertThat(failed.publication().problem()).contains("after 6 attempts").contains("Publish again");

        assertThatThrownBy(() -> caller.run(trust.member(Role.STAFF), () -> publisher.publishAgain(post.id())))
                .isInstanceOf(NotPermittedException.class);
        var other = world.organisation("Other Trust");
        assertThatThrownBy(() -> caller.run(other.member(Role.APPROVER), () -> publisher.publishAgain(post.id())))
                .isInstanceOf(org.noticeboard.shared.NotFoundException.class);

        caller.run(trust.member(Role.APPROVER), () -> publisher.publishAgain(post.id()));
        assertThat(reload(post.id()).state()).isEqualTo(PostState.SCHEDULED);
        assertThatThrownBy(() -> caller.run(trust.member(Role.APPROVER), () -> publisher.publishAgain(post.id())))
                .isInstanceOf(ConflictException.class);
        x.clearScripts();
        // the first attempt had reached X: it is found there, not posted a second time
        int createsBefore = x.createCalls();
        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.RECONCILED);
        assertThat(x.createCalls()).isEqualTo(createsBefore);
        assertThat(x.postsBy(xUserId)).hasSize(1);
    }

    @Test
    void a_post_withdrawn_before_its_time_is_not_published() {
        var post = approved("Draft that changed its mind");
        caller.run(trust.member(Role.STAFF), () -> review.withdraw(post.id(), reload(post.id()).version()));

        assertThat(publisher.publish(post.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);
        assertThat(x.createCalls()).isZero();
    }

    @Test
    void workers_racing_for_one_post_publish_it_once() throws Exception {
        var post = approved("Racing workers");
        var pool = Executors.newFixedThreadPool(6);
        try {
            var calls = new ArrayList<Callable<PublishOutcome>>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> publisher.publish(post.id()));
            }
            var kinds = new ArrayList<PublishOutcome.Kind>();
            for (Future<PublishOutcome> f : pool.invokeAll(calls)) {
                kinds.add(f.get().kind());
            }
            assertThat(kinds).containsOnlyOnce(PublishOutcome.Kind.PUBLISHED);
            assertThat(kinds).allMatch(k -> k == PublishOutcome.Kind.PUBLISHED || k == PublishOutcome.Kind.BUSY
                    || k == PublishOutcome.Kind.SKIPPED);
        } finally {
            pool.shutdown();
        }
        assertThat(x.postsBy(xUserId)).hasSize(1);
    }

    @Test
    void a_batch_sends_the_due_text_posts_once_each_and_records_them_as_one_post_at_a_time_would() {
        var first = approved("Batch: clinic times");
        var second = approved("Batch: car park closed");
        var third = approved("Batch: flu jabs");
        byte[] png = TestImages.png();
        long mediaId = caller.as(trust.member(Role.STAFF), () -> media.upload("ward.png", png).mediaId());
        var withImage = approved("Batch: new ward", List.of(new AttachedImage(mediaId, "The new ward")));
        var nextWeek = approved("Batch: next week");
        var later = caller.as(trust.member(Role.APPROVER), () -> posts.schedule(nextWeek.id(),
                java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London")).plusHours(2).withSecond(0).withNano(0),
                nextWeek.version()));
        var taken = new ArrayList<Long>();

        var ids = publisher.publishBatch(50, 2, taken::addAll);

        assertThat(ids).contains(first.id(), second.id(), third.id()).doesNotContain(withImage.id(), later.id());
        // (other tests' posts may be due too, in the shared database)
        assertThat(taken).contains(first.id(), second.id(), third.id()).doesNotContain(withImage.id(), later.id());
        for (var post : List.of(first, second, third)) {
            var published = reload(post.id());
            assertThat(published.state()).isEqualTo(PostState.PUBLISHED);
            assertThat(x.postsBy(xUserId)).filteredOn(p -> p.id().equals(published.publication().xPostId()))
                    .singleElement().satisfies(p -> assertThat(p.text()).isEqualTo(post.current().text()));
            assertThat(caller.as(trust.member(Role.APPROVER), () -> publisher.attempts(post.id())))
                    .singleElement().satisfies(a -> {
                        assertThat(a.outcome()).isEqualTo("PUBLISHED");
                        assertThat(a.xPostId()).isEqualTo(published.publication().xPostId());
                        assertThat(a.finishedAt()).isNotNull();
                    });
        }
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("post.published"), 0, 10)))
                .hasSize(3).allSatisfy(e -> assertThat(e.summary()).startsWith("Published to X as @"));
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.verify()).intact()).isTrue();
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .filteredOn(n -> n.text().contains("is on X")).hasSize(3);
        assertThat(reload(withImage.id()).state()).isEqualTo(PostState.SCHEDULED);
        assertThat(reload(later.id()).state()).isEqualTo(PostState.SCHEDULED);

        // nothing is taken twice; the post with an image goes out one at a time
        assertThat(publisher.publishBatch(50, 2, taken::addAll)).doesNotContain(first.id(), second.id(), third.id());
        assertThat(publisher.publish(withImage.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(x.postsBy(xUserId)).hasSize(4);
    }

    @Test
    void a_batch_leaves_a_post_another_worker_holds_and_that_worker_publishes_it_once() {
        var held = approved("Batch: held by another worker");
        var free = approved("Batch: free to take");

        List<Long> ids;
        try (var lock = locks.tryLock(held.id())) {
            assertThat(lock.acquired()).isTrue();
            ids = publisher.publishBatch(50, 4, taken -> { });
            assertThat(reload(held.id()).state()).isEqualTo(PostState.SCHEDULED);
        }

        assertThat(ids).contains(free.id()).doesNotContain(held.id());
        assertThat(publisher.publish(held.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(x.postsBy(xUserId)).extracting(org.noticeboard.xapi.XPost::text)
                .containsExactlyInAnyOrder("Batch: held by another worker", "Batch: free to take");
    }

    @Test
    void what_x_refuses_or_leaves_unanswered_in_a_batch_is_handled_as_for_one_post_and_never_posted_twice() {
        var a = approved("Batch: first of three");
        var b = approved("Batch: second of three");
        var c = approved("Batch: third of three");
        x.nextCreate(Cue.FAIL_BEFORE, () -> failure(XFailure.DUPLICATE, "You are not allowed to create a Tweet with duplicate content."));
        x.nextCreate(Cue.CREATE_THEN_FAIL, () -> failure(XFailure.UNKNOWN_OUTCOME, "Read timed out"));

        // one at a time, so the first create X is asked for is refused and the second goes unanswered
        assertThat(publisher.publishBatch(50, 1, taken -> { })).contains(a.id(), b.id(), c.id());

        var states = List.of(reload(a.id()), reload(b.id()), reload(c.id()));
        assertThat(states).filteredOn(p -> p.state() == PostState.FAILED).singleElement()
                .satisfies(p -> assertThat(p.publication().problemKind()).isEqualTo("DUPLICATE"));
        var unanswered = states.stream().filter(p -> p.state() == PostState.PUBLISHING).toList();
        assertThat(unanswered).singleElement()
                .satisfies(p -> assertThat(p.publication().problem()).contains("will not post it twice"));
        assertThat(states).filteredOn(p -> p.state() == PostState.PUBLISHED).hasSize(1);
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .anySatisfy(n -> assertThat(n.text()).contains("could not be published"));

        // the unanswered one reached X: a later attempt finds it there and does not send it again
        clock.advance(Publisher.backoff(1).plusSeconds(1));
        assertThat(publisher.publishBatch(50, 1, taken -> { })).doesNotContain(unanswered.getFirst().id());
        assertThat(publisher.publish(unanswered.getFirst().id()).kind()).isEqualTo(PublishOutcome.Kind.RECONCILED);
        assertThat(x.postsBy(xUserId)).hasSize(2);
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.verify()).intact()).isTrue();
    }

    @Test
    void a_batch_hands_the_posts_of_an_account_without_a_token_to_the_one_post_way_and_sends_the_rest() {
        var other = world.organisation("Disconnected Trust");
        String otherUser = String.valueOf(other.account().id() + 900_000);
        caller.run(other.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(other.account().id(), otherUser,
                other.account().handle().value(), other.organisation().name()));
        // Noticeboard holds no token for the other account (X refused to renew it, say)
        var stranded = caller.as(other.member(Role.STAFF), () -> {
            var post = posts.save(null, new PostDraft(other.account().id(), "Batch: no token for this one", null, null,
                    null, List.of(), Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
        var approvedStranded = caller.as(other.member(Role.APPROVER), () -> review.approve(stranded.id(), 1, stranded.version()));
        var fine = approved("Batch: this one has its token");

        var dealtWith = publisher.publishBatch(50, 4, t -> { });

        assertThat(dealtWith).contains(approvedStranded.id(), fine.id());
        var failed = caller.as(other.member(Role.APPROVER), () -> posts.get(approvedStranded.id()));
        assertThat(failed.state()).isEqualTo(PostState.FAILED);
        assertThat(failed.publication().problemKind()).isEqualTo("RECONNECT");
        assertThat(x.postsBy(otherUser)).isEmpty();
        assertThat(reload(fine.id()).state()).isEqualTo(PostState.PUBLISHED);
        // nothing of theirs is due any more: the next batch finds neither
        assertThat(publisher.publishBatch(50, 4, t -> { })).doesNotContain(approvedStranded.id(), fine.id());
    }

    @Test
    void batches_running_at_once_across_organisations_publish_every_post_once() throws Exception {
        var ids = new ArrayList<Long>();
        var users = new ArrayList<String>();
        var orgOf = new java.util.HashMap<Long, World.Org>();
        for (int o = 0; o < 3; o++) {
            var org = world.organisation("Batch Trust " + o);
            String user = String.valueOf(org.account().id() + 900_000);
            caller.run(org.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(org.account().id(), user,
                    org.account().handle().value(), org.organisation().name()));
            tokens.connect(org.account().id(), user);
            users.add(user);
            for (int i = 0; i < 8; i++) {
                String text = "Batch notice " + i + " of " + org.organisation().name();
                var submitted = caller.as(org.member(Role.STAFF), () -> {
                    var post = posts.save(null, new PostDraft(org.account().id(), text, null, null, null, List.of(),
                            Map.of()), 0);
                    return posts.submit(post.id(), post.version());
                });
                long id = caller.as(org.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version())).id();
                ids.add(id);
                orgOf.put(id, org);
            }
        }
        var pool = Executors.newFixedThreadPool(4);
        var sent = new ArrayList<Long>();
        try {
            var batches = new ArrayList<Callable<List<Long>>>();
            for (int i = 0; i < 4; i++) {
                // small batches in small waves, so that the four overlap and each records several organisations
                batches.add(() -> {
                    var mine = new ArrayList<Long>();
                    List<Long> taken;
                    while (!(taken = publisher.publishBatch(5, 2, t -> { })).isEmpty()) {
                        mine.addAll(taken);
                    }
                    return mine;
                });
            }
            for (Future<List<Long>> f : pool.invokeAll(batches)) {
                sent.addAll(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(sent).containsAll(ids).doesNotHaveDuplicates();
        for (String user : users) {
            assertThat(x.postsBy(user)).hasSize(8).extracting(org.noticeboard.xapi.XPost::text).doesNotHaveDuplicates();
        }
        for (long id : ids) {
            var org = orgOf.get(id);
            assertThat(caller.as(org.member(Role.APPROVER), () -> posts.get(id)).state()).isEqualTo(PostState.PUBLISHED);
        }
    }

    @Test
    void connecting_must_be_to_the_accounts_own_x_user_and_disconnecting_forgets_it() {
        long admin = trust.member(Role.ACCOUNT_ADMIN);
        assertThatThrownBy(() -> caller.run(admin, () -> accounts.connect(trust.account().id(), "42", "SomeoneElse", "Someone")))
                .hasMessageContaining("@SomeoneElse").hasMessageContaining("Nothing was connected");
        assertThatThrownBy(() -> caller.run(trust.member(Role.STAFF), () -> accounts.disconnect(trust.account().id())))
                .isInstanceOf(NotPermittedException.class);

        accounts.markNeedsReconnect(trust.account().id(), "X refused the refresh token (invalid_grant)");
        var needs = caller.as(admin, () -> accounts.get(trust.account().id()));
        assertThat(needs.connectionState()).isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(needs.connectionProblem()).contains("invalid_grant");
        assertThat(needs.connection()).isNotNull();
        assertThat(caller.as(admin, () -> notifications.mine()))
                .anySatisfy(n -> assertThat(n.text()).contains("needs reconnecting to X").contains("invalid_grant"));
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .noneSatisfy(n -> assertThat(n.text()).contains("needs reconnecting"));

        var gone = caller.as(admin, () -> accounts.disconnect(trust.account().id()));
        assertThat(gone.connectionState()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(gone.connection()).isNull();
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("account.disconnected"), 0, 5)))
                .hasSize(1);
    }
}
