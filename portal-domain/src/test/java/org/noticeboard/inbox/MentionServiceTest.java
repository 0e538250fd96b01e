package org.noticeboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.publish.AfterPublish;
import org.noticeboard.audit.AuditService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.template.ReplyTemplate;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.Staffing;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class MentionServiceTest {

    static final String CARE_OPINION = "We're sorry to hear about your experience. Please share your story on Care "
            + "Opinion so the team can learn from it and reply: {link}";

    @Autowired org.noticeboard.testing.World world;
    @Autowired org.noticeboard.account.OfficialAccountService accountService;
    @Autowired org.jooq.DSLContext db;
    InboxFixture fixture;
    @Autowired MentionPoller poller;
    @Autowired MentionService inbox;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired Publisher publisher;
    @Autowired ReplyTemplateService templates;
    @Autowired AuditService audit;
    @Autowired Staffing staffing;
    @Autowired TestCaller caller;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired MentionResponses responses;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    InboxFixture.Trust trust;
    XUser mp = new XUser("6101", "JaneDoeMP", "Jane Doe MP");
    XUser patient = new XUser("6102", "SamRiversCOPD", "Sam Rivers");

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        fixture = new InboxFixture(world, caller, accountService, tokens, db);
        trust = fixture.connected("Inbox Trust");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Mention polled(XUser author, String text) {
        XPost post = x.mention(trust.xUserId(), author, text, null);
        poller.poll(trust.account(), 5);
        return as(Role.APPROVER, () -> inbox.inbox(InboxFilter.all())).stream()
                .filter(m -> m.xPostId().equals(post.id())).findFirst().orElseThrow();
    }

    <T> T as(Role role, java.util.concurrent.Callable<T> work) {
        return caller.as(trust.member(role), work);
    }

    @Test
    void assigning_to_a_member_or_a_department_moves_new_to_assigned_and_back_and_is_audited() {
        Mention mention = polled(patient, "Is there a follow-on group?");
        long staff = trust.member(Role.STAFF);

        Mention assigned = as(Role.APPROVER, () -> inbox.assign(mention.id(), staff, null, mention.version()));
        assertThat(assigned.state()).isEqualTo(MentionState.ASSIGNED);
        assertThat(assigned.assigneeLabel()).isEqualTo("Staff of Inbox Trust");

        Mention toDepartment = as(Role.APPROVER, () -> inbox.assign(mention.id(), null,
                trust.org().department().id(), assigned.version()));
        assertThat(toDepartment.assigneeLabel()).isEqualTo("Physiotherapy (department)");
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withAssigneeDepartment(trust.org().department().id()))))
                .extracting(Mention::id).containsExactly(mention.id());

        Mention unassigned = as(Role.APPROVER, () -> inbox.assign(mention.id(), null, null, toDepartment.version()));
        assertThat(unassigned.state()).isEqualTo(MentionState.NEW);
        assertThat(unassigned.assigneeLabel()).isNull();

        assertThatThrownBy(() -> as(Role.APPROVER, () -> inbox.assign(mention.id(), staff, null, mention.version())))
                .isInstanceOf(ConflictException.class);
        assertThat(as(Role.AUDITOR, () -> audit.search(AuditQuery.all().withAction("mention.assigned"), 0, 10)))
                .hasSize(3).first().satisfies(e -> assertThat(e.summary()).contains("unassigned"));
    }

    @Test
    void states_escalated_and_no_action_are_set_by_hand_and_no_action_counts_as_the_first_response() {
        Mention mention = polled(patient, "Thanks for the course!");
        clock.advance(Duration.ofMinutes(42));

        Mention escalated = as(Role.STAFF, () -> inbox.setState(mention.id(), MentionState.ESCALATED, mention.version()));
        assertThat(escalated.state()).isEqualTo(MentionState.ESCALATED);
        assertThat(escalated.firstResponseAt()).isNull();

        Mention closed = as(Role.STAFF, () -> inbox.setState(mention.id(), MentionState.NO_ACTION, escalated.version()));
        assertThat(closed.state()).isEqualTo(MentionState.NO_ACTION);
        // the test clock runs on from where it was shifted: whole minutes are what counts
        assertThat(closed.responseTime().toMinutes()).isEqualTo(42);

        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.setState(mention.id(), MentionState.REPLIED, closed.version())))
                .hasMessageContaining("marked replied when a reply to it is published");
        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.setState(mention.id(), MentionState.ASSIGNED, closed.version())))
                .hasMessageContaining("Choose whom to assign");
        assertThat(as(Role.APPROVER, () -> inbox.inbox(InboxFilter.all().withState(MentionState.NO_ACTION))))
                .extracting(Mention::id).containsExactly(mention.id());
    }

    @Test
    void internal_notes_are_kept_in_order_and_an_empty_one_is_refused() {
        Mention mention = polled(patient, "When does the hub open?");
        as(Role.STAFF, () -> inbox.addNote(mention.id(), "Checked with the hub manager: 8am."));
        as(Role.APPROVER, () -> inbox.addNote(mention.id(), "Reply with the opening hours."));

        assertThat(as(Role.STAFF, () -> inbox.notes(mention.id()))).extracting(MentionNote::authorName, MentionNote::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Staff of Inbox Trust", "Checked with the hub manager: 8am."),
                        org.assertj.core.groups.Tuple.tuple("Approver of Inbox Trust", "Reply with the opening hours."));
        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.addNote(mention.id(), "   ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 5000 characters");
    }

    @Test
    void filters_narrow_by_state_account_stakeholder_category_and_age() {
        fixture.stakeholder(trust, mp, StakeholderCategory.MP, true);
        Mention old = polled(patient, "Older question");
        clock.advance(Duration.ofHours(5));
        Mention fromMp = polled(mp, "Visited the falls class today");

        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withOlderThan(Duration.ofHours(4)))))
                .extracting(Mention::id).containsExactly(old.id());
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withNewerThan(Duration.ofHours(1)))))
                .extracting(Mention::id).containsExactly(fromMp.id());
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withOnlyStakeholders(true))))
                .extracting(Mention::id).containsExactly(fromMp.id());
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withStakeholderCategory(StakeholderCategory.MINISTER))))
                .isEmpty();
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withAccount(trust.account()).withState(MentionState.NEW))))
                .extracting(Mention::id).containsExactly(fromMp.id(), old.id());
        assertThat(as(Role.STAFF, () -> inbox.inbox(InboxFilter.all().withAssigneeMember(trust.member(Role.STAFF)))))
                .isEmpty();
    }

    @Test
    void the_inbox_is_for_staff_and_approvers_of_the_account_and_no_one_else() {
        Mention mention = polled(patient, "Hello");
        assertThatThrownBy(() -> caller.as(trust.org().roleless(), () -> inbox.inbox(InboxFilter.all())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> as(Role.AUDITOR, () -> inbox.get(mention.id()))).isInstanceOf(NotPermittedException.class);
        var other = fixture.connected("Other Trust");
        assertThatThrownBy(() -> caller.as(other.member(Role.APPROVER), () -> inbox.get(mention.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(caller.as(other.member(Role.APPROVER), () -> inbox.inbox(InboxFilter.all()))).isEmpty();
        // a staff member of another department does not see this account's inbox
        long elsewhere = staffing.department(trust.org(), "Podiatry");
        long podiatrist = staffing.member(trust.org(), "Podiatrist", elsewhere, Role.STAFF, elsewhere);
        assertThat(caller.as(podiatrist, () -> inbox.inbox(InboxFilter.all()))).isEmpty();
        assertThatThrownBy(() -> caller.as(podiatrist, () -> inbox.get(mention.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_reply_from_a_template_goes_through_the_workflow_and_its_publication_records_the_first_response_time() {
        ReplyTemplate template = as(Role.APPROVER, () -> templates.create("Care Opinion invitation", CARE_OPINION));
        Mention mention = polled(mp, "My father waited four hours at the Eastgate hub.");
        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.startReply(mention.id(), template.id(), Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The template \"Care Opinion invitation\" needs a value for {link} before it can be used.");
        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.startReply(mention.id(), template.id(),
                Map.of("link", "careopinion.org.uk/eastgate"))))
                .hasMessageContaining("{link} in \"Care Opinion invitation\" must be one https address");

        clock.advance(Duration.ofMinutes(30));
        Post draft = as(Role.STAFF, () -> inbox.startReply(mention.id(), template.id(),
                Map.of("link", "https://www.careopinion.org.uk/services/eastgate-hub")));
        assertThat(draft.current().text()).endsWith("reply: https://www.careopinion.org.uk/services/eastgate-hub");
        assertThat(draft.current().replyToUrl()).isEqualTo(mention.url());
        assertThat(as(Role.STAFF, () -> inbox.get(mention.id())).replyPostId()).isEqualTo(draft.id());

        Post submitted = as(Role.STAFF, () -> posts.submit(draft.id(), draft.version()));
        clock.advance(Duration.ofMinutes(15));
        Post approved = as(Role.APPROVER, () -> review.approve(submitted.id(), 1, submitted.version()));
        assertThat(approved.state()).isEqualTo(PostState.SCHEDULED);
        assertThat(as(Role.STAFF, () -> inbox.get(mention.id())).firstResponseAt()).isNull();

        assertThat(publisher.publish(approved.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);

        Mention answered = as(Role.STAFF, () -> inbox.get(mention.id()));
        assertThat(answered.state()).isEqualTo(MentionState.REPLIED);
        assertThat(answered.responseTime().toMinutes()).isEqualTo(45);
        assertThat(x.postsBy(trust.xUserId())).singleElement()
                .satisfies(p -> assertThat(p.inReplyToPostId()).isEqualTo(mention.xPostId()));

        // a second answer does not move the first response time
        clock.advance(Duration.ofHours(2));
        Post again = as(Role.STAFF, () -> inbox.startReply(mention.id(), null, Map.of()));
        Post second = as(Role.STAFF, () -> posts.submit(again.id(),
                posts.save(again.id(), again.current().asDraft(trust.account()).withText("Thank you for telling us."),
                        again.version()).version()));
        Post approvedAgain = as(Role.APPROVER, () -> review.approve(second.id(), second.current().number(), second.version()));
        publisher.publish(approvedAgain.id());
        assertThat(as(Role.STAFF, () -> inbox.get(mention.id())).responseTime().toMinutes()).isEqualTo(45);
    }

    @Test
    void posts_published_together_answer_the_mentions_that_name_them_and_no_others() {
        Mention named = polled(mp, "Will the minor injuries unit open at weekends?");
        Mention other = polled(mp, "Thanks for the update on parking.");
        Post reply = as(Role.STAFF, () -> inbox.startReply(named.id(), null, Map.of()));
        clock.advance(Duration.ofMinutes(20));
        Instant at = clock.instant();

        // told of a batch: the post the mention names as its reply (even with its reply link gone), and
        // a post that answers nothing
        tx.executeWithoutResult(s -> responses.publishedAll(List.of(
                new AfterPublish.Published(trust.org().organisation().id(), trust.account(), reply.id(), null, null, at),
                new AfterPublish.Published(trust.org().organisation().id(), trust.account(), reply.id() + 100_000, null,
                        null, at))));

        Mention answered = as(Role.STAFF, () -> inbox.get(named.id()));
        assertThat(answered.state()).isEqualTo(MentionState.REPLIED);
        assertThat(answered.responseTime().toMinutes()).isEqualTo(20);
        assertThat(as(Role.STAFF, () -> inbox.get(other.id())).state()).isNotEqualTo(MentionState.REPLIED);
        assertThat(as(Role.AUDITOR, () -> audit.search(AuditQuery.all().withAction("mention.responded"), 0, 10)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("post " + reply.id()));
    }

    @Test
    void a_template_placeholder_other_than_link_takes_plain_words() {
        ReplyTemplate template = new ReplyTemplate(1, "Thanks", "Thank you for visiting {service}! More at {link}");
        assertThat(template.placeholders()).containsExactly("service", "link");
        assertThatThrownBy(() -> template.fill(Map.of("link", "https://example.nhs.uk")))
                .hasMessage("The template \"Thanks\" needs a value for {service} before it can be used.");
        String filled = template.fill(Map.of("service", "the falls class", "link", "https://example.nhs.uk/falls"));
        assertThat(filled).isEqualTo("Thank you for visiting the falls class! More at https://example.nhs.uk/falls");
        assertThatThrownBy(() -> template.fill(Map.of("service", "http://evil.example", "link", "https://a.b")))
                .hasMessageContaining("{service} in \"Thanks\" takes a few plain words");
    }

    @Test
    void an_approver_likes_a_mention_on_x_at_once_and_staff_cannot() {
        Mention mention = polled(mp, "Great work by the rehab team");
        assertThatThrownBy(() -> as(Role.STAFF, () -> inbox.like(mention.id()))).isInstanceOf(NotPermittedException.class);

        Mention liked = as(Role.APPROVER, () -> inbox.like(mention.id()));

        assertThat(liked.likedAt()).isNotNull();
        assertThat(liked.likedByName()).isEqualTo("Approver of Inbox Trust");
        assertThat(x.likes()).containsExactly(trust.xUserId() + ":" + mention.xPostId());
        as(Role.APPROVER, () -> inbox.like(mention.id()));
        assertThat(x.likes()).hasSize(1);
    }

    @Test
    void a_repost_goes_through_the_workflow_and_is_published_with_the_repost_endpoint() {
        Mention mention = polled(mp, "Falls are not an inevitable part of ageing");
        long secondApprover = staffing.member(trust.org(), "Second approver", null, Role.APPROVER, null);

        Post repost = as(Role.APPROVER, () -> inbox.repost(mention.id()));
        assertThat(repost.repost()).isTrue();
        assertThat(repost.repostOf()).isEqualTo(mention.url());
        assertThat(repost.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(publisher.publish(repost.id()).kind()).isEqualTo(PublishOutcome.Kind.SKIPPED);
        // nobody approves their own request
        assertThatThrownBy(() -> as(Role.APPROVER, () -> review.approve(repost.id(), 1, repost.version())));

        Post approved = caller.as(secondApprover, () -> review.approve(repost.id(), 1, repost.version()));
        assertThat(publisher.publish(approved.id()).kind()).isEqualTo(PublishOutcome.Kind.PUBLISHED);

        assertThat(x.reposts()).containsExactly(trust.xUserId() + ":" + mention.xPostId());
        assertThat(x.postsBy(trust.xUserId())).isEmpty();
        assertThat(as(Role.STAFF, () -> inbox.get(mention.id())).state()).isEqualTo(MentionState.REPLIED);
    }

    @Test
    void a_quote_is_a_draft_with_the_mention_as_its_quote_target() {
        Mention mention = polled(mp, "Proud of our local NHS");
        Post quote = as(Role.STAFF, () -> inbox.startQuote(mention.id()));
        assertThat(quote.current().quoteUrl()).isEqualTo(mention.url());
        assertThat(quote.state()).isEqualTo(PostState.DRAFT);
        assertThat(as(Role.STAFF, () -> inbox.get(mention.id())).quotePostId()).isEqualTo(quote.id());
    }

    @Test
    void untrusted_text_from_x_is_kept_exactly_as_x_gave_it() {
        String hostile = "\u202Egnp.exe <script>alert('x')</script> <b>bold</b> &amp; 😀👍🏽 "
                + "a".repeat(300) + " @NorthshireNHS";
        Mention mention = polled(new XUser("6199", "Hostile_1", "<img src=x onerror=alert(1)>"), hostile);
        assertThat(mention.text()).isEqualTo(hostile);
        assertThat(mention.authorName()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(List.of(mention.url())).containsExactly("https://x.com/Hostile_1/status/" + mention.xPostId());
    }
}
