package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.StepCondition;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Four eyes, as the approvers who would break it: one approver deciding two steps, an approver
 * editing and approving alone, approvals reused after a rejection, a reply passed off as a template
 * reply, a template reply to an MP.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class FourEyesTest {

    private static final String REPLY_TO = "https://x.com/patient_pat/status/1790000000000000001";

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired WorkflowService workflows;
    @Autowired MemberService members;
    @Autowired ReplyTemplateService templates;
    @Autowired StakeholderService stakeholders;
    @Autowired org.noticeboard.notification.NotificationService notifications;

    World.Org org;
    long staff;
    long taylor;
    long alex;

    @BeforeEach
    void setUp() {
        org = world.organisation("Four Eyes Trust");
        staff = org.member(Role.STAFF);
        taylor = org.member(Role.APPROVER);
        alex = approver("Alex Approver");
    }

    long approver(String name) {
        return caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create(name, null, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
    }

    void useWorkflow(boolean templateRepliesSingleStep, WorkflowStep... steps) {
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> workflows.save(org.account().id(),
                new WorkflowDefinition(List.of(steps), templateRepliesSingleStep), workflows.current(org.account().id()).version()));
    }

    Post submitted(String text, String replyTo) {
        return caller.as(staff, () -> {
            var post = posts.save(null, new PostDraft(org.account().id(), text, replyTo, null, null, List.of(), Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
    }

    Post approve(long who, Post post) {
        return caller.as(who, () -> review.approve(post.id(), post.current().number(), post.version()));
    }

    @Test
    void one_approver_cannot_decide_two_steps_of_a_post() {
        useWorkflow(false, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        var post = submitted("Physiotherapy drop-in sessions start next week", null);

        var atStep2 = approve(taylor, post);
        assertThat(atStep2.reviewStep()).isEqualTo(2);
        assertThat(caller.as(taylor, () -> review.whyNotApprove(post.id())))
                .hasValueSatisfying(why -> assertThat(why).contains("You approved step 1"));

        assertThatThrownBy(() -> approve(taylor, atStep2))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("You approved step 1 of this revision; each step needs a different person, so another approver "
                        + "must decide step 2.");
        assertThat(caller.as(alex, () -> review.whyNotApprove(post.id()))).isEmpty();
        assertThat(approve(alex, atStep2).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void the_only_approver_of_a_later_step_is_kept_for_it_rather_than_trapping_the_post() {
        useWorkflow(false, WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Head of comms", ApproverKind.MEMBERS, null, null, List.of(taylor), Quorum.ANY, StepCondition.ALWAYS));
        var post = submitted("Our annual members' meeting is on 12 March", null);

        assertThat(caller.as(taylor, () -> review.whyNotApprove(post.id()))).hasValue("You are the only approver of step 2 "
                + "(\"Head of comms\"), and nobody approves two steps of one post: leave step 1 to another approver.");
        assertThatThrownBy(() -> approve(taylor, post)).isInstanceOf(NotPermittedException.class);

        var step2 = approve(alex, post);
        assertThat(caller.as(taylor, () -> review.whyNotApprove(post.id()))).isEmpty();
        assertThat(approve(taylor, step2).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void an_approvers_edit_on_a_one_step_account_waits_for_someone_else() {
        var post = submitted("Teh falls clinic is open on Saturdays", null);

        var edited = caller.as(alex, () -> review.editAndResubmit(post.id(), 1, new PostDraft(org.account().id(),
                "The falls clinic is open on Saturdays", null, null, null, List.of(), Map.of()), post.version()));

        assertThat(edited.state()).as("not approved by the edit").isEqualTo(PostState.IN_REVIEW);
        assertThat(edited.reviewStep()).isEqualTo(1);
        assertThat(caller.as(alex, () -> review.whyNotApprove(post.id())))
                .hasValue("You wrote or edited this post, so you cannot approve it: someone who did neither must.");
        assertThatThrownBy(() -> approve(alex, edited)).isInstanceOf(NotPermittedException.class);
        assertThat(approve(taylor, edited).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void an_edit_that_changes_nothing_is_refused_and_nothing_is_saved() {
        var post = submitted("Our new MSK service opens in March", null);
        assertThatThrownBy(() -> caller.run(alex, () -> review.editAndResubmit(post.id(), 1,
                post.current().asDraft(org.account().id()), post.version())))
                .hasMessage("Your edit changes nothing: approve the post as it is, or change it.");
        assertThat(caller.as(staff, () -> posts.get(post.id())).revisions()).containsExactly(1);
    }

    @Test
    void approvals_given_before_a_rejection_do_not_count_when_the_same_revision_is_submitted_again() {
        useWorkflow(false, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        long third = approver("Third Approver");
        var post = submitted("Car parking charges change on 1 April", null);
        var atStep2 = approve(taylor, post);
        var rejected = caller.as(alex, () -> review.reject(post.id(), 1, "Check the date with estates", atStep2.version()));

        var again = caller.as(staff, () -> posts.submit(post.id(), rejected.version()));

        assertThat(again.current().number()).as("the same revision").isEqualTo(1);
        assertThat(again.reviewStep()).isEqualTo(1);
        // step 1 needs an approval of this round: taylor's earlier one is history
        var step2 = approve(third, again);
        assertThat(step2.reviewStep()).isEqualTo(2);
        assertThat(step2.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(approve(taylor, step2).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void nobody_is_told_to_review_a_post_they_edited() {
        useWorkflow(false, WorkflowStep.anyApprover("Comms"));
        var post = submitted("Blood tests move to the new outpatients building", null);
        caller.run(alex, () -> review.editAndResubmit(post.id(), 1, new PostDraft(org.account().id(),
                "Blood tests move to the new outpatients building on Monday", null, null, null, List.of(), Map.of()),
                post.version()));
        // both were told when it was submitted; after alex's edit only taylor is told again
        assertThat(caller.as(taylor, () -> notifications.mine())).filteredOn(n -> n.postId() != null && n.postId() == post.id()
                && n.text().contains("waits for your review (step 1")).hasSize(2);
        assertThat(caller.as(alex, () -> notifications.mine())).filteredOn(n -> n.postId() != null && n.postId() == post.id()
                && n.text().contains("waits for your review")).hasSize(1);
    }

    // ------------------------------------------------------------------ template replies

    long template(String text) {
        return caller.as(taylor, () -> templates.create("Template " + text.hashCode(), text).id());
    }

    Post templateReply(long templateId, Map<String, String> values, String replyTo) {
        return caller.as(staff, () -> {
            var draft = posts.saveTemplateReply(org.account().id(), replyTo, templateId, values);
            return posts.submit(draft.id(), draft.version());
        });
    }

    @Test
    void a_reply_that_is_the_template_filled_word_for_word_takes_the_single_step_route() {
        useWorkflow(true, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        long thanks = template("Thank you for your feedback about {service}. You can read more at {link}");

        var reply = templateReply(thanks, Map.of("service", "the falls clinic", "link", "https://www.nhs.uk/falls"), REPLY_TO);

        assertThat(reply.templateReply()).isTrue();
        assertThat(approve(taylor, reply).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void a_reply_changed_after_it_was_started_from_a_template_goes_through_every_step() {
        useWorkflow(true, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        long thanks = template("Thank you for your feedback about {service}. You can read more at {link}");
        var started = caller.as(staff, () -> posts.saveTemplateReply(org.account().id(), REPLY_TO, thanks,
                Map.of("service", "the falls clinic", "link", "https://www.nhs.uk/falls")));
        // the same shape as the template, other words in the placeholder: no longer the template's text
        var changed = caller.as(staff, () -> posts.save(started.id(), new PostDraft(org.account().id(),
                "Thank you for your feedback about the dreadful falls clinic. You can read more at https://www.nhs.uk/falls",
                REPLY_TO, null, null, List.of(), Map.of()), started.version()));
        var submitted = caller.as(staff, () -> posts.submit(changed.id(), changed.version()));

        assertThat(submitted.templateReply()).isFalse();
        assertThat(approve(taylor, submitted).reviewStep()).isEqualTo(2);
    }

    @Test
    void a_template_reply_to_a_political_stakeholder_never_takes_the_single_step_route() {
        useWorkflow(true, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        caller.run(org.member(Role.CURATOR), () -> stakeholders.add(new StakeholderDraft("JaneMPforNorth", "Jane Member",
                StakeholderCategory.MP, null, List.of(), false, null)));
        long thanks = template("Thank you for your feedback about {service}. You can read more at {link}");

        var toMp = templateReply(thanks, Map.of("service", "the falls clinic", "link", "https://www.nhs.uk/falls"),
                "https://x.com/JaneMPforNorth/status/1790000000000000002");

        assertThat(toMp.templateReply()).isTrue();
        assertThat(approve(taylor, toMp).reviewStep()).as("an MP's post: every step").isEqualTo(2);
    }

    @Test
    void six_adjacent_placeholders_are_decided_by_comparing_text_not_by_backtracking() {
        useWorkflow(true, WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms"));
        long six = template("{a}{b}{c}{d}{e}{f} {link}");
        var values = Map.of("a", "aaaaaaaaaaaaaaaaaaa", "b", "bbbbbbbbbbbbbbbbbbb", "c", "ccccccccccccccccccc",
                "d", "ddddddddddddddddddd", "e", "eeeeeeeeeeeeeeeeeee", "f", "fffffffffffffffffff", "link", "https://www.nhs.uk/a");
        var reply = templateReply(six, values, REPLY_TO);
        // before, the approval compiled the template to a regular expression with six adjacent free
        // groups and ran it on the reply: it did not finish; now it is a string comparison
        var approved = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> approve(taylor, reply));
        assertThat(approved.state()).isEqualTo(PostState.SCHEDULED);
    }

    // ------------------------------------------------------------------ the rules themselves

    @Test
    void the_shortfall_counts_a_person_once_however_many_steps_they_approved() {
        var steps = List.of(new FourEyes.Step(1, "Comms", false, Set.of()), new FourEyes.Step(2, "Head", false, Set.of()));
        assertThat(FourEyes.shortfall(steps, Set.of(1L), Map.of(1, Set.of(7L), 2, Set.of(7L))))
                .singleElement().asString().startsWith("step 2 (\"Head\") has no approval by someone who neither wrote");
        assertThat(FourEyes.shortfall(steps, Set.of(1L), Map.of(1, Set.of(7L, 8L), 2, Set.of(7L)))).isEmpty();
        assertThat(FourEyes.shortfall(steps, Set.of(7L), Map.of(1, Set.of(7L), 2, Set.of(8L))))
                .singleElement().asString().contains("approved only by its author or editor");
        var all = List.of(new FourEyes.Step(1, "Both", true, Set.of(7L, 8L)));
        assertThat(FourEyes.shortfall(all, Set.of(), Map.of(1, Set.of(7L)))).singleElement().asString()
                .contains("every one of its named approvers");
        assertThat(FourEyes.shortfall(all, Set.of(8L), Map.of(1, Set.of(7L)))).as("the author is not needed").isEmpty();
    }

    @Test
    void members_named_on_two_steps_for_all_are_needed_once() {
        long third = approver("Third Approver");
        useWorkflow(false, WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Both", ApproverKind.MEMBERS, null, null, List.of(taylor, third), Quorum.ALL, StepCondition.ALWAYS));
        var post = submitted("Maternity unit tours are back", null);
        var step2 = approve(taylor, post);
        assertThat(step2.reviewStep()).isEqualTo(2);
        assertThatThrownBy(() -> approve(taylor, step2)).isInstanceOf(NotPermittedException.class);
        assertThat(approve(third, step2).state()).as("taylor decided step 1, so step 2 needs only the other")
                .isEqualTo(PostState.SCHEDULED);
    }
}
