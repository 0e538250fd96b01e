package org.noticeboard.listsync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.listsync.ListSyncRepository.Item;
import org.noticeboard.listsync.ListSyncRepository.Reservation;
import org.noticeboard.listsync.ListSyncRepository.SyncRow;
import org.noticeboard.listsync.ListSyncRepository.Target;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does approved syncs in slices, for the background scheduler (no member is signed in).
 *
 * <p>The first slice of a job plans it: for a sync to an X List it makes the List if the job has
 * none (remembered at once, so no retry makes a second), reads the List's members from X and
 * writes the removals and additions that make it equal to the stakeholders on the follow list
 * whom X knows; for "follow everyone" it writes one follow per stakeholder. Every slice then takes
 * what is left of the account's 15-minute allowance ({@link Budget}), makes that many changes in
 * order, records each one as it goes, and says when to continue: the start of the next window.
 * So no request is refused for its rate, and a restart resumes with the first change not
 * recorded (changes on X are idempotent: adding a member twice leaves one).
 */
@Service
public class ListSyncWorker {

    private static final Logger log = LoggerFactory.getLogger(ListSyncWorker.class);
    /** X's limit on the members of one List. */
    public static final int MAX_LIST_MEMBERS = 5000;
    /** X's limits on a List's name and description, in characters. */
    static final int MAX_NAME = 25;
    static final int MAX_DESCRIPTION = 100;
    /** Failed tries in a row (X not answering properly) before the job is FAILED for a person to look at. */
    static final int MAX_ATTEMPTS = 8;
    /** Changes X refused in a row before the job stops: something is wrong with the List or the account, not one user. */
    static final int REFUSALS_IN_A_ROW = 25;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);
    /** A List holds at most 5,000 members: 50 pages of 100, and some slack. */
    private static final int MAX_MEMBER_PAGES = 60;
    private static final String WORKER = "Noticeboard (list sync)";

    private final ListSyncRepository syncs;
    private final SyncLocks locks;
    private final XGateway x;
    private final XTokens tokens;
    private final AuditTrail audit;
    private final Access access;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ListSyncWorker(ListSyncRepository syncs, SyncLocks locks, XGateway x, XTokens tokens, AuditTrail audit,
            Access access, NotificationService notifications, TransactionTemplate tx, Clock clock) {
        this.syncs = syncs;
        this.locks = locks;
        this.x = x;
        this.tokens = tokens;
        this.audit = audit;
        this.access = access;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Approved jobs whose next slice is due now, longest waiting first. */
    public List<Long> due(int limit) {
        return syncs.due(now(), limit);
    }

    /** One slice of the job: as many changes as X's window allows now. */
    public SliceOutcome runSlice(long syncId) {
        return runSlice(syncId, () -> false);
    }

    /**
     * As {@link #runSlice(long)}; {@code stopRequested} is asked before every change (the instance
     * is shutting down): the slice then ends at once, to be continued right away elsewhere.
     */
    public SliceOutcome runSlice(long syncId, BooleanSupplier stopRequested) {
        try (var lock = locks.tryLock(syncId)) {
            if (!lock.acquired()) {
                return new SliceOutcome(SliceOutcome.Kind.BUSY, null, now().plus(BUSY_RETRY), 0,
                        "Another worker has it");
            }
            return runLocked(syncId, stopRequested);
        }
    }

    private SliceOutcome runLocked(long syncId, BooleanSupplier stopRequested) {
        Instant now = now();
        SyncRow job = syncs.load(syncId).orElse(null);
        if (job == null) {
            return new SliceOutcome(SliceOutcome.Kind.NOTHING_TO_DO, null, null, 0, "No such sync");
        }
        if (!job.state().workable()) {
            return new SliceOutcome(SliceOutcome.Kind.NOTHING_TO_DO, job.state(), null, 0, null);
        }
        if (job.nextAt() != null && job.nextAt().isAfter(now)) {
            return new SliceOutcome(SliceOutcome.Kind.NOT_DUE, job.state(), job.nextAt(), 0, null);
        }
        XToken token;
        try {
            token = tokens.tokenFor(job.accountId());
        } catch (XException e) {
            return trouble(job, e, 0, false);
        }
        if (job.plannedAt() == null) {
            SliceOutcome stopped = plan(job, token);
            if (stopped != null) {
                return stopped;
            }
            job = syncs.load(syncId).orElseThrow();
        }
        return work(job, token, stopRequested);
    }

    // ------------------------------------------------------------------ planning

    /** Writes the job's changes; an outcome when the job cannot go on now, null when planned. */
    private @Nullable SliceOutcome plan(SyncRow job, XToken token) {
        // the list as it was approved: what a curator changed since waits for a new request and approval
        List<Target> targets = syncs.approvedTargets(job.id());
        int skipped = Math.max(0, syncs.approvedMemberCount(job.id()) - targets.size());
        List<Item> items = new ArrayList<>();
        if (job.kind() == SyncKind.FOLLOW_ALL) {
            String self = token.userId() != null ? token.userId() : job.accountXUserId();
            for (Target target : targets) {
                // X refuses a follow of oneself; the account may be on its own list
                if (!target.xUserId().equals(self)) {
                    items.add(new Item(0, target.xUserId(), "FOLLOW", target.stakeholderId()));
                }
            }
        } else {
            if (targets.size() > MAX_LIST_MEMBERS) {
                return fail(job, Words.quoted(job.listName()) + " has " + Words.count(targets.size())
                        + " stakeholders with an X account, but an X List holds at most " + Words.count(MAX_LIST_MEMBERS)
                        + ". Split the list (fork it and remove some from each part), then sync each part to its own "
                        + "X List. Nothing was changed on X.", 0);
            }
            String xListId = job.xListId();
            boolean recreated = job.xListRecreated();
            if (xListId == null) {
                xListId = syncs.earlierXList(job.listId(), job.accountId(), job.id()).orElse(null);
                if (xListId != null) {
                    String earlier = xListId;
                    tx.executeWithoutResult(s -> syncs.xList(job.id(), earlier, false));
                }
            }
            Set<String> current;
            try {
                if (xListId == null) {
                    xListId = createXList(job, token, false);
                    current = Set.of();
                } else {
                    try {
                        current = members(token, xListId);
                    } catch (XException e) {
                        if (e.failure() != XFailure.NOT_FOUND) {
                            throw e;
                        }
                        if (recreated) {
                            return fail(job, "The X List of " + Words.handle(job.accountHandle())
                                    + " was deleted on X again while Noticeboard was syncing it. Ask for the sync again "
                                    + "once nobody is deleting it.", 0);
                        }
                        log.info("List sync {}: X List {} is gone from X; making it again", job.id(), xListId);
                        xListId = createXList(job, token, true);
                        current = Set.of();
                    }
                }
            } catch (XException e) {
                return trouble(job, e, 0, true);
            }
            Set<String> wanted = new LinkedHashSet<>();
            targets.forEach(t -> wanted.add(t.xUserId()));
            for (String member : current) {
                if (!wanted.contains(member)) {
                    items.add(new Item(0, member, "REMOVE", null));
                }
            }
            for (Target target : targets) {
                if (!current.contains(target.xUserId())) {
                    items.add(new Item(0, target.xUserId(), "ADD", target.stakeholderId()));
                }
            }
        }
        List<Item> numbered = ListSyncRepository.numbered(distinct(items));
        Instant now = now();
        Boolean started = tx.execute(s -> syncs.savePlan(job.id(), numbered, skipped, now));
        if (!Boolean.TRUE.equals(started)) {
            return new SliceOutcome(SliceOutcome.Kind.NOTHING_TO_DO, null, null, 0, "Cancelled meanwhile");
        }
        log.info("List sync {}: {} changes planned for @{} ({} left out without an X account)", job.id(),
                numbered.size(), job.accountHandle(), skipped);
        return null;
    }

    /** The same X user twice on a list (two stakeholders for one account) is one change. */
    private static List<Item> distinct(List<Item> items) {
        Set<String> seen = new LinkedHashSet<>();
        return items.stream().filter(i -> seen.add(i.action() + ":" + i.xUserId())).toList();
    }

    private String createXList(SyncRow job, XToken token, boolean recreated) {
        String name = cut(job.listName(), MAX_NAME);
        String description = job.listDescription() == null || job.listDescription().isBlank() ? null
                : cut(job.listDescription(), MAX_DESCRIPTION);
        // an X List is public unless made private; only a list Noticeboard itself shows to anyone goes out public
        boolean isPrivate = !"PUBLIC".equals(job.listVisibility());
        XList list = x.createList(token, name, description, isPrivate);
        tx.executeWithoutResult(s -> {
            syncs.xList(job.id(), list.id(), recreated);
            system(job, () -> audit.record(access.actor(), recreated ? "list-sync.x-list-recreated"
                            : "list-sync.x-list-created", "x_list_sync", job.id(),
                    (recreated ? "The X List was gone from X; made again as " : "Made the X List ") + Words.quoted(name)
                            + " (" + list.id() + ", " + (isPrivate ? "private" : "public") + ") for "
                            + Words.handle(job.accountHandle()), null, Map.of("xListId", list.id())));
        });
        log.info("List sync {}: made X List {} for @{}", job.id(), list.id(), job.accountHandle());
        return list.id();
    }

    private Set<String> members(XToken token, String xListId) {
        Set<String> members = new LinkedHashSet<>();
        String page = null;
        for (int i = 0; i < MAX_MEMBER_PAGES; i++) {
            XPage<XUser> users = x.listMembers(token, xListId, page);
            users.items().forEach(u -> members.add(u.id()));
            page = users.nextToken();
            if (page == null) {
                break;
            }
        }
        return members;
    }

    private static String cut(String text, int max) {
        String clean = text.strip();
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, max)).strip();
    }

    // ------------------------------------------------------------------ doing

    private SliceOutcome work(SyncRow job, XToken token, BooleanSupplier stopRequested) {
        Budget budget = job.kind().budget();
        int pending = syncs.pendingCount(job.id());
        if (pending == 0) {
            return finish(job.id(), 0);
        }
        Instant now = now();
        Reservation reservation = tx.execute(s -> syncs.reserve(job.accountId(), budget, pending, now));
        if (reservation.granted() == 0) {
            tx.executeWithoutResult(s -> syncs.continueAt(job.id(), reservation.windowEnd(), null, null));
            return new SliceOutcome(SliceOutcome.Kind.WAITING, job.state(), reservation.windowEnd(), 0, null);
        }
        List<Item> items = syncs.pending(job.id(), reservation.granted());
        int made = 0;
        int refusedInARow = 0;
        for (Item item : items) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            made++;
            boolean done;
            String detail = null;
            try {
                apply(job, token, item);
                done = true;
            } catch (XException e) {
                switch (e.failure()) {
                    case FORBIDDEN, INVALID_REQUEST, DUPLICATE -> {
                        done = alreadySo(e);
                        detail = done ? "Already so on X" : refusal(item, e);
                    }
                    case NOT_FOUND -> {
                        if (!item.action().equals("FOLLOW") && job.xListId() != null && listGone(token, job.xListId())) {
                            release(job, budget, reservation, made);
                            return listDeleted(job, token, made);
                        }
                        done = false;
                        detail = "X has no user " + item.xUserId() + " (any more): the account was deleted or "
                                + "suspended. X said: " + e.getMessage();
                    }
                    default -> {
                        // the change stays to do; whatever X counted for this request stays counted
                        release(job, budget, reservation, made);
                        return trouble(job, e, made, true);
                    }
                }
            }
            refusedInARow = done ? 0 : refusedInARow + 1;
            boolean isDone = done;
            String words = detail;
            if (!syncs.itemFinished(job.id(), item, isDone, words, now())) {
                release(job, budget, reservation, made);
                return new SliceOutcome(SliceOutcome.Kind.CANCELLED, SyncState.CANCELLED, null, made, null);
            }
            if (refusedInARow >= REFUSALS_IN_A_ROW) {
                release(job, budget, reservation, made);
                return fail(job, "X refused " + refusedInARow + " changes in a row, the last with: " + detail
                        + ". Check " + Words.handle(job.accountHandle()) + " and its X List on X, then ask for the sync "
                        + "again: it carries on with what is still to do.", made);
            }
        }
        release(job, budget, reservation, made);
        if (syncs.pendingCount(job.id()) == 0) {
            return finish(job.id(), made);
        }
        // stopped early (shutting down): go on at once, elsewhere; otherwise at the next window
        Instant next = made < items.size() ? now() : reservation.windowEnd();
        tx.executeWithoutResult(s -> syncs.continueAt(job.id(), next, null, null));
        log.debug("List sync {}: {} changes made, next at {}", job.id(), made, next);
        return new SliceOutcome(SliceOutcome.Kind.WAITING, SyncState.RUNNING, next, made, null);
    }

    private void apply(SyncRow job, XToken token, Item item) {
        switch (item.action()) {
            case "ADD" -> x.addListMember(token, requireList(job), item.xUserId());
            case "REMOVE" -> x.removeListMember(token, requireList(job), item.xUserId());
            case "FOLLOW" -> x.follow(token, token.userId() != null ? token.userId()
                    : java.util.Objects.requireNonNull(job.accountXUserId()), item.xUserId());
            default -> throw new IllegalStateException("Unknown change " + item.action());
        }
    }

    private static String requireList(SyncRow job) {
        if (job.xListId() == null) {
            throw new IllegalStateException("List sync " + job.id() + " has changes planned but no X List");
        }
        return job.xListId();
    }

    /** X's way of saying the change is in place already ("already a member", "already following"). */
    private static boolean alreadySo(XException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("already");
    }

    private static String refusal(Item item, XException e) {
        String what = switch (item.action()) {
            case "ADD" -> "adding user " + item.xUserId() + " to the X List";
            case "REMOVE" -> "removing user " + item.xUserId() + " from the X List";
            default -> "following user " + item.xUserId();
        };
        return "X refused " + what + ": " + e.getMessage();
    }

    private boolean listGone(XToken token, String xListId) {
        try {
            x.listMembers(token, xListId, null);
            return false;
        } catch (XException e) {
            return e.failure() == XFailure.NOT_FOUND;
        }
    }

    /** The X List was deleted on X during the job: made again once, and the changes planned again for it. */
    private SliceOutcome listDeleted(SyncRow job, XToken token, int made) {
        if (job.xListRecreated()) {
            return fail(job, "The X List of " + Words.handle(job.accountHandle()) + " was deleted on X again while "
                    + "Noticeboard was syncing it. Ask for the sync again once nobody is deleting it.", made);
        }
        log.info("List sync {}: X List {} was deleted on X; making it again", job.id(), job.xListId());
        try {
            createXList(job, token, true);
        } catch (XException e) {
            return trouble(job, e, made, true);
        }
        Instant now = now();
        tx.executeWithoutResult(s -> syncs.dropPlan(job.id(), now));
        return new SliceOutcome(SliceOutcome.Kind.REPLANNED, SyncState.RUNNING, now, made,
                "The X List was deleted on X and made again");
    }

    private void release(SyncRow job, Budget budget, Reservation reservation, int made) {
        int unused = reservation.granted() - made;
        if (unused > 0) {
            tx.executeWithoutResult(s -> syncs.release(job.accountId(), budget, reservation.windowStart(), unused));
        }
    }

    // ------------------------------------------------------------------ when X says no

    /**
     * What X's failure means for the job. {@code fromCall}: X itself answered (a 401 then means the
     * token was refused; from the token store it was already marked).
     */
    private SliceOutcome trouble(SyncRow job, XException e, int made, boolean fromCall) {
        Instant now = now();
        String handle = Words.handle(job.accountHandle());
        String detail = e.getMessage();
        return switch (e.failure()) {
            case RATE_LIMITED -> {
                Instant until = e.retryAt() != null && e.retryAt().isAfter(now) ? e.retryAt() : now.plus(Budget.WINDOW);
                String note = "X's limit on " + job.kind().budget().what() + " for " + handle
                        + " is reached for now; Noticeboard carries on at " + Words.time(until) + ".";
                tx.executeWithoutResult(s -> {
                    syncs.exhaust(job.accountId(), job.kind().budget(), until);
                    syncs.continueAt(job.id(), until, null, note);
                });
                log.info("List sync {}: rate limited ({}); continuing at {}", job.id(), detail, until);
                yield new SliceOutcome(SliceOutcome.Kind.RATE_LIMITED, SyncState.RUNNING, until, made, note);
            }
            case UNAUTHORIZED -> {
                if (fromCall) {
                    tokens.rejected(job.accountId(), "X answered \"" + detail + "\" when syncing a list");
                }
                yield fail(job, "X no longer accepts Noticeboard's connection to " + handle + ". An account admin must "
                        + "reconnect it (Official accounts, Connect to X); then ask for the sync again: the changes "
                        + "already made stay made.", made);
            }
            case SERVER_ERROR, UNKNOWN_OUTCOME, MALFORMED_RESPONSE -> {
                int attempts = job.attempts() + 1;
                if (attempts >= MAX_ATTEMPTS) {
                    yield fail(job, "X did not answer properly " + attempts + " times in a row (" + detail
                            + "). Ask for the sync again later: it carries on with what is still to do.", made);
                }
                Instant next = now.plus(backoff(attempts));
                String note = "X did not answer properly (" + detail + "); Noticeboard tries again at "
                        + Words.time(next) + ".";
                tx.executeWithoutResult(s -> syncs.continueAt(job.id(), next, attempts, note));
                log.info("List sync {}: {} ({}); retrying at {}", job.id(), e.failure(), detail, next);
                yield new SliceOutcome(SliceOutcome.Kind.RETRY, job.state(), next, made, note);
            }
            case FORBIDDEN, NOT_FOUND, INVALID_REQUEST, DUPLICATE -> fail(job, "X refused: " + detail + ". Check "
                    + handle + " on X, then ask for the sync again.", made);
        };
    }

    static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private SliceOutcome fail(SyncRow job, String message, int made) {
        Instant now = now();
        tx.executeWithoutResult(s -> {
            if (!syncs.finish(job.id(), SyncState.FAILED, message, now)) {
                return;
            }
            SyncRow failed = syncs.load(job.id()).orElseThrow();
            system(job, () -> audit.record(access.actor(), "list-sync.failed", "x_list_sync", job.id(),
                    "Could not " + Words.what(job.kind(), job.listName(), job.accountHandle()) + ": " + message,
                    ListSyncService.state(job), ListSyncService.state(failed)));
            notifications.tell(job.organisationId(), recipients(job), null, "Could not " + Words.what(job.kind(),
                    job.listName(), job.accountHandle()) + ": " + message, null);
        });
        log.warn("List sync {} failed: {}", job.id(), message);
        return new SliceOutcome(SliceOutcome.Kind.FAILED, SyncState.FAILED, null, made, message);
    }

    private SliceOutcome finish(long syncId, int made) {
        Instant now = now();
        SyncRow job = syncs.load(syncId).orElseThrow();
        String summary = tx.execute(s -> {
            if (!syncs.finish(syncId, SyncState.DONE, null, now)) {
                return null;
            }
            SyncRow done = syncs.load(syncId).orElseThrow();
            String words = Words.summary(done, done.total(), null);
            system(job, () -> audit.record(access.actor(), "list-sync.done", "x_list_sync", syncId, words,
                    ListSyncService.state(job), ListSyncService.state(done)));
            notifications.tell(job.organisationId(), recipients(job), null, words, null);
            return words;
        });
        if (summary == null) {
            return new SliceOutcome(SliceOutcome.Kind.NOTHING_TO_DO, null, null, made, "Ended meanwhile");
        }
        log.info("List sync {} done: {}", syncId, summary);
        return new SliceOutcome(SliceOutcome.Kind.DONE, SyncState.DONE, null, made, summary);
    }

    private static List<Long> recipients(SyncRow job) {
        return job.approvedBy() == null ? List.of(job.requestedBy()) : List.of(job.requestedBy(), job.approvedBy());
    }

    private void system(SyncRow job, Runnable work) {
        access.asSystem(job.organisationId(), WORKER, () -> {
            work.run();
            return null;
        });
    }

    /** PostgreSQL keeps microseconds: times handed out are the times stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
