package org.noticeboard.tweetchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.TWEET_CHAT;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowStep;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.post.PostState;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class TweetChatServiceTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired TweetChatService chats;
    @Autowired CampaignService campaigns;
    @Autowired OfficialAccountService accounts;
    @Autowired Publisher publisher;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;
    @Autowired org.noticeboard.workflow.WorkflowService workflows;
    @Autowired org.noticeboard.member.MemberService members;

    World.Org trust;
    long staff;
    long approver;
    Campaign physiotalk;
    LocalDateTime eight;
    String xUserId;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        trust = world.organisation("Chat Trust");
        staff = trust.member(Role.STAFF);
        approver = trust.member(Role.APPROVER);
        physiotalk = caller.as(approver, () -> campaigns.create("Monthly physiotalk", List.of("#physiotalk"), null, null,
                "Raise the profile of physiotherapy with decision-makers"));
        eight = LocalDate.now(LONDON).plusDays(2).atTime(20, 0);
        xUserId = String.valueOf(trust.account().id() + 600_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    ChatPlan plan(String title, List<ChatQuestion> questions) {
        // 8 pm is outside the default publishing hours: the planner says why once for every question
        return new ChatPlan(trust.account().id(), physiotalk.id(), title, "physiotalk", questions,
                "The #physiotalk chat runs from 8 to 9 pm, when clinicians can join.");
    }

    List<ChatQuestion> physiotalkQuestions(LocalDateTime start) {
        return List.of(
                new ChatQuestion("How do you currently use Twitter for strategic influencing?", start),
                new ChatQuestion("Who are the key stakeholders we should be influencing?", start.plusMinutes(15)),
                new ChatQuestion("How can we measure the impact of our activity on social media?", start.plusMinutes(30)));
    }

    int chatCount() {
        return db.fetchCount(TWEET_CHAT, TWEET_CHAT.ORGANISATION_ID.eq(trust.organisation().id()));
    }

    @Test
    void a_chat_is_planned_as_scheduled_question_posts_approved_together_and_published_on_time() {
        TweetChat chat = caller.as(staff, () -> chats.plan(plan("Strategic influencing", physiotalkQuestions(eight))));

        assertThat(chat.questions()).extracting(TweetChat.Question::text).containsExactly(
                "Q1 How do you currently use Twitter for strategic influencing? #physiotalk",
                "Q2 Who are the key stakeholders we should be influencing? #physiotalk",
                "Q3 How can we measure the impact of our activity on social media? #physiotalk");
        assertThat(chat.questions()).extracting(q -> q.at().toLocalDateTime())
                .containsExactly(eight, eight.plusMinutes(15), eight.plusMinutes(30));
        assertThat(chat.commonState()).isEqualTo(PostState.DRAFT);
        assertThat(chat.campaignId()).isEqualTo(physiotalk.id());
        assertThat(caller.as(approver, () -> campaigns.posts(physiotalk.id()))).hasSize(3);

        TweetChat submitted = caller.as(staff, () -> chats.submit(chat.id()));
        assertThat(submitted.commonState()).isEqualTo(PostState.IN_REVIEW);

        TweetChat approved = caller.as(approver, () -> chats.approveAll(chat.id()));
        assertThat(approved.commonState()).as("one action approves the series").isEqualTo(PostState.SCHEDULED);

        assertThat(publisher.due(1000)).doesNotContainAnyElementsOf(approved.questions().stream().map(TweetChat.Question::postId).toList());
        clock.advance(Duration.between(clock.instant(), approved.startsAt().toInstant()).plusMinutes(1));
        long q1 = approved.questions().get(0).postId();
        long q2 = approved.questions().get(1).postId();
        assertThat(publisher.due(1000)).contains(q1).doesNotContain(q2);
        assertThat(publisher.publish(q1).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);
        assertThat(publisher.publish(q2).kind()).as("Q2 waits for its time").isEqualTo(PublishOutcome.Kind.SKIPPED);

        clock.advance(Duration.ofMinutes(30));
        approved.questions().forEach(q -> publisher.publish(q.postId()));
        assertThat(caller.as(approver, () -> chats.get(chat.id())).commonState()).isEqualTo(PostState.PUBLISHED);
        assertThat(x.postsBy(xUserId)).extracting(p -> p.text().substring(0, 2)).containsExactly("Q1", "Q2", "Q3");
    }

    @Test
    void every_question_passes_the_policy_and_one_blocked_question_stops_the_whole_submission() {
        var questions = List.of(
                new ChatQuestion("What helps you after a fall?", eight),
                new ChatQuestion("Patient 943 476 5919 agreed to share their story, what do you think?", eight.plusMinutes(10)));
        TweetChat chat = caller.as(staff, () -> chats.plan(plan("Falls", questions)));

        assertThatThrownBy(() -> caller.run(staff, () -> chats.submit(chat.id())))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("Q2: This post cannot be submitted until you fix");
        assertThat(caller.as(staff, () -> chats.get(chat.id())).commonState()).as("none submitted").isEqualTo(PostState.DRAFT);
    }

    @Test
    void a_warning_without_a_justification_stops_the_submission_naming_the_question() {
        var plan = new ChatPlan(trust.account().id(), null, "Unjustified", "#physiotalk", physiotalkQuestions(eight), null);
        TweetChat chat = caller.as(staff, () -> chats.plan(plan));

        assertThatThrownBy(() -> caller.run(staff, () -> chats.submit(chat.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Q1: Explain why it is right to post anyway, for: This would be published on ")
                .hasMessageContaining("outside publishing hours");
        assertThat(caller.as(staff, () -> chats.get(chat.id())).commonState()).isEqualTo(PostState.DRAFT);
    }

    @Test
    void only_an_approver_who_did_not_write_it_approves_the_series() {
        TweetChat chat = caller.as(staff, () -> chats.plan(plan("Who to follow", physiotalkQuestions(eight))));
        caller.run(staff, () -> chats.submit(chat.id()));

        assertThatThrownBy(() -> caller.run(staff, () -> chats.approveAll(chat.id()))).isInstanceOf(NotPermittedException.class);
        assertThat(caller.as(approver, () -> chats.approveAll(chat.id())).commonState()).isEqualTo(PostState.SCHEDULED);
        assertThatThrownBy(() -> caller.run(approver, () -> chats.approveAll(chat.id())))
                .hasMessage("No question of \"Who to follow\" is waiting for review: they are scheduled.");
    }

    @Test
    void approve_all_cannot_carry_one_approver_through_two_steps() {
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> workflows.save(trust.account().id(), new WorkflowDefinition(List.of(
                WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms")), false),
                workflows.current(trust.account().id()).version()));
        long head = caller.as(trust.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Head of Comms", null, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
        TweetChat chat = caller.as(staff, () -> chats.plan(plan("Two steps", physiotalkQuestions(eight))));
        caller.run(staff, () -> chats.submit(chat.id()));

        assertThat(caller.as(approver, () -> chats.whyNotApproveAll(chat.id()))).isEmpty();
        assertThat(caller.as(staff, () -> chats.whyNotApproveAll(chat.id()))).hasValue("Q1: You wrote this post; someone else "
                + "must review it.");
        TweetChat first = caller.as(approver, () -> chats.approveAll(chat.id()));
        assertThat(first.questions()).allSatisfy(q -> assertThat(q.state()).isEqualTo(PostState.IN_REVIEW));

        assertThat(caller.as(approver, () -> chats.whyNotApproveAll(chat.id()))).hasValueSatisfying(why ->
                assertThat(why).startsWith("Q1: You approved step 1"));
        assertThatThrownBy(() -> caller.run(approver, () -> chats.approveAll(chat.id())))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageStartingWith("Q1: You approved step 1 of this revision");
        assertThat(caller.as(approver, () -> chats.get(chat.id())).questions())
                .allSatisfy(q -> assertThat(q.state()).as("all or none: nothing moved").isEqualTo(PostState.IN_REVIEW));

        assertThat(caller.as(head, () -> chats.approveAll(chat.id())).commonState()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void a_question_time_in_the_past_is_refused_naming_the_question_and_nothing_is_kept() {
        int before = chatCount();
        LocalDateTime past = LocalDateTime.now(LONDON).minusHours(1).withSecond(0).withNano(0);
        var questions = List.of(new ChatQuestion("First", eight), new ChatQuestion("Second", past));

        assertThatThrownBy(() -> caller.run(staff, () -> chats.plan(plan("Past", questions))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Q2's time, ")
                .hasMessageEndingWith("has already passed: choose a time in the future.")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("questions[1].at"));
        assertThat(chatCount()).isEqualTo(before);
    }

    @Test
    void questions_at_the_same_time_or_out_of_order_are_refused() {
        var same = List.of(new ChatQuestion("First", eight), new ChatQuestion("Second", eight.plusMinutes(15)),
                new ChatQuestion("Third", eight.plusMinutes(15)));
        assertThatThrownBy(() -> caller.run(staff, () -> chats.plan(plan("Same", same))))
                .hasMessage("Q3 at 20:15 is not after Q2 at 20:15: each question needs its own time, in order.");
        var close = List.of(new ChatQuestion("First", eight), new ChatQuestion("Second", eight.plusMinutes(1)));
        assertThatThrownBy(() -> caller.run(staff, () -> chats.plan(plan("Close", close))))
                .hasMessageContaining("comes less than 2 minutes after Q1");
        var untimed = List.of(new ChatQuestion("First", eight), new ChatQuestion("Second", null));
        assertThatThrownBy(() -> caller.run(staff, () -> chats.plan(plan("Untimed", untimed)))).hasMessage("Q2 has no time.");
    }

    @Test
    void a_chat_overlapping_another_on_the_same_account_is_refused() {
        caller.run(staff, () -> chats.plan(plan("First chat", physiotalkQuestions(eight))));
        int before = chatCount();

        assertThatThrownBy(() -> caller.run(staff, () -> chats.plan(plan("Second chat", physiotalkQuestions(eight.plusMinutes(20))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlaps \"First chat\"");
        assertThat(chatCount()).isEqualTo(before);
        assertThat(caller.as(staff, () -> chats.plan(plan("Next week", physiotalkQuestions(eight.plusWeeks(1))))).questions()).hasSize(3);
    }

    @Test
    void the_question_text_gets_its_number_and_the_hashtag_once() {
        assertThat(TweetChatService.questionText(2, "Who should we follow?", "#physiotalk"))
                .isEqualTo("Q2 Who should we follow? #physiotalk");
        assertThat(TweetChatService.questionText(2, "Q2 Who should we follow? #PhysioTalk", "#physiotalk"))
                .isEqualTo("Q2 Who should we follow? #PhysioTalk");
    }
}
