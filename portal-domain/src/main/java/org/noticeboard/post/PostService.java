package org.noticeboard.post;

import static org.noticeboard.db.jooq.Tables.POST;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditState;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.policy.CheckInput;
import org.noticeboard.policy.CheckResult;
import org.noticeboard.policy.ImageInput;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.workflow.WorkflowService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing posts: staff of an account's department (or of the whole organisation) draft posts
 * for it; every save makes an immutable revision checked against the policy in force, stored
 * with that policy's version; submitting needs no blocking finding and a justification for
 * every warning. Authors see their posts; approvers of the account see its posts too.
 */
@Service
public class PostService {

    static final int MAX_TEXT = 25_000;
    static final int MAX_IMAGES = 4;
    static final int MAX_ALT_TEXT = 1_000;
    static final int MIN_JUSTIFICATION = 10;
    private static final Pattern POST_URL = Pattern.compile(
            "^https?://(?:www\\.|mobile\\.)?(?:x|twitter)\\.com/([A-Za-z0-9_]{1,15})/status(?:es)?/(\\d{1,19})/?(?:[?#].*)?$");

    private final PostRepository posts;
    private final OfficialAccountService accounts;
    private final CampaignService campaigns;
    private final PolicyService policy;
    private final OrganisationService organisations;
    private final WorkflowService workflows;
    private final org.noticeboard.notification.NotificationService notifications;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.noticeboard.template.ReplyTemplateService templates;

    public PostService(PostRepository posts, OfficialAccountService accounts, CampaignService campaigns, PolicyService policy,
            OrganisationService organisations, WorkflowService workflows,
            org.noticeboard.notification.NotificationService notifications, Access access, AuditTrail audit, Clock clock,
            org.noticeboard.template.ReplyTemplateService templates) {
        this.templates = templates;
        this.notifications = notifications;
        this.posts = posts;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.policy = policy;
        this.organisations = organisations;
        this.workflows = workflows;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The official accounts the caller may write for. */
    @Transactional(readOnly = true)
    public List<OfficialAccount> writableAccounts() {
        Actor actor = access.actor();
        return accounts.list().stream().filter(a -> actor.has(Role.STAFF, a.departmentId())).toList();
    }

    /** Saves a new draft ({@code postId} null) or a new revision of the caller's own draft. */
    @Transactional
    public Post save(@Nullable Long postId, PostDraft draft, int expectedVersion) {
        Actor actor = access.actor();
        if (actor.memberId() == null) {
            throw new NotPermittedException("member_required", "Only a member can write posts.");
        }
        Post existing = null;
        if (postId != null) {
            existing = find(actor, postId);
            requireAuthorEditing(actor, existing);
        }
        OfficialAccount account = writable(actor, draft.accountId());
        PostDraftClean clean = validate(actor, draft);
        var compiled = policy.engine();
        CheckResult result = compiled.engine().check(checkInput(clean, existing == null ? null : existing.scheduledAt()));
        List<CheckedFinding> findings = withJustifications(result, clean.text(), draft.justifications());
        String hash = contentHash(actor, account.id(), clean);
        if (existing != null && existing.current().contentHash().equals(hash)
                && existing.current().policyVersion() == compiled.version()
                && existing.current().findings().equals(findings)) {
            return existing; // nothing new to keep
        }
        long id;
        int number;
        if (existing == null) {
            id = posts.insertPost(actor.organisationId(), account.id(), actor.memberId());
            number = 1;
        } else {
            id = existing.id();
            number = existing.revisions().getLast() + 1;
        }
        posts.insertRevision(actor.organisationId(), id, number, clean, actor.memberId(), actor.displayName(), hash,
                compiled.version(), result.weightedLength(), result.blocked(), findings);
        int version = existing == null ? 0 : expectedVersion;
        // an edit of a post in review or scheduled invalidates its approvals: review starts again at the first step
        boolean backToReview = existing != null && existing.state().inReviewOrLater();
        if (!posts.moveTo(actor.organisationId(), id, version, backToReview ? PostState.IN_REVIEW : PostState.DRAFT,
                backToReview ? Integer.valueOf(1) : null, number, backToReview ? existing.submittedAt() : null, clock.instant())) {
            throw ConflictException.changedMeanwhile("This post");
        }
        audit.record(actor, existing == null ? "post.created" : "post.revised", "post", id,
                "Post for " + account.handle() + (existing == null ? " drafted" : " revised") + " (revision " + number + ")",
                existing == null ? null : revisionState(existing.current()), revisionState(find(actor, id).current()));
        return find(actor, id);
    }

    /**
     * A new draft reply started from one of the organisation's reply templates, filled with
     * {@code values}: the post remembers the text as filled, and while its text stays exactly that
     * it is a template reply (which a workflow may let through on its first step).
     */
    @Transactional
    public Post saveTemplateReply(long accountId, String replyToUrl, long templateId, Map<String, String> values) {
        var template = templates.get(templateId);
        String text = template.fill(values);
        Post draft = save(null, new PostDraft(accountId, text, replyToUrl, null, null, List.of(), Map.of()), 0);
        posts.setReplyTemplate(draft.id(), template.id(), text);
        return find(access.actor(), draft.id());
    }

    /**
     * Sends the draft for approval. Checked again against the policy in force now: a blocking
     * finding stops it; every warning needs a justification. If the policy changed since the
     * draft was saved, the check is kept in a new revision first.
     */
    @Transactional
    public Post submit(long postId, int expectedVersion) {
        Actor actor = access.actor();
        Post post = find(actor, postId);
        requireAuthorEditing(actor, post);
        if (post.state().inReviewOrLater()) {
            throw new DomainException("already_submitted", "This post is already " + post.state().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        writable(actor, post.accountId());
        Revision current = post.current();
        var compiled = policy.engine();
        if (current.policyVersion() != compiled.version()) {
            post = save(postId, current.asDraft(post.accountId()), expectedVersion);
            current = post.current();
            expectedVersion = post.version();
        }
        if (current.blocked()) {
            var blocking = current.findings().stream()
                    .filter(f -> f.finding().severity() == org.noticeboard.policy.Severity.BLOCK)
                    .map(f -> f.finding().message()).toList();
            throw new DomainException("blocked", "This post cannot be submitted until you fix: " + String.join(" ", blocking));
        }
        var unjustified = current.unjustifiedWarnings();
        if (!unjustified.isEmpty()) {
            throw new InvalidInputException("justification_required", "justifications",
                    "Explain why it is right to post anyway, for: "
                            + String.join(" ", unjustified.stream().map(f -> f.finding().message()).toList()));
        }
        if (current.text().isBlank() && current.images().isEmpty()) {
            throw new InvalidInputException("empty", "text", "Write something (or add an image) before submitting.");
        }
        if (!current.validLengthForX()) {
            throw new DomainException("too_long", "The post is " + current.weightedLength() + " characters as X counts them; "
                    + "X publishes at most 280.");
        }
        if (!posts.moveTo(actor.organisationId(), postId, expectedVersion, PostState.IN_REVIEW, 1, current.number(),
                clock.instant(), clock.instant())) {
            throw ConflictException.changedMeanwhile("This post");
        }
        posts.newReviewRound(postId);
        // the post keeps the workflow version it was submitted under, whatever changes later
        var workflow = workflows.current(post.accountId());
        posts.setWorkflowVersion(postId, workflow.version());
        var first = workflow.definition().steps().getFirst();
        var approvers = new java.util.HashSet<>(workflows.eligibleApprovers(post.accountId(), first));
        approvers.remove(post.authorId());
        notifications.tell(actor.organisationId(), approvers, postId, "A post for " + post.accountHandle() + " by "
                + post.authorName() + " waits for your review (step 1, \"" + first.name() + "\").", actor.memberId());
        audit.record(actor, "post.submitted", "post", postId, "Post for " + post.accountHandle() + " submitted for approval "
                + "(revision " + current.number() + ", policy version " + current.policyVersion() + ")",
                Map.of("state", post.state().name()), Map.of("state", PostState.IN_REVIEW.name(),
                        "revision", String.valueOf(current.number()), "contentHash", current.contentHash()));
        return find(actor, postId);
    }

    /**
     * A failed post whose approvals are out of date (it failed long ago, or the policy changed since
     * it was checked) goes back through review: a new review round at the first step of the account's
     * current workflow, to go out as soon as it is approved (its old time has passed). Only an
     * approver or account admin of the account may send it, and only while it is FAILED.
     */
    @Transactional
    public Post sendBackToReview(long postId, String why) {
        Actor actor = access.actor();
        Post post = find(actor, postId);
        access.requireFor(departmentOf(post.accountId()), Role.APPROVER, Role.ACCOUNT_ADMIN);
        if (post.state() != PostState.FAILED) {
            throw new ConflictException("not-failed", "Only a post that failed to publish can be sent back to review; this one is "
                    + post.state().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        var workflow = workflows.current(post.accountId());
        if (!posts.backToReview(actor.organisationId(), postId, post.version(), workflow.version(), clock.instant())) {
            throw ConflictException.changedMeanwhile("This post");
        }
        var first = workflow.definition().steps().getFirst();
        var approvers = new java.util.HashSet<>(workflows.eligibleApprovers(post.accountId(), first));
        approvers.removeAll(posts.contributors(postId));
        notifications.tell(actor.organisationId(), approvers, postId, actor.displayName() + " asked to publish again a post for "
                + post.accountHandle() + " that failed; " + why + ", so it waits for your review (step 1, \"" + first.name()
                + "\").", actor.memberId());
        audit.record(actor, "post.publish-again-reviewed", "post", postId, "Publishing to " + post.accountHandle()
                + " asked for again; " + why + ", so it goes back through review",
                Map.of("state", PostState.FAILED.name()), Map.of("state", PostState.IN_REVIEW.name(), "step", "1",
                        "workflowVersion", String.valueOf(workflow.version())));
        return find(actor, postId);
    }

    /**
     * A repost of someone's post on X by the account, sent for approval at once: it goes through the
     * account's workflow like any post (the one who asks cannot approve it) and is published with X's
     * repost endpoint. Only an approver of the account may ask for one.
     */
    @Transactional
    public Post submitRepost(long accountId, String postUrl) {
        Actor actor = access.actor();
        OfficialAccount account = accounts.get(accountId);
        if (actor.memberId() == null || !actor.has(Role.APPROVER, account.departmentId())) {
            throw new NotPermittedException("role_required", "Only an approver of " + account.handle() + " can ask for a repost.");
        }
        String url = Objects.requireNonNull(postUrl(postUrl, "quoteUrl", "repost"));
        var clean = new PostDraftClean(accountId, "", null, url, null, List.of());
        var compiled = policy.engine();
        CheckResult result = compiled.engine().check(checkInput(clean, null));
        List<CheckedFinding> findings = withJustifications(result, "", Map.of());
        String hash = MediaService.sha256(("repost\n" + contentHash(actor, accountId, clean)).getBytes(StandardCharsets.UTF_8));
        long id = posts.insertPost(actor.organisationId(), accountId, actor.memberId());
        posts.markRepost(id);
        posts.insertRevision(actor.organisationId(), id, 1, clean, actor.memberId(), actor.displayName(), hash,
                compiled.version(), 0, false, findings);
        if (!posts.moveTo(actor.organisationId(), id, 0, PostState.IN_REVIEW, 1, 1, clock.instant(), clock.instant())) {
            throw ConflictException.changedMeanwhile("This post");
        }
        posts.newReviewRound(id);
        var workflow = workflows.current(accountId);
        posts.setWorkflowVersion(id, workflow.version());
        var first = workflow.definition().steps().getFirst();
        var approvers = new java.util.HashSet<>(workflows.eligibleApprovers(accountId, first));
        approvers.remove(actor.memberId());
        notifications.tell(actor.organisationId(), approvers, id, "A repost by " + account.handle() + " of " + url
                + ", asked for by " + actor.displayName() + ", waits for your review (step 1, \"" + first.name() + "\").",
                actor.memberId());
        audit.record(actor, "post.repost-submitted", "post", id, "Repost of " + url + " by " + account.handle()
                + " submitted for approval", null, Map.of("state", PostState.IN_REVIEW.name(), "repostOf", url,
                "contentHash", hash));
        return find(actor, id);
    }

    /**
     * Sets when the post goes out, as a wall-clock time in the organisation's time zone: it goes
     * out at that local time even across a clock change. The author sets it while the post is
     * theirs to change; approvers of the account while it is in review or scheduled.
     */
    @Transactional
    public Post schedule(long postId, @Nullable LocalDateTime local, int version) {
        Actor actor = access.actor();
        Post post = find(actor, postId);
        boolean author = Objects.equals(actor.memberId(), post.authorId());
        boolean approver = actor.has(Role.APPROVER, departmentOf(post.accountId()));
        if (!maySee(actor, post)) {
            throw new NotFoundException("Post", postId);
        }
        boolean allowed = (author && post.state().editableByAuthor())
                || (approver && !author && (post.state() == PostState.IN_REVIEW || post.state() == PostState.SCHEDULED));
        if (!allowed) {
            throw new NotPermittedException("not_schedulable", "You cannot change when this post goes out while it is "
                    + post.state().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        ZoneId zone = organisations.current().timeZone();
        ZonedDateTime when = null;
        if (local != null) {
            when = ScheduleTime.validate(local, zone, clock.instant());
        }
        if (!posts.setSchedule(actor.organisationId(), postId, version, local, zone, when == null ? null : when.toInstant(),
                clock.instant())) {
            throw ConflictException.changedMeanwhile("This post");
        }
        audit.record(actor, "post.scheduled", "post", postId, "Post for " + post.accountHandle()
                + (when == null ? " set to go out as soon as it is approved" : " set to go out " + ScheduleTime.describe(when)),
                null, java.util.Collections.singletonMap("scheduledFor", when == null ? null : when.toString()));
        return find(actor, postId);
    }

    @Transactional(readOnly = true)
    public Post get(long postId) {
        Actor actor = access.actor();
        Post post = find(actor, postId);
        if (!maySee(actor, post)) {
            throw new NotFoundException("Post", postId);
        }
        return post;
    }

    @Transactional(readOnly = true)
    public Revision revision(long postId, int number) {
        Post post = get(postId);
        return posts.revision(post.id(), number).orElseThrow(() -> new NotFoundException("Revision", postId + "/" + number));
    }

    /**
     * Scheduled and published posts of the accounts the caller writes for or approves, between two
     * days (inclusive) of the organisation's calendar; {@code accountId} null for all of them.
     */
    @Transactional(readOnly = true)
    public List<CalendarEntry> calendar(@Nullable Long accountId, java.time.LocalDate from, java.time.LocalDate to) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        if (to.isBefore(from) || to.isAfter(from.plusDays(62))) {
            throw new InvalidInputException("range", "to", "Show at most two months at a time, ending after it starts.");
        }
        if (accountId != null) {
            // another organisation's account is refused as missing, another department's as not the caller's
            OfficialAccount account = accounts.get(accountId);
            if (!actor.has(Role.STAFF, account.departmentId()) && !actor.has(Role.APPROVER, account.departmentId())) {
                throw new NotPermittedException("role_required", "The calendar of " + account.handle() + " is for its "
                        + "staff and approvers (" + (account.departmentName() == null ? "the organisation"
                        : account.departmentName()) + ").");
            }
        }
        ZoneId zone = organisations.current().timeZone();
        List<Long> visible = accounts.list().stream()
                .filter(a -> actor.has(Role.STAFF, a.departmentId()) || actor.has(Role.APPROVER, a.departmentId()))
                .filter(a -> accountId == null || a.id() == accountId)
                .map(OfficialAccount::id).toList();
        var approves = accounts.list().stream().filter(a -> actor.has(Role.APPROVER, a.departmentId()))
                .map(OfficialAccount::id).collect(java.util.stream.Collectors.toSet());
        // staff see their own posts; approvers every post of the accounts they approve
        return posts.calendar(actor.organisationId(), visible, from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(), zone).stream()
                .filter(e -> approves.contains(e.accountId()) || Objects.equals(e.authorId(), actor.memberId()))
                .toList();
    }

    /** The caller's own posts, newest first. */
    @Transactional(readOnly = true)
    public List<PostSummary> mine() {
        Actor actor = access.actor();
        return posts.summaries(POST.ORGANISATION_ID.eq(actor.organisationId()).and(POST.AUTHOR_ID.eq(actor.memberId())));
    }

    /** Posts of the accounts the caller approves (drafts included), newest first. */
    @Transactional(readOnly = true)
    public List<PostSummary> forMyAccounts() {
        Actor actor = access.require(Role.APPROVER);
        List<Long> approvable = accounts.list().stream()
                .filter(a -> actor.has(Role.APPROVER, a.departmentId())).map(OfficialAccount::id).toList();
        Condition condition = POST.ORGANISATION_ID.eq(actor.organisationId()).and(POST.ACCOUNT_ID.in(approvable));
        return posts.summaries(condition);
    }

    private boolean maySee(Actor actor, Post post) {
        return actor.maySeePost(post.authorId(), departmentOf(post.accountId()));
    }

    private @Nullable Long departmentOf(long accountId) {
        return accounts.get(accountId).departmentId();
    }

    private Post find(Actor actor, long postId) {
        return posts.find(actor.organisationId(), postId).orElseThrow(() -> new NotFoundException("Post", postId));
    }

    private void requireAuthorEditing(Actor actor, Post post) {
        if (!Objects.equals(actor.memberId(), post.authorId())) {
            if (maySee(actor, post)) {
                throw new NotPermittedException("not_author", "Only " + post.authorName() + ", who wrote this post, can change it here.");
            }
            throw new NotFoundException("Post", post.id());
        }
        if (!post.state().editableByAuthor() && !post.state().inReviewOrLater()) {
            throw new DomainException("not_editable", "This post is " + post.state().label().toLowerCase(java.util.Locale.ROOT)
                    + " and cannot be changed now.");
        }
    }

    private OfficialAccount writable(Actor actor, long accountId) {
        OfficialAccount account = accounts.get(accountId);
        if (!actor.has(Role.STAFF, account.departmentId())) {
            throw new NotPermittedException("role_required", "You may not write for " + account.handle()
                    + ": that needs the Staff role for " + (account.departmentName() == null ? "the organisation"
                    : account.departmentName()) + ".");
        }
        return account;
    }

    PostDraftClean validate(Actor actor, PostDraft draft) {
        String text = draft.text() == null ? "" : draft.text();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("too_long", "text", "The text is " + text.length()
                    + " characters long; at most " + MAX_TEXT + " can be saved (and X publishes 280 as it counts them).");
        }
        String reply = postUrl(draft.replyToUrl(), "replyToUrl", "reply to");
        String quote = postUrl(draft.quoteUrl(), "quoteUrl", "quote");
        if (draft.campaignId() != null) {
            campaigns.get(draft.campaignId());
        }
        if (draft.images().size() > MAX_IMAGES) {
            throw new InvalidInputException("too_many_images", "images",
                    "A post can carry at most " + MAX_IMAGES + " images; this one has " + draft.images().size() + ".");
        }
        var images = new ArrayList<AttachedImage>();
        for (int i = 0; i < draft.images().size(); i++) {
            var image = draft.images().get(i);
            String alt = image.altText() == null ? null : image.altText().strip();
            if (alt != null && alt.length() > MAX_ALT_TEXT) {
                throw new InvalidInputException("alt_text_too_long", "images[" + i + "].altText", "The alt text of image "
                        + (i + 1) + " is " + alt.length() + " characters long; X allows " + MAX_ALT_TEXT + ".");
            }
            images.add(new AttachedImage(image.mediaId(), alt == null || alt.isEmpty() ? null : alt));
        }
        if (posts.mediaHashes(actor.organisationId(), images.stream().map(AttachedImage::mediaId).toList()).isEmpty()) {
            throw new InvalidInputException("unknown_image", "images", "One of the images is not one of your organisation's uploads.");
        }
        return new PostDraftClean(draft.accountId(), text, reply, quote, draft.campaignId(), images);
    }

    /** A reply or quote target must be an X post URL; stored in one canonical form. */
    static @Nullable String postUrl(@Nullable String value, String field, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var matcher = POST_URL.matcher(value.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException("not_a_post_url", field, "\"" + value.strip() + "\" is not the address of a post "
                    + "on X to " + what + "; copy it from the post, e.g. https://x.com/NHSEngland/status/1234567890123456789.");
        }
        return "https://x.com/" + matcher.group(1) + "/status/" + matcher.group(2);
    }

    CheckInput checkInput(PostDraftClean clean, @Nullable ZonedDateTime publishAt) {
        List<String> names = posts.mediaFileNames(clean.images().stream().map(AttachedImage::mediaId).toList());
        var images = new ArrayList<ImageInput>();
        for (int i = 0; i < clean.images().size(); i++) {
            images.add(new ImageInput(names.get(i), clean.images().get(i).altText()));
        }
        return new CheckInput(clean.text(), images, publishAt, now(), clean.replyToUrl() != null);
    }

    static List<CheckedFinding> withJustifications(CheckResult result, String text, Map<String, String> justifications) {
        return result.findings().stream().map(f -> {
            String key = CheckedFinding.keyOf(f, text);
            String justification = justifications.get(key);
            if (justification != null) {
                justification = justification.strip();
                if (justification.isEmpty()) {
                    justification = null;
                } else if (justification.length() < MIN_JUSTIFICATION) {
                    throw new InvalidInputException("justification_too_short", "justifications",
                            "A justification needs a few words (at least " + MIN_JUSTIFICATION + " characters): \""
                                    + justification + "\" is too short.");
                } else if (justification.length() > 2000) {
                    throw new InvalidInputException("justification_too_long", "justifications",
                            "A justification can be at most 2000 characters long.");
                }
            }
            return new CheckedFinding(f, key, f.severity() == org.noticeboard.policy.Severity.WARN ? justification : null);
        }).toList();
    }

    String contentHash(Actor actor, long accountId, PostDraftClean clean) {
        var fields = new LinkedHashMap<String, @Nullable Object>();
        fields.put("account", accountId);
        fields.put("text", clean.text());
        fields.put("replyTo", clean.replyToUrl());
        fields.put("quote", clean.quoteUrl());
        fields.put("campaign", clean.campaignId());
        List<String> hashes = posts.mediaHashes(actor.organisationId(),
                clean.images().stream().map(AttachedImage::mediaId).toList()).orElseThrow();
        for (int i = 0; i < hashes.size(); i++) {
            fields.put("image" + i, hashes.get(i));
            fields.put("alt" + i, clean.images().get(i).altText());
        }
        return MediaService.sha256(AuditState.canonical(fields).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, @Nullable String> revisionState(Revision revision) {
        var state = new LinkedHashMap<String, @Nullable String>();
        state.put("revision", String.valueOf(revision.number()));
        state.put("text", revision.text());
        state.put("replyTo", revision.replyToUrl());
        state.put("quote", revision.quoteUrl());
        state.put("campaign", revision.campaignName());
        state.put("images", String.valueOf(revision.images().size()));
        state.put("contentHash", revision.contentHash());
        state.put("policyVersion", String.valueOf(revision.policyVersion()));
        state.put("findings", String.join("; ", revision.findings().stream()
                .map(f -> f.finding().severity() + " " + f.finding().ruleId()
                        + (f.justification() == null ? "" : " (justified: " + f.justification() + ")")).toList()));
        return state;
    }

    private ZonedDateTime now() {
        ZoneId zone = organisations.current().timeZone();
        return ZonedDateTime.now(clock).withZoneSameInstant(zone);
    }
}
