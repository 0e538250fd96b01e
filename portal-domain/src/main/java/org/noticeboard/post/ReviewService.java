package org.noticeboard.post;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.policy.CheckInput;
import org.noticeboard.policy.CheckResult;
import org.noticeboard.policy.ImageInput;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.Severity;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.stakeholder.PoliticalStakeholders;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.Workflow;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing posts: approvers of the current step approve or reject (with a reason) the revision
 * they read; each approval is bound to that revision's content hash; when the last step that
 * applies is complete the post is SCHEDULED (publishing arrives with the X integration).
 * Authors withdraw. Every transition checks role, organisation, state, revision and version.
 */
@Service
public class ReviewService {

    private final PostRepository posts;
    private final PostService postService;
    private final org.noticeboard.account.OfficialAccountService accountService;
    private final WorkflowService workflows;
    private final PolicyService policy;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.noticeboard.notification.NotificationService notifications;
    private final PoliticalStakeholders political;
    private final org.noticeboard.campaign.CampaignService campaigns;

    public ReviewService(PostRepository posts, PostService postService,
            org.noticeboard.account.OfficialAccountService accountService, WorkflowService workflows, PolicyService policy,
            Access access, AuditTrail audit, Clock clock, org.noticeboard.notification.NotificationService notifications,
            PoliticalStakeholders political, org.noticeboard.campaign.CampaignService campaigns) {
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.political = political;
        this.posts = posts;
        this.postService = postService;
        this.accountService = accountService;
        this.workflows = workflows;
        this.policy = policy;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Posts in review for the accounts the caller approves, soonest scheduled first, then longest waiting. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(QueueFilter filter, int offset, int limit) {
        Actor actor = access.require(org.noticeboard.access.Role.APPROVER);
        if (filter.accountId() != null) {
            // another organisation's account is refused as missing; another department's, as not the caller's queue
            var account = accountService.get(filter.accountId());
            if (!actor.has(Role.APPROVER, account.departmentId())) {
                throw new NotPermittedException("role_required", "You do not approve posts for " + account.handle()
                        + ": that needs the Approver role for " + (account.departmentName() == null ? "the organisation"
                        : account.departmentName()) + ".");
            }
        }
        if (filter.campaignId() != null) {
            campaigns.get(filter.campaignId());
        }
        List<Long> accounts = accountService.list().stream()
                .filter(a -> actor.has(org.noticeboard.access.Role.APPROVER, a.departmentId()))
                .map(org.noticeboard.account.OfficialAccount::id).toList();
        return posts.queue(actor.organisationId(), accounts, filter, clock.instant(), Math.max(0, offset), Math.clamp(limit, 1, 200));
    }

    /** The author and the account's approvers talk about a post here. */
    @Transactional
    public List<Comment> comment(long postId, @Nullable String text) {
        Actor actor = access.actor();
        Post post = postService.get(postId);
        if (!Objects.equals(actor.memberId(), post.authorId()) && !actor.has(Role.APPROVER)) {
            // auditors read every post, and change none: the conversation belongs to its author and approvers
            throw new NotPermittedException("read_only", "Only the post's author and the account's approvers comment on it.");
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("blank", "comment", "Write the comment first.");
        }
        if (clean.length() > 2000) {
            throw new InvalidInputException("too_long", "comment", "A comment can be at most 2000 characters long.");
        }
        posts.insertComment(actor.organisationId(), postId, Objects.requireNonNull(actor.memberId()), actor.displayName(), clean);
        audit.record(actor, "post.commented", "post", postId, actor.displayName() + " commented on the post for "
                + post.accountHandle(), null, Map.of("comment", clean));
        var others = new java.util.HashSet<Long>();
        others.add(post.authorId());
        posts.comments(postId).forEach(c -> others.add(c.memberId()));
        notifications.tell(actor.organisationId(), others, postId, actor.displayName() + " commented on the post for "
                + post.accountHandle() + ": " + clean, actor.memberId());
        return posts.comments(postId);
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long postId) {
        return posts.comments(postService.get(postId).id());
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(long postId) {
        return posts.decisions(postService.get(postId).id());
    }

    /** Approves the revision the approver read; refused if it changed meanwhile. */
    @Transactional
    public Post approve(long postId, int revision, int version) {
        Actor actor = access.actor();
        Post post = inReview(actor, postId, revision, version);
        Workflow workflow = workflows.version(post.accountId(), Objects.requireNonNull(post.workflowVersion()));
        int step = Objects.requireNonNull(post.reviewStep());
        WorkflowStep current = workflow.definition().steps().get(step - 1);
        requireApprover(actor, post, current, step);
        // who wrote or edited the post: read once, used by every rule below
        Set<Long> contributors = posts.contributors(postId);
        String refusal = FourEyes.refusal(Objects.requireNonNull(actor.memberId()), step, contributors,
                FourEyes.counting(posts.decisions(postId), post.current(), post.reviewRound()));
        if (refusal == null) {
            refusal = neededLater(actor.memberId(), post, workflow, step, contributors);
        }
        if (refusal != null) {
            throw new NotPermittedException("four_eyes", refusal);
        }
        if (post.scheduledAt() != null && !post.scheduledAt().toInstant().isAfter(clock.instant())) {
            throw new DomainException("expired", "The time this post was to go out (" + ScheduleTime.describe(post.scheduledAt())
                    + ") has passed without every approval; it is expired and needs a new time.");
        }
        CheckResult recheck = recheck(post.current(), post.scheduledAt());
        if (recheck.blocked()) {
            throw new DomainException("blocked", "The policy in force now blocks this post: " + String.join(" ",
                    recheck.findings().stream().filter(f -> f.severity() == Severity.BLOCK).map(f -> f.message()).toList())
                    + " Reject it with a reason so the author can revise it.");
        }
        posts.insertDecision(actor.organisationId(), postId, post.current(), step, actor.memberId(), actor.displayName(),
                "APPROVED", null, clock.instant());
        boolean stepDone = stepComplete(post, current, step, post.current(), contributors);
        Integer next = stepDone ? nextStep(workflow, step, post.current(), templateRoute(actor, post)) : Integer.valueOf(step);
        PostState state = next == null ? PostState.SCHEDULED : PostState.IN_REVIEW;
        move(actor, post, version, state, next, post.current().number());
        audit.record(actor, "post.approved", "post", postId, "Post for " + post.accountHandle() + " approved at step " + step
                + " (\"" + current.name() + "\"), revision " + revision + (state == PostState.SCHEDULED ? "; all steps done"
                : stepDone ? "; on to step " + next : "; waiting for the step's other approvers"),
                Map.of("state", post.state().name(), "step", String.valueOf(step)),
                Map.of("state", state.name(), "step", next == null ? "" : String.valueOf(next),
                        "contentHash", post.current().contentHash()));
        tellAfterApproval(actor, post, workflow, state, next);
        return postService.get(postId);
    }

    private void tellAfterApproval(Actor actor, Post post, Workflow workflow, PostState state, @Nullable Integer next) {
        if (state == PostState.SCHEDULED) {
            notifications.tell(actor.organisationId(), List.of(post.authorId()), post.id(), "Your post for " + post.accountHandle()
                    + " is approved and scheduled.", actor.memberId());
        } else if (next != null && !next.equals(post.reviewStep())) {
            tellApprovers(actor, post, workflow, next);
        }
    }

    void tellApprovers(Actor actor, Post post, Workflow workflow, int step) {
        WorkflowStep waiting = workflow.definition().steps().get(step - 1);
        var approvers = new HashSet<>(workflows.eligibleApprovers(post.accountId(), waiting));
        approvers.removeAll(posts.contributors(post.id()));
        notifications.tell(actor.organisationId(), approvers, post.id(), "A post for " + post.accountHandle() + " by "
                + post.authorName() + " waits for your review (step " + step + ", \"" + waiting.name() + "\").", actor.memberId());
    }

    @Transactional
    public Post reject(long postId, int revision, @Nullable String reason, int version) {
        Actor actor = access.actor();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason_required", "reason",
                    "Say why you reject it, so that the author knows what to change.");
        }
        Post post = inReview(actor, postId, revision, version);
        Workflow workflow = workflows.version(post.accountId(), Objects.requireNonNull(post.workflowVersion()));
        int step = Objects.requireNonNull(post.reviewStep());
        requireApprover(actor, post, workflow.definition().steps().get(step - 1), step);
        posts.insertDecision(actor.organisationId(), postId, post.current(), step, actor.memberId(), actor.displayName(),
                "REJECTED", why, clock.instant());
        move(actor, post, version, PostState.REJECTED, null, post.current().number());
        audit.record(actor, "post.rejected", "post", postId, "Post for " + post.accountHandle() + " rejected at step " + step
                + ": " + why, Map.of("state", post.state().name()), Map.of("state", PostState.REJECTED.name(), "reason", why));
        notifications.tell(actor.organisationId(), List.of(post.authorId()), postId, actor.displayName()
                + " rejected your post for " + post.accountHandle() + ": " + why, actor.memberId());
        return postService.get(postId);
    }

    /**
     * An approver's edit: a new revision, visible as theirs. Approvals are bound to content, so
     * review starts again at the first step; the editor's approval does not count (they edited it),
     * and from now on they cannot approve this post at any step.
     */
    @Transactional
    public Post editAndResubmit(long postId, int revision, PostDraft draft, int version) {
        Actor actor = access.actor();
        Post post = inReview(actor, postId, revision, version);
        Workflow workflow = workflows.version(post.accountId(), Objects.requireNonNull(post.workflowVersion()));
        int step = Objects.requireNonNull(post.reviewStep());
        requireApprover(actor, post, workflow.definition().steps().get(step - 1), step);
        if (draft.accountId() != post.accountId()) {
            throw new InvalidInputException("account_changed", "accountId", "An approver's edit keeps the post on " + post.accountHandle() + ".");
        }
        PostDraftClean clean = postService.validate(actor, draft);
        var compiled = policy.engine();
        CheckResult result = compiled.engine().check(postService.checkInput(clean, post.scheduledAt()));
        if (result.blocked()) {
            throw new DomainException("blocked", "Your edit is blocked by the policy: " + String.join(" ",
                    result.findings().stream().filter(f -> f.severity() == Severity.BLOCK).map(f -> f.message()).toList()));
        }
        var findings = PostService.withJustifications(result, clean.text(), draft.justifications());
        var unjustified = findings.stream().filter(CheckedFinding::needsJustification).toList();
        if (!unjustified.isEmpty()) {
            throw new InvalidInputException("justification_required", "justifications", "Explain why it is right to post anyway, for: "
                    + String.join(" ", unjustified.stream().map(f -> f.finding().message()).toList()));
        }
        String hash = postService.contentHash(actor, post.accountId(), clean);
        if (hash.equals(post.current().contentHash())) {
            throw new InvalidInputException("unchanged", "text", "Your edit changes nothing: approve the post as it is, or change it.");
        }
        int number = post.revisions().getLast() + 1;
        posts.insertRevision(actor.organisationId(), postId, number, clean, Objects.requireNonNull(actor.memberId()),
                actor.displayName(), hash, compiled.version(), result.weightedLength(), result.blocked(), findings);
        move(actor, post, version, PostState.IN_REVIEW, 1, number);
        audit.record(actor, "post.edited_in_review", "post", postId, "Post for " + post.accountHandle()
                + " edited by approver " + actor.displayName() + " (revision " + number + "); review starts again at step 1 "
                + "without them",
                Map.of("revision", String.valueOf(revision), "text", post.current().text()),
                Map.of("revision", String.valueOf(number), "text", clean.text(), "state", PostState.IN_REVIEW.name(), "step", "1"));
        notifications.tell(actor.organisationId(), List.of(post.authorId()), postId, actor.displayName() + " edited your post for "
                + post.accountHandle() + "; review started again.", actor.memberId());
        tellApprovers(actor, post, workflow, 1);
        return postService.get(postId);
    }

    /** The author takes a post back from review (or from the schedule). */
    @Transactional
    public Post withdraw(long postId, int version) {
        Actor actor = access.actor();
        Post post = postService.get(postId);
        if (!Objects.equals(actor.memberId(), post.authorId())) {
            throw new NotPermittedException("not_author", "Only " + post.authorName() + ", who wrote this post, can withdraw it.");
        }
        if (post.state() != PostState.IN_REVIEW && post.state() != PostState.APPROVED && post.state() != PostState.SCHEDULED) {
            throw new DomainException("not_withdrawable", "This post is " + post.state().label().toLowerCase(java.util.Locale.ROOT)
                    + "; only a post in review or scheduled can be withdrawn.");
        }
        move(actor, post, version, PostState.WITHDRAWN, null, post.current().number());
        audit.record(actor, "post.withdrawn", "post", postId, "Post for " + post.accountHandle() + " withdrawn by its author",
                Map.of("state", post.state().name()), Map.of("state", PostState.WITHDRAWN.name()));
        return postService.get(postId);
    }

    private Post inReview(Actor actor, long postId, int revision, int version) {
        Post post = postService.get(postId);
        if (post.state() != PostState.IN_REVIEW) {
            throw new DomainException("not_in_review", "This post is " + post.state().label().toLowerCase(java.util.Locale.ROOT)
                    + ", not in review.");
        }
        if (post.current().number() != revision) {
            throw new ConflictException("revision_changed", "The post changed while you were reading it: you read revision "
                    + revision + ", it is now revision " + post.current().number() + ". Read it again before you decide.");
        }
        if (post.version() != version) {
            throw ConflictException.changedMeanwhile("This post");
        }
        if (Objects.equals(actor.memberId(), post.authorId())) {
            throw new NotPermittedException("own_post", "You wrote this post; someone else must review it.");
        }
        return post;
    }

    private void requireApprover(Actor actor, Post post, WorkflowStep step, int number) {
        if (actor.memberId() == null || !workflows.eligibleApprovers(post.accountId(), step).contains(actor.memberId())) {
            throw new NotPermittedException("not_an_approver", "You are not one of the approvers of step " + number
                    + " (\"" + step.name() + "\") for " + post.accountHandle() + ".");
        }
    }

    /**
     * Whether a step has the approvals it needs on this revision in this round: one for ANY; for ALL,
     * every eligible approver who neither wrote nor edited the post nor approved another step.
     */
    private boolean stepComplete(Post post, WorkflowStep step, int number, Revision revision, Set<Long> contributors) {
        var counting = FourEyes.counting(posts.decisions(post.id()), revision, post.reviewRound());
        var here = new HashSet<Long>();
        var elsewhere = new HashSet<Long>();
        counting.forEach(d -> (d.step() == number ? here : elsewhere).add(d.memberId()));
        if (here.isEmpty() || step.quorum() == Quorum.ANY) {
            return !here.isEmpty();
        }
        var needed = new HashSet<>(workflows.eligibleApprovers(post.accountId(), step));
        needed.removeAll(contributors);
        needed.removeAll(elsewhere);
        return here.containsAll(needed);
    }

    /**
     * Whether the caller may approve the post's current step now; when not, why, in words for them.
     * Pages offer Approve only when this is empty.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> whyNotApprove(long postId) {
        Actor actor = access.actor();
        Post post = postService.get(postId);
        if (post.state() != PostState.IN_REVIEW || post.reviewStep() == null || post.workflowVersion() == null) {
            return java.util.Optional.of("This post is " + post.state().label().toLowerCase(java.util.Locale.ROOT) + ", not in review.");
        }
        if (actor.memberId() == null || Objects.equals(actor.memberId(), post.authorId())) {
            return java.util.Optional.of("You wrote this post; someone else must review it.");
        }
        Workflow workflow = workflows.version(post.accountId(), post.workflowVersion());
        int step = post.reviewStep();
        WorkflowStep current = workflow.definition().steps().get(step - 1);
        if (!workflows.eligibleApprovers(post.accountId(), current).contains(actor.memberId())) {
            return java.util.Optional.of("Step " + step + " (\"" + current.name() + "\") is for other approvers of "
                    + post.accountHandle() + ".");
        }
        Set<Long> contributors = posts.contributors(postId);
        String refusal = FourEyes.refusal(actor.memberId(), step, contributors,
                FourEyes.counting(posts.decisions(postId), post.current(), post.reviewRound()));
        return java.util.Optional.ofNullable(refusal != null ? refusal
                : neededLater(actor.memberId(), post, workflow, step, contributors));
    }

    /**
     * Why the member should leave this step to someone else: they are the only one who can approve a
     * later step that applies, and approving this one would leave that step with nobody (nobody
     * approves two steps). Null when nothing later depends on them alone.
     */
    private @Nullable String neededLater(long memberId, Post post, Workflow workflow, int step, Set<Long> contributors) {
        if (post.templateReply() && workflow.definition().templateRepliesSingleStep()) {
            return null;
        }
        var steps = workflow.definition().steps();
        for (int i = step; i < steps.size(); i++) {
            WorkflowStep later = steps.get(i);
            if (!applies(later, post.current())) {
                continue;
            }
            var able = new HashSet<>(workflows.eligibleApprovers(post.accountId(), later));
            able.removeAll(contributors);
            if (able.equals(Set.of(memberId))) {
                return "You are the only approver of step " + (i + 1) + " (\"" + later.name() + "\"), and nobody approves two "
                        + "steps of one post: leave step " + step + " to another approver.";
            }
        }
        return null;
    }

    private void move(Actor actor, Post post, int version, PostState state, @Nullable Integer step, int revision) {
        if (!posts.moveTo(actor.organisationId(), post.id(), version, state, step, revision, post.submittedAt(),
                clock.instant())) {
            throw new ConflictException("changed_meanwhile",
                    "Someone else acted on this post a moment before you. Reload it to see what they did.");
        }
    }

    /** The next step after {@code step} that applies to this revision, or null when none is left. */
    static @Nullable Integer nextStep(Workflow workflow, int step, Revision revision, boolean templateReply) {
        if (templateReply && workflow.definition().templateRepliesSingleStep()) {
            // a reply that follows a pre-approved template needs the first step only
            return null;
        }
        var steps = workflow.definition().steps();
        for (int i = step; i < steps.size(); i++) {
            if (applies(steps.get(i), revision)) {
                return i + 1;
            }
        }
        return null;
    }

    /**
     * Whether the post may take the workflow's single-step route for template replies: its text is
     * the reply template it was started from, filled, word for word, and it neither answers nor
     * names a political stakeholder.
     */
    private boolean templateRoute(Actor actor, Post post) {
        return post.templateReply() && PoliticalStakeholders.named(political.handles(),
                post.current().text(), post.current().replyToUrl(), post.current().quoteUrl()).isEmpty();
    }

    static boolean applies(WorkflowStep step, Revision revision) {
        return switch (step.condition()) {
            case ALWAYS -> true;
            case WARNING_OVERRIDDEN -> revision.findings().stream()
                    .anyMatch(f -> f.finding().severity() == Severity.WARN && f.justification() != null);
            case POLITICAL_PRE_ELECTION -> revision.findings().stream().anyMatch(f -> f.finding().ruleId().equals("pre-election"));
        };
    }

    static Set<Long> approvedBy(List<Decision> decisions, Revision revision, int round, int step) {
        var members = new HashSet<Long>();
        FourEyes.counting(decisions, revision, round).stream().filter(d -> d.step() == step).forEach(d -> members.add(d.memberId()));
        return members;
    }

    private CheckResult recheck(Revision revision, java.time.@Nullable ZonedDateTime publishAt) {
        var images = revision.images().stream().map(i -> new ImageInput(i.fileName(), i.altText())).toList();
        return policy.engine().engine().check(new CheckInput(revision.text(), images, publishAt,
                clock.instant().atZone(java.time.ZoneOffset.UTC), revision.replyToUrl() != null));
    }
}
