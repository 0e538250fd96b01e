package org.noticeboard.inbox;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.publish.XTokens;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mentions inbox of the accounts a member writes for or approves: triage (state, assignee,
 * internal notes), replies and quotes started from a mention (drafts that go through the composer's
 * checks and the account's workflow), likes (approvers, sent to X at once) and reposts (through the
 * workflow). A mention deleted on X can no longer be answered.
 */
@Service
public class MentionService {

    static final int MAX_NOTE = 5000;
    static final int INBOX_LIMIT = 500;

    private final MentionRepository mentions;
    private final OfficialAccountService accounts;
    private final PostService posts;
    private final MentionPoller poller;
    private final XGateway x;
    private final XTokens tokens;
    private final Access access;
    private final AuditTrail audit;
    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MentionService(MentionRepository mentions, OfficialAccountService accounts, PostService posts,
            MentionPoller poller, XGateway x, XTokens tokens,
            Access access, AuditTrail audit, DSLContext db, TransactionTemplate tx, Clock clock) {
        this.mentions = mentions;
        this.accounts = accounts;
        this.posts = posts;
        this.poller = poller;
        this.x = x;
        this.tokens = tokens;
        this.access = access;
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** The accounts whose inbox the caller sees: those they write for or approve. */
    @Transactional(readOnly = true)
    public List<OfficialAccount> accounts() {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        return accounts.list().stream().filter(a -> handles(actor, a)).toList();
    }

    /** The caller's inbox, newest first, narrowed by the filter (at most 500 items). */
    @Transactional(readOnly = true)
    public List<Mention> inbox(InboxFilter filter) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        if (filter.accountId() != null) {
            OfficialAccount account = accounts.get(filter.accountId());
            if (!handles(actor, account)) {
                throw new NotPermittedException("role_required", "The mentions of " + account.handle() + " are for its "
                        + "staff and approvers (" + (account.departmentName() == null ? "the organisation"
                        : account.departmentName()) + ").");
            }
        }
        List<Long> visible = accounts.list().stream().filter(a -> handles(actor, a)).map(OfficialAccount::id).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        return mentions.find(actor.organisationId(), visible, filter, clock.instant(), INBOX_LIMIT);
    }

    @Transactional(readOnly = true)
    public Mention get(long id) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        return visible(actor, id);
    }

    @Transactional(readOnly = true)
    public List<MentionNote> notes(long id) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        visible(actor, id);
        return mentions.notes(actor.organisationId(), id);
    }

    /** Members and departments of the organisation a mention can be given to. */
    @Transactional(readOnly = true)
    public List<Assignee> assignees() {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        var result = new ArrayList<Assignee>();
        db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(actor.organisationId()), MEMBER.ACTIVE.isTrue())
                .orderBy(MEMBER.DISPLAY_NAME)
                .forEach(r -> result.add(Assignee.member(r.value1(), r.value2())));
        db.select(DEPARTMENT.ID, DEPARTMENT.NAME).from(DEPARTMENT)
                .where(DEPARTMENT.ORGANISATION_ID.eq(actor.organisationId()))
                .orderBy(DEPARTMENT.NAME)
                .forEach(r -> result.add(Assignee.department(r.value1(), r.value2())));
        return result;
    }

    /** Gives the mention to a member or a department (both null: to nobody). */
    @Transactional
    public Mention assign(long id, @Nullable Long memberId, @Nullable Long departmentId, int version) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        Mention mention = visible(actor, id);
        if (memberId != null && departmentId != null) {
            throw new InvalidInputException("one_assignee", "assignee", "Give the mention to a member or to a department, not both.");
        }
        String label = null;
        if (memberId != null) {
            label = mentions.activeMemberName(actor.organisationId(), memberId);
            if (label == null) {
                throw new InvalidInputException("unknown_member", "assignee", "That member is not an active member of your organisation.");
            }
        } else if (departmentId != null) {
            String name = mentions.departmentName(actor.organisationId(), departmentId);
            if (name == null) {
                throw new InvalidInputException("unknown_department", "assignee", "That department is not one of your organisation's.");
            }
            label = name + " (department)";
        }
        MentionState state = mention.state();
        if (label != null && state == MentionState.NEW) {
            state = MentionState.ASSIGNED;
        } else if (label == null && state == MentionState.ASSIGNED) {
            state = MentionState.NEW;
        }
        if (!mentions.assign(actor.organisationId(), id, version, memberId, departmentId, state)) {
            throw ConflictException.changedMeanwhile("This mention");
        }
        var before = new LinkedHashMap<String, @Nullable Object>();
        before.put("assignee", mention.assigneeLabel());
        before.put("state", mention.state().name());
        var after = new LinkedHashMap<String, @Nullable Object>();
        after.put("assignee", label);
        after.put("state", state.name());
        audit.record(actor, "mention.assigned", "mention", id, "Mention by @" + mention.authorUsername() + " of "
                + mention.accountHandle() + (label == null ? " unassigned" : " assigned to " + label), before, after);
        return visible(actor, id);
    }

    /**
     * Moves the mention to New, Escalated or No action needed. "Replied" is set when a reply goes out
     * on X, "Assigned" by giving it to someone. Deciding that no action is needed is a response: the
     * first response time counts to it.
     */
    @Transactional
    public Mention setState(long id, MentionState state, int version) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        Mention mention = visible(actor, id);
        if (state == MentionState.REPLIED) {
            throw new DomainException("replied_by_publishing", "A mention is marked replied when a reply to it is published "
                    + "on X; write one with Reply.");
        }
        if (state == MentionState.ASSIGNED && mention.assigneeLabel() == null) {
            throw new DomainException("assign_first", "Choose whom to assign the mention to.");
        }
        if (!mentions.setState(actor.organisationId(), id, version, state,
                state == MentionState.NO_ACTION ? clock.instant() : null)) {
            throw ConflictException.changedMeanwhile("This mention");
        }
        audit.record(actor, "mention.state", "mention", id, "Mention by @" + mention.authorUsername() + " of "
                + mention.accountHandle() + " marked " + state.label().toLowerCase(java.util.Locale.ROOT),
                Map.of("state", mention.state().name()), Map.of("state", state.name()));
        return visible(actor, id);
    }

    /** An internal note: never sent to X. */
    @Transactional
    public MentionNote addNote(long id, String body) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        Mention mention = visible(actor, id);
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty() || clean.length() > MAX_NOTE) {
            throw new InvalidInputException("note_length", "note", "A note is 1 to " + MAX_NOTE + " characters long; this one is "
                    + clean.length() + ".");
        }
        long noteId = mentions.addNote(actor.organisationId(), id, Objects.requireNonNull(actor.memberId()), clean, clock.instant());
        audit.record(actor, "mention.noted", "mention", id, "Internal note on the mention by @" + mention.authorUsername(),
                null, Map.of("note", clean));
        return mentions.notes(actor.organisationId(), id).stream().filter(n -> n.id() == noteId).findFirst().orElseThrow();
    }

    /**
     * A draft reply to the mention, ready for the composer: empty, or a reply template with its
     * placeholders filled ({@code values}, by placeholder name). It goes through the composer's
     * policy checks and the account's workflow like any post.
     */
    public Post startReply(long id, @Nullable Long templateId, Map<String, String> values) {
        Mention mention = answerable(id, "reply to");
        return Objects.requireNonNull(tx.execute(s -> {
            Post draft = templateId == null
                    ? posts.save(null, new PostDraft(mention.accountId(), "", mention.url(), null, null, List.of(), Map.of()), 0)
                    : posts.saveTemplateReply(mention.accountId(), mention.url(), templateId, values);
            mentions.linkReply(id, draft.id());
            audit.record(access.actor(), "mention.reply-started", "mention", id, "Reply to @" + mention.authorUsername()
                    + " drafted as post " + draft.id(), null, Map.of("post", draft.id()));
            return draft;
        }));
    }

    /** A draft quote of the mention (to amplify someone's good work), through the workflow like any post. */
    public Post startQuote(long id) {
        Mention mention = answerable(id, "quote");
        return Objects.requireNonNull(tx.execute(s -> {
            Post draft = posts.save(null, new PostDraft(mention.accountId(), "", null, mention.url(), null, List.of(),
                    Map.of()), 0);
            mentions.linkQuote(id, draft.id());
            audit.record(access.actor(), "mention.quote-started", "mention", id, "Quote of @" + mention.authorUsername()
                    + " drafted as post " + draft.id(), null, Map.of("post", draft.id()));
            return draft;
        }));
    }

    /** A repost of the mention, submitted for approval at once: it goes out when the workflow approves it. */
    public Post repost(long id) {
        Actor actor = access.require(Role.APPROVER);
        Mention mention = answerable(id, "repost");
        requireApprover(actor, mention);
        return Objects.requireNonNull(tx.execute(s -> {
            Post post = posts.submitRepost(mention.accountId(), mention.url());
            mentions.linkRepost(id, post.id());
            audit.record(access.actor(), "mention.repost-requested", "mention", id, "Repost of @" + mention.authorUsername()
                    + " sent for approval as post " + post.id(), null, Map.of("post", post.id()));
            return post;
        }));
    }

    /** Likes the mention on X as the account, at once: only an approver of the account may. */
    public Mention like(long id) {
        Actor actor = access.require(Role.APPROVER);
        Mention mention = answerable(id, "like");
        requireApprover(actor, mention);
        if (mention.likedAt() != null) {
            return mention;
        }
        OfficialAccount account = accounts.get(mention.accountId());
        if (account.connection() == null) {
            throw new DomainException("not_connected", account.handle() + " is not connected to X: an account admin must connect it first.");
        }
        XToken token = tokens.tokenFor(mention.accountId());
        try {
            x.like(token, account.connection().xUserId(), mention.xPostId());
        } catch (XException e) {
            if (e.failure() == XFailure.NOT_FOUND) {
                tx.executeWithoutResult(s -> mentions.markDeleted(mention.accountId(), List.of(mention.xPostId())));
                throw deleted(mention, "like");
            }
            if (e.failure() == XFailure.UNAUTHORIZED) {
                tokens.rejected(mention.accountId(), "X answered \"" + e.getMessage() + "\" to a like");
            }
            throw new DomainException("x_refused", "X did not take the like: " + e.getMessage());
        }
        return Objects.requireNonNull(tx.execute(s -> {
            mentions.liked(id, actor.displayName(), clock.instant());
            audit.record(actor, "mention.liked", "mention", id, mention.accountHandle() + " liked the mention by @"
                    + mention.authorUsername() + " on X", null, Map.of("xPostId", mention.xPostId()));
            return visible(actor, id);
        }));
    }

    /**
     * Fetches new mentions of the caller's connected accounts now, instead of at the next scheduled
     * poll (X's rate limit still applies: a poll stopped by it says so).
     */
    public List<PollOutcome> checkNow() {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        List<OfficialAccount> mine = Objects.requireNonNull(tx.execute(s -> accounts.list().stream()
                .filter(a -> handles(actor, a) && a.connection() != null).toList()));
        return mine.stream().map(a -> poller.poll(a.id(), 5)).toList();
    }

    /** When the account's mentions were last fetched, and why the last fetch stopped if it did. */
    @Transactional(readOnly = true)
    public MentionPoller.@Nullable PollStatus pollStatus(long accountId) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        OfficialAccount account = accounts.get(accountId);
        if (!handles(actor, account)) {
            throw new NotFoundException("Official account", accountId);
        }
        return poller.status(accountId);
    }

    private Mention answerable(long id, String what) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        Mention mention = Objects.requireNonNull(tx.execute(s -> visible(actor, id)));
        if (mention.deletedOnX()) {
            throw deleted(mention, what);
        }
        // the inbox may be a poll behind: ask X before anyone writes an answer to a post that is gone
        try {
            XToken token = tokens.tokenFor(mention.accountId());
            if (x.posts(token, List.of(mention.xPostId())).isEmpty()) {
                tx.executeWithoutResult(s -> mentions.markDeleted(mention.accountId(), List.of(mention.xPostId())));
                throw deleted(mention, what);
            }
        } catch (XException e) {
            // X cannot say now; publishing will find out if the post is gone
        }
        return mention;
    }

    private static DomainException deleted(Mention mention, String what) {
        return new DomainException("deleted_on_x", "@" + mention.authorUsername() + " deleted this post on X: there is "
                + "nothing to " + what + " any more.");
    }

    private void requireApprover(Actor actor, Mention mention) {
        if (!actor.has(Role.APPROVER, accounts.get(mention.accountId()).departmentId())) {
            throw new NotPermittedException("role_required", "Only an approver of " + mention.accountHandle()
                    + " can do that.");
        }
    }

    private Mention visible(Actor actor, long id) {
        Mention mention = mentions.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Mention", id));
        if (!handles(actor, accounts.get(mention.accountId()))) {
            throw new NotFoundException("Mention", id);
        }
        return mention;
    }

    private static boolean handles(Actor actor, OfficialAccount account) {
        return actor.has(Role.STAFF, account.departmentId()) || actor.has(Role.APPROVER, account.departmentId());
    }
}
