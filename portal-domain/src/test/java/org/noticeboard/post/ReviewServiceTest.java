package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.member.MemberService;
import org.noticeboard.policy.Severity;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
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

@SpringBootTest(classes = DomainTestApplication.class)
class ReviewServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired WorkflowService workflows;
    @Autowired MemberService members;
    @Autowired AuditService audit;
    @Autowired org.noticeboard.template.ReplyTemplateService templates;

    World.Org org;
    long staff;
    long approver;
    long secondApprover;

    @BeforeEach
    void setUp() {
        org = world.organisation("Review Trust");
        staff = org.member(Role.STAFF);
        approver = org.member(Role.APPROVER);
        secondApprover = caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Second Approver", null, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
    }

    Post submitted(String text) {
        return caller.as(staff, () -> {
            var post = posts.save(null, new PostDraft(org.account().id(), text, null, null, null, List.of(), Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
    }

    void useWorkflow(WorkflowStep... steps) {
        long accountAdmin = org.member(Role.ACCOUNT_ADMIN);
        caller.run(accountAdmin, () -> {
            var current = workflows.current(org.account().id());
            workflows.save(org.account().id(), new WorkflowDefinition(List.of(steps), false), current.version());
        });
    }

    @Test
    void one_approval_of_the_standard_workflow_schedules_the_post_and_is_audited() {
        var post = submitted("Our falls clinic opens on Monday");
        assertThat(post.workflowVersion()).isEqualTo(1);
        var approved = caller.as(approver, () -> review.approve(post.id(), 1, post.version()));
        assertThat(approved.state()).isEqualTo(PostState.SCHEDULED);
        assertThat(caller.as(approver, () -> review.decisions(post.id()))).singleElement().satisfies(d -> {
            assertThat(d.approved()).isTrue();
            assertThat(d.contentHash()).isEqualTo(post.current().contentHash());
        });
        assertThat(caller.as(org.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("post.approved"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("all steps done"));
    }

    @Test
    void nobody_approves_their_own_post() {
        long staffApprover = caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Writes and approves", null, null);
            members.grant(m.id(), Role.STAFF, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
        var post = caller.as(staffApprover, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), "My own news", null, null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        assertThatThrownBy(() -> caller.run(staffApprover, () -> review.approve(post.id(), 1, post.version())))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("own_post"));
    }

    @Test
    void only_the_steps_approvers_may_decide() {
        useWorkflow(new WorkflowStep("Named approver", ApproverKind.MEMBERS, null, null, List.of(approver), Quorum.ANY,
                StepCondition.ALWAYS));
        var post = submitted("Hello");
        assertThatThrownBy(() -> caller.run(secondApprover, () -> review.approve(post.id(), 1, post.version())))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("not_an_approver"));
        // a member who is no approver of the account does not even see the post
        assertThatThrownBy(() -> caller.run(org.member(Role.CURATOR), () -> review.approve(post.id(), 1, post.version())))
                .isInstanceOf(NotFoundException.class);
        var other = world.organisation("Elsewhere");
        assertThatThrownBy(() -> caller.run(other.member(Role.APPROVER), () -> review.approve(post.id(), 1, post.version())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_all_step_waits_for_every_approver_and_nobody_approves_twice() {
        useWorkflow(new WorkflowStep("Both approvers", ApproverKind.MEMBERS, null, null, List.of(approver, secondApprover),
                Quorum.ALL, StepCondition.ALWAYS));
        var post = submitted("Needs two");
        var once = caller.as(approver, () -> review.approve(post.id(), 1, post.version()));
        assertThat(once.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(once.reviewStep()).isEqualTo(1);
        assertThatThrownBy(() -> caller.run(approver, () -> review.approve(post.id(), 1, once.version())))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("four_eyes"))
                .hasMessage("You have already approved this revision at step 1.");
        var twice = caller.as(secondApprover, () -> review.approve(post.id(), 1, once.version()));
        assertThat(twice.state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void steps_follow_in_order_and_a_conditional_step_applies_only_when_its_condition_holds() {
        useWorkflow(WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Head of comms for overrides", ApproverKind.MEMBERS, null, null, List.of(secondApprover),
                        Quorum.ANY, StepCondition.WARNING_OVERRIDDEN));
        var plain = submitted("A calm post");
        assertThat(caller.as(approver, () -> review.approve(plain.id(), 1, plain.version())).state()).isEqualTo(PostState.SCHEDULED);

        var loud = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), "We did it!!!", null, null, null, List.of(), Map.of()), 0);
            var key = draft.current().findings().stream().filter(f -> f.finding().severity() == Severity.WARN)
                    .findFirst().orElseThrow().key();
            var justified = posts.save(draft.id(), new PostDraft(org.account().id(), "We did it!!!", null, null, null, List.of(),
                    Map.of(key, "Celebrating a real achievement")), draft.version());
            return posts.submit(draft.id(), justified.version());
        });
        var afterFirst = caller.as(approver, () -> review.approve(loud.id(), loud.current().number(), loud.version()));
        assertThat(afterFirst.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(afterFirst.reviewStep()).isEqualTo(2);
        assertThatThrownBy(() -> caller.run(approver, () -> review.approve(loud.id(), loud.current().number(), afterFirst.version())))
                .isInstanceOf(NotPermittedException.class);
        assertThat(caller.as(secondApprover, () -> review.approve(loud.id(), loud.current().number(), afterFirst.version())).state())
                .isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void a_rejection_needs_a_reason_and_the_author_revises_and_resubmits() {
        var post = submitted("Draft one");
        assertThatThrownBy(() -> caller.run(approver, () -> review.reject(post.id(), 1, "   ", post.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(caller.as(staff, () -> posts.get(post.id())).state()).isEqualTo(PostState.IN_REVIEW);
        var rejected = caller.as(approver, () -> review.reject(post.id(), 1, "Please add the clinic's opening hours", post.version()));
        assertThat(rejected.state()).isEqualTo(PostState.REJECTED);
        var revised = caller.as(staff, () -> posts.save(post.id(), new PostDraft(org.account().id(),
                "Draft two, open 9 to 5", null, null, null, List.of(), Map.of()), rejected.version()));
        var resubmitted = caller.as(staff, () -> posts.submit(post.id(), revised.version()));
        assertThat(resubmitted.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(resubmitted.current().number()).isEqualTo(2);
        assertThat(caller.as(approver, () -> review.approve(post.id(), 2, resubmitted.version())).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void approving_a_revision_that_changed_while_the_approver_read_it_is_refused() {
        var post = submitted("Version one");
        var rejected = caller.as(approver, () -> review.reject(post.id(), 1, "Shorter please", post.version()));
        var revised = caller.as(staff, () -> {
            var r = posts.save(post.id(), new PostDraft(org.account().id(), "Version two", null, null, null, List.of(), Map.of()),
                    rejected.version());
            return posts.submit(post.id(), r.version());
        });
        assertThatThrownBy(() -> caller.run(secondApprover, () -> review.approve(post.id(), 1, revised.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("revision_changed"))
                .hasMessageContaining("you read revision 1, it is now revision 2");
    }

    @Test
    void an_authors_edit_after_an_approval_sends_the_post_back_to_the_first_step() {
        useWorkflow(WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Second look", ApproverKind.MEMBERS, null, null, List.of(secondApprover), Quorum.ANY,
                        StepCondition.ALWAYS));
        var post = submitted("First words");
        var afterFirst = caller.as(approver, () -> review.approve(post.id(), 1, post.version()));
        assertThat(afterFirst.reviewStep()).isEqualTo(2);
        var edited = caller.as(staff, () -> posts.save(post.id(), new PostDraft(org.account().id(), "Other words", null, null,
                null, List.of(), Map.of()), afterFirst.version()));
        assertThat(edited.reviewStep()).isEqualTo(1);
        assertThat(edited.state()).isEqualTo(PostState.IN_REVIEW);
        // the earlier approval was of revision 1: revision 2 needs its own, so the same approver may give it
        var again = caller.as(approver, () -> review.approve(post.id(), 2, edited.version()));
        assertThat(again.reviewStep()).isEqualTo(2);
        assertThat(caller.as(approver, () -> review.decisions(post.id()))).extracting(Decision::revision).containsExactly(1, 2);
    }

    @Test
    void author_and_approvers_talk_in_the_comment_thread_and_strangers_cannot() {
        var post = submitted("Let's discuss");
        caller.run(approver, () -> review.comment(post.id(), "Can we name the clinic?"));
        var thread = caller.as(staff, () -> review.comment(post.id(), "Yes: the Riverside falls clinic."));
        assertThat(thread).extracting(Comment::text).containsExactly("Can we name the clinic?", "Yes: the Riverside falls clinic.");
        assertThatThrownBy(() -> caller.run(staff, () -> review.comment(post.id(), "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThatThrownBy(() -> caller.run(org.member(Role.CURATOR), () -> review.comments(post.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_reply_that_follows_a_pre_approved_template_needs_only_the_first_step_when_the_workflow_allows() {
        long accountAdmin = org.member(Role.ACCOUNT_ADMIN);
        caller.run(accountAdmin, () -> workflows.save(org.account().id(), new WorkflowDefinition(List.of(
                WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Second look", ApproverKind.MEMBERS, null, null, List.of(secondApprover), Quorum.ANY,
                        StepCondition.ALWAYS)), true), workflows.current(org.account().id()).version()));
        long careOpinion = caller.as(approver, () -> templates.create("Care Opinion", "We're sorry to hear this. Please tell us "
                + "more about your experience on Care Opinion: {link}").id());
        assertThatThrownBy(() -> caller.run(staff, () -> templates.create("Mine", "Hello")))
                .isInstanceOf(NotPermittedException.class);

        String filled = "We're sorry to hear this. Please tell us more about your experience on Care Opinion: "
                + "https://www.careopinion.org.uk/services/northshire-physio";
        var reply = caller.as(staff, () -> {
            var draft = posts.saveTemplateReply(org.account().id(), "https://x.com/SomeoneUnhappy/status/42", careOpinion,
                    Map.of("link", "https://www.careopinion.org.uk/services/northshire-physio"));
            assertThat(draft.current().text()).isEqualTo(filled);
            return posts.submit(draft.id(), draft.version());
        });
        assertThat(caller.as(approver, () -> review.approve(reply.id(), 1, reply.version())).state()).isEqualTo(PostState.SCHEDULED);

        // the same words typed rather than started from the template, changed wording, or not a reply: the whole workflow
        var typed = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), filled, "https://x.com/SomeoneUnhappy/status/44",
                    null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        assertThat(caller.as(approver, () -> review.approve(typed.id(), 1, typed.version())).reviewStep()).isEqualTo(2);
        var changed = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), filled + " Thanks!", "https://x.com/SomeoneUnhappy/status/43",
                    null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        assertThat(caller.as(approver, () -> review.approve(changed.id(), 1, changed.version())).reviewStep()).isEqualTo(2);
        var notReply = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), filled, null, null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        assertThat(caller.as(approver, () -> review.approve(notReply.id(), 1, notReply.version())).reviewStep()).isEqualTo(2);
    }

    @Test
    void authors_withdraw_and_nobody_else_can() {
        var post = submitted("Withdraw me");
        assertThatThrownBy(() -> caller.run(approver, () -> review.withdraw(post.id(), post.version())))
                .isInstanceOf(NotPermittedException.class);
        assertThat(caller.as(staff, () -> review.withdraw(post.id(), post.version())).state()).isEqualTo(PostState.WITHDRAWN);
    }

    @Test
    void two_approvers_acting_at_the_same_moment_one_wins_the_other_is_told() throws Exception {
        var post = submitted("Race");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<Post>>();
            for (long member : List.of(approver, secondApprover)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return caller.as(member, () -> review.approve(post.id(), 1, post.version()));
                }));
            }
            start.countDown();
            int won = 0;
            var losses = new ArrayList<Throwable>();
            for (var result : results) {
                try {
                    result.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    losses.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(losses).singleElement().isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("a moment before you", "changed", "not in review"));
        } finally {
            pool.shutdown();
        }
        assertThat(caller.as(approver, () -> review.decisions(post.id()))).hasSize(1);
        assertThat(caller.as(staff, () -> posts.get(post.id())).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void a_post_in_review_keeps_the_workflow_version_it_started_with() {
        var post = submitted("Started under version 1");
        useWorkflow(new WorkflowStep("Both approvers", ApproverKind.MEMBERS, null, null, List.of(approver, secondApprover),
                Quorum.ALL, StepCondition.ALWAYS));
        assertThat(caller.as(approver, () -> review.approve(post.id(), 1, post.version())).state()).isEqualTo(PostState.SCHEDULED);
        assertThat(submitted("Started under version 2").workflowVersion()).isEqualTo(2);
    }
}
