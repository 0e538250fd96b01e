package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.StepCondition;
import org.noticeboard.workflow.Workflow;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Random sequences of actions by random members (seeded, so a failure can be replayed) never
 * reach an invalid state: nothing is scheduled without every approval its workflow requires on
 * the revision now current, nobody decides on their own post, nobody approves a step twice.
 * Refusals are expected along the way; only the invariants matter.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class ReviewPropertyTest {

    static final int SEQUENCES = 15;
    static final int ACTIONS = 20;

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired WorkflowService workflows;
    @Autowired MemberService members;
    @Autowired PostRepository repository;

    private final Set<PostState> seen = java.util.EnumSet.noneOf(PostState.class);

    @Test
    void random_actions_never_reach_an_invalid_state() {
        var org = world.organisation("Random Trust");
        long admin = org.member(Role.ORG_ADMIN);
        long author = org.member(Role.STAFF);
        var people = new ArrayList<Long>(List.of(author, org.member(Role.APPROVER), org.member(Role.CURATOR)));
        for (int i = 0; i < 2; i++) {
            int n = i;
            people.add(caller.as(admin, () -> {
                var m = members.create("Approver " + n, null, null);
                members.grant(m.id(), Role.APPROVER, null);
                members.grant(m.id(), Role.STAFF, null);
                return m.id();
            }));
        }
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> workflows.save(org.account().id(), new WorkflowDefinition(List.of(
                WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Both named", ApproverKind.MEMBERS, null, null, List.of(people.get(3), people.get(4)),
                        Quorum.ALL, StepCondition.ALWAYS),
                new WorkflowStep("Overrides", ApproverKind.MEMBERS, null, null, List.of(people.get(1)), Quorum.ANY,
                        StepCondition.WARNING_OVERRIDDEN)), false), 1));

        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            var random = new Random(1000 + sequence);
            long postId = caller.as(author, () -> posts.save(null, draft(org, "Sequence start", Map.of()), 0)).id();
            for (int step = 0; step < ACTIONS; step++) {
                // mostly plausible actors (the author writes, approvers review), sometimes anyone at all
                int roll = random.nextInt(10);
                int action = roll <= 3 ? 0 : roll == 4 ? (random.nextBoolean() ? 1 : 0) : roll == 5 ? 2 : roll == 6 ? 3
                        : roll == 7 ? 4 : 5;
                long who = random.nextInt(5) == 0 ? people.get(random.nextInt(people.size()))
                        : action <= 2 ? people.get(List.of(1, 3, 4).get(random.nextInt(3))) : author;
                try {
                    caller.run(who, () -> act(org, postId, action, random));
                } catch (DomainException expected) {
                    // refused: the invariants below must still hold
                }
                check(org, postId, author, "seed " + (1000 + sequence) + " action " + step);
            }
        }
        // the walk must really reach the states whose invariants matter, or it proves nothing
        assertThat(seen).contains(PostState.IN_REVIEW, PostState.SCHEDULED, PostState.REJECTED, PostState.WITHDRAWN);
    }

    private void act(World.Org org, long postId, int action, Random random) {
        Post post = posts.get(postId);
        switch (action) {
            case 0 -> review.approve(postId, post.current().number(), post.version());
            case 1 -> review.editAndResubmit(postId, post.current().number(), draft(org, "Edited in review " + random.nextInt(100),
                    Map.of()), post.version());
            case 2 -> review.reject(postId, post.current().number(), random.nextBoolean() ? "  " : "Needs work", post.version());
            case 3 -> review.withdraw(postId, post.version());
            case 4 -> {
                String text = random.nextBoolean() ? "Calm text " + random.nextInt(100) : "Loud text!!! " + random.nextInt(100);
                var saved = posts.save(postId, draft(org, text, Map.of()), post.version());
                var warn = saved.current().findings().stream().filter(CheckedFinding::needsJustification).toList();
                if (!warn.isEmpty()) {
                    posts.save(postId, draft(org, text, Map.of(warn.getFirst().key(), "Justified for the test run")), saved.version());
                }
            }
            default -> posts.submit(postId, post.version());
        }
    }

    private void check(World.Org org, long postId, long author, String where) {
        caller.run(author, () -> {
            Post post = posts.get(postId);
            seen.add(post.state());
            List<Decision> decisions = review.decisions(postId);
            assertThat(decisions).as(where + ": nobody decides on their own post").noneMatch(d -> d.memberId() == author);
            assertThat(decisions.stream().filter(Decision::approved).map(d -> d.round() + "/" + d.revision() + "/" + d.step()
                    + "/" + d.memberId())).as(where + ": nobody approves a step twice").doesNotHaveDuplicates();
            Set<Long> contributors = repository.contributors(postId);
            var counting = FourEyes.counting(decisions, post.current(), post.reviewRound());
            assertThat(counting).as(where + ": nobody approves what they wrote or edited")
                    .noneMatch(d -> contributors.contains(d.memberId()));
            assertThat(counting.stream().map(Decision::memberId)).as(where + ": nobody approves two steps of one revision")
                    .doesNotHaveDuplicates();
            if (post.state() == PostState.IN_REVIEW) {
                Workflow workflow = workflows.version(post.accountId(), post.workflowVersion());
                assertThat(post.reviewStep()).as(where).isBetween(1, workflow.definition().steps().size());
                assertThat(ReviewService.applies(workflow.definition().steps().get(post.reviewStep() - 1), post.current()))
                        .as(where + ": the step in review applies").isTrue();
            }
            if (post.state() == PostState.SCHEDULED) {
                Workflow workflow = workflows.version(post.accountId(), post.workflowVersion());
                var steps = workflow.definition().steps();
                var needed = new ArrayList<FourEyes.Step>();
                var approvers = new java.util.HashMap<Integer, Set<Long>>();
                for (int i = 0; i < steps.size(); i++) {
                    if (ReviewService.applies(steps.get(i), post.current())) {
                        needed.add(new FourEyes.Step(i + 1, steps.get(i).name(), steps.get(i).quorum() == Quorum.ALL,
                                Set.copyOf(steps.get(i).memberIds())));
                        approvers.put(i + 1, ReviewService.approvedBy(decisions, post.current(), post.reviewRound(), i + 1));
                    }
                }
                assertThat(FourEyes.shortfall(needed, contributors, approvers))
                        .as(where + ": decided by as many independent people as its workflow asks").isEmpty();
                for (int i = 0; i < steps.size(); i++) {
                    WorkflowStep step = steps.get(i);
                    if (!ReviewService.applies(step, post.current())) {
                        continue;
                    }
                    int stepNumber = i + 1;
                    Set<Long> approved = ReviewService.approvedBy(decisions, post.current(), post.reviewRound(), i + 1);
                    assertThat(approved).as(where + ": step " + (i + 1) + " approved on the current revision").isNotEmpty();
                    if (step.quorum() == Quorum.ALL) {
                        var others = new java.util.HashSet<Long>();
                        counting.stream().filter(d -> d.step() != stepNumber).forEach(d -> others.add(d.memberId()));
                        assertThat(approved).as(where + ": every independent approver of step " + (i + 1))
                                .containsAll(step.memberIds().stream().filter(m -> !contributors.contains(m) && !others.contains(m))
                                        .toList());
                    }
                }
            }
        });
    }

    private static PostDraft draft(World.Org org, String text, Map<String, String> justifications) {
        return new PostDraft(org.account().id(), text, null, null, null, List.of(), justifications);
    }
}
