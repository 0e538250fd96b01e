package org.noticeboard.listsync;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.followlist.ListVisibility;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Syncing follow lists to X, as members see it. A curator of the list's department asks for a
 * sync to an official account of the organisation; an account admin of that account (another
 * person) approves; then {@link ListSyncWorker} does the work in the background. Every method
 * checks the caller's organisation and role; a sync of a list the caller may not see is reported
 * as not existing.
 */
@Service
public class ListSyncService {

    private final ListSyncRepository syncs;
    private final OfficialAccountService accounts;
    private final Access access;
    private final AuditTrail audit;
    private final NotificationService notifications;
    private final Clock clock;
    private final ListVisibility lists;

    public ListSyncService(ListSyncRepository syncs, OfficialAccountService accounts, Access access, AuditTrail audit,
            NotificationService notifications, Clock clock, ListVisibility lists) {
        this.syncs = syncs;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.lists = lists;
    }

    /**
     * Asks for the list to be synced to an X List of the account ({@link SyncKind#SYNC_LIST}) or
     * followed from it ({@link SyncKind#FOLLOW_ALL}). Needs CURATOR for the list's department; the
     * account must be connected to X. Nothing happens on X until an account admin approves.
     */
    @Transactional
    public ListSync request(long listId, long accountId, @Nullable SyncKind kind) {
        Actor actor = access.actor();
        if (kind == null) {
            throw new InvalidInputException("kind_required", "kind",
                    "Choose whether to sync the list to an X List or to follow everyone on it.");
        }
        var list = syncs.list(actor.organisationId(), listId)
                .filter(l -> listVisible(actor, l.organisationId(), l.departmentId(), l.visibility()))
                .orElseThrow(() -> new NotFoundException("Follow list", listId));
        if (!actor.has(Role.CURATOR, list.departmentId())) {
            throw new NotPermittedException("role_required", "Only a curator of the department that keeps "
                    + Words.quoted(list.name()) + " can ask for it to be synced to X.");
        }
        OfficialAccount account = accounts.get(accountId);
        requireConnected(account);
        if (syncs.openExists(listId, accountId, kind)) {
            throw new ConflictException("already_open", "A request to " + Words.what(kind, list.name(),
                    account.handle().value()) + " is already waiting or under way; follow that one, or cancel it first.");
        }
        Instant now = now();
        long id = syncs.insert(actor.organisationId(), listId, accountId, kind, requireMember(actor), now);
        ListSyncRepository.SyncRow job = syncs.find(actor.organisationId(), id).orElseThrow();
        audit.record(actor, "list-sync.requested", "x_list_sync", id, "Asked to " + Words.what(kind, list.name(),
                account.handle().value()), null, state(job));
        notifications.tell(actor.organisationId(), syncs.accountAdmins(actor.organisationId(), account.departmentId()),
                null, actor.displayName() + " asks to " + Words.what(kind, list.name(), account.handle().value())
                        + ". An account admin must approve it.", actor.memberId());
        return view(job, now);
    }

    /**
     * Approves a sync awaiting approval: it is queued and starts within moments. Needs ACCOUNT_ADMIN
     * for the account's department (or the whole organisation), and someone other than whoever asked:
     * a list synced or followed from an official account is public under the organisation's name,
     * so, as with posts, two people check it.
     */
    @Transactional
    public ListSync approve(long syncId) {
        Actor actor = access.actor();
        var job = find(actor, syncId);
        if (!actor.has(Role.ACCOUNT_ADMIN, job.accountDepartmentId())) {
            throw new NotPermittedException("role_required", "Only an account admin of " + Words.handle(
                    job.accountHandle()) + " can approve what is done with it on X.");
        }
        if (job.state() != SyncState.AWAITING_APPROVAL) {
            throw new ConflictException("not_awaiting_approval", "This sync is " + job.state().label().toLowerCase(
                    java.util.Locale.ROOT) + "; only one awaiting approval can be approved.");
        }
        if (Objects.equals(job.requestedBy(), actor.memberId())) {
            throw new DomainException("own_request", "You asked for this sync yourself. Another account admin of "
                    + Words.handle(job.accountHandle()) + " must approve it, so that two people have checked what goes "
                    + "out under the account's name.");
        }
        requireConnected(accounts.get(job.accountId()));
        Instant now = now();
        if (!syncs.approve(actor.organisationId(), syncId, job.listId(), requireMember(actor), now)) {
            throw ConflictException.changedMeanwhile("The sync");
        }
        var approved = syncs.find(actor.organisationId(), syncId).orElseThrow();
        audit.record(actor, "list-sync.approved", "x_list_sync", syncId, "Approved: " + Words.what(job.kind(),
                job.listName(), job.accountHandle()), state(job), state(approved));
        notifications.tell(actor.organisationId(), List.of(job.requestedBy()), null, actor.displayName()
                + " approved your request to " + Words.what(job.kind(), job.listName(), job.accountHandle())
                + "; it starts shortly.", actor.memberId());
        return view(approved, now);
    }

    /**
     * Stops a sync that has not ended; what was already done on X stays done. Whoever asked for it,
     * a curator of the list's department or an account admin of the account may cancel.
     */
    @Transactional
    public ListSync cancel(long syncId) {
        Actor actor = access.actor();
        var job = find(actor, syncId);
        boolean may = Objects.equals(job.requestedBy(), actor.memberId()) || actor.has(Role.CURATOR,
                job.listDepartmentId()) || actor.has(Role.ACCOUNT_ADMIN, job.accountDepartmentId());
        if (!may) {
            throw new NotPermittedException("role_required", "Only whoever asked for it, a curator of the list's "
                    + "department or an account admin of " + Words.handle(job.accountHandle()) + " can cancel this sync.");
        }
        if (job.state().ended()) {
            throw new ConflictException("ended", "This sync has already ended (" + job.state().label()
                    .toLowerCase(java.util.Locale.ROOT) + ").");
        }
        Instant now = now();
        String message = "Cancelled by " + actor.displayName() + (job.done() == 0 ? "."
                : " after " + Words.count(job.done()) + " of " + Words.count(job.total(), "change", "changes")
                        + "; the changes made on X stay made.");
        if (!syncs.cancel(actor.organisationId(), syncId, actor.memberId(), message, now)) {
            throw ConflictException.changedMeanwhile("The sync");
        }
        var cancelled = syncs.find(actor.organisationId(), syncId).orElseThrow();
        audit.record(actor, "list-sync.cancelled", "x_list_sync", syncId, "Cancelled: " + Words.what(job.kind(),
                job.listName(), job.accountHandle()), state(job), state(cancelled));
        return view(cancelled, now);
    }

    /** Where a sync stands: progress, estimated finish, summary. */
    @Transactional(readOnly = true)
    public ListSync status(long syncId) {
        return view(find(access.requireAnyRole(), syncId), now());
    }

    /** Every sync of a list the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<ListSync> forList(long listId) {
        Actor actor = access.requireAnyRole();
        syncs.list(actor.organisationId(), listId)
                .filter(l -> listVisible(actor, l.organisationId(), l.departmentId(), l.visibility()))
                .orElseThrow(() -> new NotFoundException("Follow list", listId));
        Instant now = now();
        return syncs.forList(actor.organisationId(), listId).stream().map(job -> view(job, now)).toList();
    }

    /** Syncs the caller could approve now (asked for by someone else, for an account they administer). */
    @Transactional(readOnly = true)
    public List<ListSync> awaitingApproval() {
        Actor actor = access.requireAnyRole();
        Instant now = now();
        return syncs.awaitingApproval(actor.organisationId()).stream()
                .filter(job -> actor.has(Role.ACCOUNT_ADMIN, job.accountDepartmentId()))
                .filter(job -> !Objects.equals(job.requestedBy(), actor.memberId()))
                .map(job -> view(job, now))
                .toList();
    }

    /** The changes X refused in a sync, with X's words. */
    @Transactional(readOnly = true)
    public List<SyncProblem> problems(long syncId) {
        return syncs.problems(find(access.requireAnyRole(), syncId).id());
    }

    private ListSyncRepository.SyncRow find(Actor actor, long syncId) {
        return syncs.find(actor.organisationId(), syncId)
                .filter(job -> listVisible(actor, job.organisationId(), job.listDepartmentId(), job.listVisibility())
                        || actor.has(Role.ACCOUNT_ADMIN, job.accountDepartmentId()))
                .orElseThrow(() -> new NotFoundException("List sync", syncId));
    }

    /** The follow lists' own rule ({@link ListVisibility}): a sync is seen by whoever sees its list. */
    private boolean listVisible(Actor actor, long organisationId, long departmentId, String visibility) {
        return actor.isSystem() || lists.sees(actor, organisationId, departmentId, Visibility.valueOf(visibility));
    }

    private static void requireConnected(OfficialAccount account) {
        if (account.connectionState() != ConnectionState.CONNECTED) {
            throw new DomainException("not_connected", account.handle() + (account.connectionState()
                    == ConnectionState.NEEDS_RECONNECT ? " needs reconnecting to X" : " is not connected to X")
                    + ". An account admin must connect it (Official accounts, Connect to X) first.");
        }
    }

    private static long requireMember(Actor actor) {
        if (actor.memberId() == null) {
            throw new NotPermittedException("member_required", "Only a member can ask for or approve a sync.");
        }
        return actor.memberId();
    }

    ListSync view(ListSyncRepository.SyncRow job, Instant now) {
        return view(syncs, job, now);
    }

    static ListSync view(ListSyncRepository syncs, ListSyncRepository.SyncRow job, Instant now) {
        Budget budget = job.kind().budget();
        int targets = job.plannedAt() != null ? job.total()
                : job.approvedBy() != null ? syncs.approvedTargets(job.id()).size() : syncs.targetCount(job.listId());
        Instant estimate = null;
        if (!job.state().ended()) {
            int remaining = job.plannedAt() == null ? targets : Math.max(0, job.total() - job.done());
            var window = syncs.window(job.accountId(), budget).orElse(null);
            estimate = budget.estimateFinish(remaining, now, job.state() == SyncState.AWAITING_APPROVAL ? null
                    : job.nextAt(), window == null ? null : window.start(), window == null ? 0 : window.used());
        }
        int percent = job.total() == 0 ? (job.state() == SyncState.DONE ? 100 : 0)
                : (int) (job.done() * 100L / job.total());
        return new ListSync(job.id(), job.listId(), job.listName(), job.accountId(), job.accountHandle(), job.kind(),
                job.state(), job.xListId(), job.total(), job.done(), job.added(), job.removed(), job.followed(),
                job.failed(), job.skipped(), percent, estimate, job.nextAt(), Words.summary(job, targets, estimate),
                job.message(), job.requestedBy(), job.requestedByName(), job.approvedBy(), job.approvedByName(),
                job.createdAt(), job.startedAt(), job.finishedAt());
    }

    static Map<String, @Nullable Object> state(ListSyncRepository.SyncRow job) {
        var state = new LinkedHashMap<String, @Nullable Object>();
        state.put("state", job.state().name());
        state.put("kind", job.kind().name());
        state.put("list", job.listName());
        state.put("account", "@" + job.accountHandle());
        state.put("xListId", job.xListId());
        state.put("total", job.total());
        state.put("done", job.done());
        state.put("added", job.added());
        state.put("removed", job.removed());
        state.put("followed", job.followed());
        state.put("failed", job.failed());
        state.put("skipped", job.skipped());
        return state;
    }

    /** PostgreSQL keeps microseconds: times handed out are the times stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
