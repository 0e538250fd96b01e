package org.noticeboard.listsync;

import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC_ITEM;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC_PACE;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC_TARGET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.db.jooq.tables.Member;
import org.springframework.stereotype.Repository;

@Repository
class ListSyncRepository {

    private static final Member REQUESTER = MEMBER.as("requester");
    private static final Member APPROVER = MEMBER.as("approver");
    private static final List<String> OPEN = List.of(SyncState.AWAITING_APPROVAL.name(), SyncState.QUEUED.name(),
            SyncState.RUNNING.name());
    private static final List<String> WORKABLE = List.of(SyncState.QUEUED.name(), SyncState.RUNNING.name());

    private final DSLContext db;

    ListSyncRepository(DSLContext db) {
        this.db = db;
    }

    /** A follow list as a sync needs it. */
    record ListRow(long id, long organisationId, long departmentId, String name, @Nullable String description,
            String visibility) {}

    /** A sync job with what it concerns. */
    record SyncRow(long id, long organisationId, long listId, String listName, @Nullable String listDescription,
            String listVisibility, long listDepartmentId, long accountId, String accountHandle,
            @Nullable Long accountDepartmentId, @Nullable String accountXUserId, SyncKind kind, SyncState state,
            @Nullable String xListId, boolean xListRecreated, int total, int done, int added, int removed, int followed,
            int failed, int skipped, int attempts, long requestedBy, String requestedByName, @Nullable Long approvedBy,
            @Nullable String approvedByName, Instant createdAt, @Nullable Instant plannedAt, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, @Nullable Instant nextAt, @Nullable String message) {}

    /** A stakeholder of the list whom X knows. */
    record Target(long stakeholderId, String xUserId) {}

    /** A planned change. */
    record Item(int seq, String xUserId, String action, @Nullable Long stakeholderId) {}

    /** Part of an account's allowance taken for one slice: {@code granted} requests in the window ending at {@code windowEnd}. */
    record Reservation(int granted, Instant windowStart, Instant windowEnd) {}

    /** The account's current window, if it has one. */
    record Window(Instant start, int used) {}

    // ------------------------------------------------------------------ lists and accounts

    Optional<ListRow> list(long organisationId, long listId) {
        return db.selectFrom(FOLLOW_LIST)
                .where(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId), FOLLOW_LIST.ID.eq(listId))
                .fetchOptional(r -> new ListRow(r.getId(), r.getOrganisationId(), r.getDepartmentId(), r.getName(),
                        r.getDescription(), r.getVisibility()));
    }

    /** The stakeholders on the list whom X knows (an X user id, not found gone), in the order they were added. */
    List<Target> targets(long listId) {
        return db.select(STAKEHOLDER.ID, STAKEHOLDER.X_USER_ID)
                .from(FOLLOW_LIST_MEMBER)
                .join(STAKEHOLDER).on(STAKEHOLDER.ORGANISATION_ID.eq(FOLLOW_LIST_MEMBER.ORGANISATION_ID),
                        STAKEHOLDER.ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID))
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId), STAKEHOLDER.X_USER_ID.isNotNull(),
                        STAKEHOLDER.X_EXISTS.isDistinctFrom(false))
                .orderBy(FOLLOW_LIST_MEMBER.ADDED_AT, STAKEHOLDER.ID)
                .fetch(r -> new Target(r.get(STAKEHOLDER.ID), r.get(STAKEHOLDER.X_USER_ID)));
    }

    int targetCount(long listId) {
        return db.fetchCount(FOLLOW_LIST_MEMBER.join(STAKEHOLDER)
                        .on(STAKEHOLDER.ORGANISATION_ID.eq(FOLLOW_LIST_MEMBER.ORGANISATION_ID),
                                STAKEHOLDER.ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID)),
                FOLLOW_LIST_MEMBER.LIST_ID.eq(listId), STAKEHOLDER.X_USER_ID.isNotNull(),
                STAKEHOLDER.X_EXISTS.isDistinctFrom(false));
    }

    int memberCount(long listId) {
        return db.fetchCount(FOLLOW_LIST_MEMBER, FOLLOW_LIST_MEMBER.LIST_ID.eq(listId));
    }

    /** Active members who may approve for the account: account admins of its department or of the whole organisation. */
    List<Long> accountAdmins(long organisationId, @Nullable Long departmentId) {
        Condition scope = ROLE_GRANT.DEPARTMENT_ID.isNull();
        if (departmentId != null) {
            scope = scope.or(ROLE_GRANT.DEPARTMENT_ID.eq(departmentId));
        }
        return db.selectDistinct(ROLE_GRANT.MEMBER_ID).from(ROLE_GRANT)
                .join(MEMBER).on(MEMBER.ID.eq(ROLE_GRANT.MEMBER_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), ROLE_GRANT.ROLE.eq("ACCOUNT_ADMIN"), scope,
                        MEMBER.ACTIVE.isTrue())
                .fetch(ROLE_GRANT.MEMBER_ID);
    }

    // ------------------------------------------------------------------ jobs

    long insert(long organisationId, long listId, long accountId, SyncKind kind, long requestedBy, Instant now) {
        return db.insertInto(X_LIST_SYNC)
                .set(X_LIST_SYNC.ORGANISATION_ID, organisationId)
                .set(X_LIST_SYNC.LIST_ID, listId)
                .set(X_LIST_SYNC.ACCOUNT_ID, accountId)
                .set(X_LIST_SYNC.KIND, kind.name())
                .set(X_LIST_SYNC.STATE, SyncState.AWAITING_APPROVAL.name())
                .set(X_LIST_SYNC.REQUESTED_BY, requestedBy)
                .set(X_LIST_SYNC.CREATED_AT, utc(now))
                .returning(X_LIST_SYNC.ID)
                .fetchSingle(X_LIST_SYNC.ID);
    }

    boolean openExists(long listId, long accountId, SyncKind kind) {
        return db.fetchExists(X_LIST_SYNC, X_LIST_SYNC.LIST_ID.eq(listId), X_LIST_SYNC.ACCOUNT_ID.eq(accountId),
                X_LIST_SYNC.KIND.eq(kind.name()), X_LIST_SYNC.STATE.in(OPEN));
    }

    Optional<SyncRow> find(long organisationId, long id) {
        return fetch(X_LIST_SYNC.ORGANISATION_ID.eq(organisationId).and(X_LIST_SYNC.ID.eq(id))).stream().findFirst();
    }

    /** For the worker, which acts for no member and no organisation in particular. */
    Optional<SyncRow> load(long id) {
        return fetch(X_LIST_SYNC.ID.eq(id)).stream().findFirst();
    }

    List<SyncRow> forList(long organisationId, long listId) {
        return fetch(X_LIST_SYNC.ORGANISATION_ID.eq(organisationId).and(X_LIST_SYNC.LIST_ID.eq(listId)));
    }

    List<SyncRow> awaitingApproval(long organisationId) {
        return fetch(X_LIST_SYNC.ORGANISATION_ID.eq(organisationId)
                .and(X_LIST_SYNC.STATE.eq(SyncState.AWAITING_APPROVAL.name())));
    }

    /** Approved jobs whose next step is due, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return db.select(X_LIST_SYNC.ID).from(X_LIST_SYNC)
                .where(X_LIST_SYNC.STATE.in(WORKABLE), X_LIST_SYNC.NEXT_AT.le(utc(now)).or(X_LIST_SYNC.NEXT_AT.isNull()))
                .orderBy(X_LIST_SYNC.NEXT_AT.asc().nullsFirst(), X_LIST_SYNC.ID)
                .limit(limit)
                .fetch(X_LIST_SYNC.ID);
    }

    /** The X List an earlier sync of this list to this account made, to be brought up to date rather than made again. */
    Optional<String> earlierXList(long listId, long accountId, long exceptSyncId) {
        return db.select(X_LIST_SYNC.X_LIST_ID).from(X_LIST_SYNC)
                .where(X_LIST_SYNC.LIST_ID.eq(listId), X_LIST_SYNC.ACCOUNT_ID.eq(accountId),
                        X_LIST_SYNC.KIND.eq(SyncKind.SYNC_LIST.name()), X_LIST_SYNC.X_LIST_ID.isNotNull(),
                        X_LIST_SYNC.ID.ne(exceptSyncId))
                .orderBy(X_LIST_SYNC.ID.desc())
                .limit(1)
                .fetchOptional(X_LIST_SYNC.X_LIST_ID);
    }

    /**
     * Approves the job and keeps the list as it is now with it: the job carries out this list, not
     * the list as it may be when the job runs. False when it is no longer awaiting approval.
     */
    boolean approve(long organisationId, long id, long listId, long approvedBy, Instant now) {
        boolean approved = db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.STATE, SyncState.QUEUED.name())
                .set(X_LIST_SYNC.APPROVED_BY, approvedBy)
                .set(X_LIST_SYNC.APPROVED_AT, utc(now))
                .set(X_LIST_SYNC.NEXT_AT, utc(now))
                .set(X_LIST_SYNC.APPROVED_MEMBER_COUNT, memberCount(listId))
                .where(X_LIST_SYNC.ORGANISATION_ID.eq(organisationId), X_LIST_SYNC.ID.eq(id),
                        X_LIST_SYNC.STATE.eq(SyncState.AWAITING_APPROVAL.name()))
                .execute() == 1;
        if (approved) {
            List<Target> targets = targets(listId);
            var insert = db.insertInto(X_LIST_SYNC_TARGET, X_LIST_SYNC_TARGET.SYNC_ID, X_LIST_SYNC_TARGET.POSITION,
                    X_LIST_SYNC_TARGET.STAKEHOLDER_ID, X_LIST_SYNC_TARGET.X_USER_ID);
            for (int i = 0; i < targets.size(); i++) {
                insert = insert.values(id, i + 1, targets.get(i).stakeholderId(), targets.get(i).xUserId());
            }
            if (!targets.isEmpty()) {
                insert.execute();
            }
        }
        return approved;
    }

    /** The stakeholders with an X account on the list when the job was approved, in the list's order. */
    List<Target> approvedTargets(long syncId) {
        return db.select(X_LIST_SYNC_TARGET.STAKEHOLDER_ID, X_LIST_SYNC_TARGET.X_USER_ID).from(X_LIST_SYNC_TARGET)
                .where(X_LIST_SYNC_TARGET.SYNC_ID.eq(syncId))
                .orderBy(X_LIST_SYNC_TARGET.POSITION)
                .fetch(r -> new Target(r.value1(), r.value2()));
    }

    /** How many stakeholders were on the list when the job was approved (with an X account or not). */
    int approvedMemberCount(long syncId) {
        Integer count = db.select(X_LIST_SYNC.APPROVED_MEMBER_COUNT).from(X_LIST_SYNC).where(X_LIST_SYNC.ID.eq(syncId))
                .fetchOne(X_LIST_SYNC.APPROVED_MEMBER_COUNT);
        return count == null ? 0 : count;
    }

    boolean cancel(long organisationId, long id, @Nullable Long cancelledBy, String message, Instant now) {
        return db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.STATE, SyncState.CANCELLED.name())
                .set(X_LIST_SYNC.CANCELLED_BY, cancelledBy)
                .set(X_LIST_SYNC.MESSAGE, message)
                .set(X_LIST_SYNC.FINISHED_AT, utc(now))
                .setNull(X_LIST_SYNC.NEXT_AT)
                .where(X_LIST_SYNC.ORGANISATION_ID.eq(organisationId), X_LIST_SYNC.ID.eq(id),
                        X_LIST_SYNC.STATE.in(OPEN))
                .execute() == 1;
    }

    /** Remembers the X List at once, so that no retry ever makes a second one. */
    void xList(long id, String xListId, boolean recreated) {
        db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.X_LIST_ID, xListId)
                .set(X_LIST_SYNC.X_LIST_RECREATED, DSL.when(DSL.val(recreated), DSL.inline(true))
                        .otherwise(X_LIST_SYNC.X_LIST_RECREATED))
                .where(X_LIST_SYNC.ID.eq(id))
                .execute();
    }

    /** Writes the plan and starts the job; false when it is no longer approved (cancelled meanwhile). */
    boolean savePlan(long id, List<Item> items, int skipped, Instant now) {
        int started = db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.STATE, SyncState.RUNNING.name())
                .set(X_LIST_SYNC.TOTAL, items.size())
                .set(X_LIST_SYNC.DONE, 0)
                .set(X_LIST_SYNC.ADDED, 0)
                .set(X_LIST_SYNC.REMOVED, 0)
                .set(X_LIST_SYNC.FOLLOWED, 0)
                .set(X_LIST_SYNC.FAILED, 0)
                .set(X_LIST_SYNC.SKIPPED, skipped)
                .set(X_LIST_SYNC.PLANNED_AT, utc(now))
                .set(X_LIST_SYNC.STARTED_AT, DSL.coalesce(X_LIST_SYNC.STARTED_AT, DSL.val(utc(now))))
                .set(X_LIST_SYNC.NEXT_AT, utc(now))
                .setNull(X_LIST_SYNC.MESSAGE)
                .where(X_LIST_SYNC.ID.eq(id), X_LIST_SYNC.STATE.in(WORKABLE))
                .execute();
        if (started == 0) {
            return false;
        }
        db.deleteFrom(X_LIST_SYNC_ITEM).where(X_LIST_SYNC_ITEM.SYNC_ID.eq(id)).execute();
        for (int from = 0; from < items.size(); from += 1000) {
            var insert = db.insertInto(X_LIST_SYNC_ITEM, X_LIST_SYNC_ITEM.SYNC_ID, X_LIST_SYNC_ITEM.SEQ,
                    X_LIST_SYNC_ITEM.X_USER_ID, X_LIST_SYNC_ITEM.ACTION, X_LIST_SYNC_ITEM.STAKEHOLDER_ID);
            for (Item item : items.subList(from, Math.min(items.size(), from + 1000))) {
                insert = insert.values(id, item.seq(), item.xUserId(), item.action(), item.stakeholderId());
            }
            insert.execute();
        }
        return true;
    }

    /**
     * The X List was deleted on X and made again, empty: the plan is made again from scratch (the
     * changes done so far went into the deleted List).
     */
    void dropPlan(long id, Instant now) {
        db.deleteFrom(X_LIST_SYNC_ITEM).where(X_LIST_SYNC_ITEM.SYNC_ID.eq(id)).execute();
        db.update(X_LIST_SYNC)
                .setNull(X_LIST_SYNC.PLANNED_AT)
                .set(X_LIST_SYNC.TOTAL, 0)
                .set(X_LIST_SYNC.DONE, 0)
                .set(X_LIST_SYNC.ADDED, 0)
                .set(X_LIST_SYNC.REMOVED, 0)
                .set(X_LIST_SYNC.FAILED, 0)
                .set(X_LIST_SYNC.NEXT_AT, utc(now))
                .where(X_LIST_SYNC.ID.eq(id))
                .execute();
    }

    int pendingCount(long id) {
        return db.fetchCount(X_LIST_SYNC_ITEM, X_LIST_SYNC_ITEM.SYNC_ID.eq(id),
                X_LIST_SYNC_ITEM.STATE.eq("PENDING"));
    }

    List<Item> pending(long id, int limit) {
        return db.select(X_LIST_SYNC_ITEM.SEQ, X_LIST_SYNC_ITEM.X_USER_ID, X_LIST_SYNC_ITEM.ACTION,
                        X_LIST_SYNC_ITEM.STAKEHOLDER_ID)
                .from(X_LIST_SYNC_ITEM)
                .where(X_LIST_SYNC_ITEM.SYNC_ID.eq(id), X_LIST_SYNC_ITEM.STATE.eq("PENDING"))
                .orderBy(X_LIST_SYNC_ITEM.SEQ)
                .limit(limit)
                .fetch(r -> new Item(r.get(X_LIST_SYNC_ITEM.SEQ), r.get(X_LIST_SYNC_ITEM.X_USER_ID),
                        r.get(X_LIST_SYNC_ITEM.ACTION), r.get(X_LIST_SYNC_ITEM.STAKEHOLDER_ID)));
    }

    /**
     * Records one change as done or failed and counts it on the job, in one statement (atomic, and
     * one round trip per change); answers whether the job is still running (false once it was
     * cancelled: the worker stops). A change recorded already is not counted twice.
     */
    boolean itemFinished(long id, Item item, boolean done, @Nullable String detail, Instant now) {
        int add = done && item.action().equals("ADD") ? 1 : 0;
        int remove = done && item.action().equals("REMOVE") ? 1 : 0;
        int follow = done && item.action().equals("FOLLOW") ? 1 : 0;
        String state = db.resultQuery("""
                with item as (
                    update x_list_sync_item set state = ?, detail = ?, done_at = cast(? as timestamptz)
                    where sync_id = ? and seq = ? and state = 'PENDING'
                    returning 1),
                n as (select count(*)::int as n from item)
                update x_list_sync set
                    done = done + n.n,
                    added = added + ? * n.n,
                    removed = removed + ? * n.n,
                    followed = followed + ? * n.n,
                    failed = failed + ? * n.n,
                    attempts = case when ? then 0 else attempts end
                from n
                where x_list_sync.id = ?
                returning x_list_sync.state""",
                done ? "DONE" : "FAILED", detail, DSL.val(utc(now), X_LIST_SYNC_ITEM.DONE_AT), id, item.seq(), add, remove, follow, done ? 0 : 1, done, id)
                .fetchOne(0, String.class);
        return SyncState.RUNNING.name().equals(state);
    }

    /** The job goes on at {@code nextAt}; {@code attempts} counts failed tries in a row, {@code message} says why it waits. */
    void continueAt(long id, Instant nextAt, @Nullable Integer attempts, @Nullable String message) {
        var update = db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.NEXT_AT, utc(nextAt))
                .set(X_LIST_SYNC.MESSAGE, message);
        if (attempts != null) {
            update = update.set(X_LIST_SYNC.ATTEMPTS, attempts);
        }
        update.where(X_LIST_SYNC.ID.eq(id), X_LIST_SYNC.STATE.in(WORKABLE)).execute();
    }

    boolean finish(long id, SyncState state, @Nullable String message, Instant now) {
        return db.update(X_LIST_SYNC)
                .set(X_LIST_SYNC.STATE, state.name())
                .set(X_LIST_SYNC.MESSAGE, message)
                .set(X_LIST_SYNC.FINISHED_AT, utc(now))
                .setNull(X_LIST_SYNC.NEXT_AT)
                .where(X_LIST_SYNC.ID.eq(id), X_LIST_SYNC.STATE.in(WORKABLE))
                .execute() == 1;
    }

    List<SyncProblem> problems(long id) {
        return db.select(X_LIST_SYNC_ITEM.ACTION, X_LIST_SYNC_ITEM.X_USER_ID, X_LIST_SYNC_ITEM.STAKEHOLDER_ID,
                        X_LIST_SYNC_ITEM.DETAIL, STAKEHOLDER.HANDLE, STAKEHOLDER.NAME)
                .from(X_LIST_SYNC_ITEM)
                .leftJoin(STAKEHOLDER).on(STAKEHOLDER.ID.eq(X_LIST_SYNC_ITEM.STAKEHOLDER_ID))
                .where(X_LIST_SYNC_ITEM.SYNC_ID.eq(id), X_LIST_SYNC_ITEM.STATE.eq("FAILED"))
                .orderBy(X_LIST_SYNC_ITEM.SEQ)
                .fetch(r -> new SyncProblem(r.get(X_LIST_SYNC_ITEM.ACTION), r.get(X_LIST_SYNC_ITEM.X_USER_ID),
                        r.get(X_LIST_SYNC_ITEM.STAKEHOLDER_ID), r.get(STAKEHOLDER.HANDLE), r.get(STAKEHOLDER.NAME),
                        r.get(X_LIST_SYNC_ITEM.DETAIL) == null ? "" : r.get(X_LIST_SYNC_ITEM.DETAIL)));
    }

    // ------------------------------------------------------------------ pace

    /**
     * Takes up to {@code wanted} requests from the account's window, starting a new window when the
     * last one is over. Runs in the caller's transaction; the row lock orders concurrent jobs of one account.
     */
    Reservation reserve(long accountId, Budget budget, int wanted, Instant now) {
        var row = lockedWindow(accountId, budget);
        Instant start = row.getWindowStartedAt().toInstant();
        int used = row.getUsed();
        if (!now.isBefore(start.plus(Budget.SPAN))) {
            start = now;
            used = 0;
        }
        int granted = Math.max(0, Math.min(wanted, budget.limit() - used));
        db.update(X_LIST_SYNC_PACE)
                .set(X_LIST_SYNC_PACE.WINDOW_STARTED_AT, utc(start))
                .set(X_LIST_SYNC_PACE.USED, used + granted)
                .where(X_LIST_SYNC_PACE.ACCOUNT_ID.eq(accountId), X_LIST_SYNC_PACE.BUDGET.eq(budget.name()))
                .execute();
        return new Reservation(granted, start, start.plus(Budget.SPAN));
    }

    /** Gives back requests reserved but not made, if their window is still the current one. */
    void release(long accountId, Budget budget, Instant windowStart, int unused) {
        if (unused <= 0) {
            return;
        }
        db.update(X_LIST_SYNC_PACE)
                .set(X_LIST_SYNC_PACE.USED, DSL.greatest(DSL.inline(0), X_LIST_SYNC_PACE.USED.minus(unused)))
                .where(X_LIST_SYNC_PACE.ACCOUNT_ID.eq(accountId), X_LIST_SYNC_PACE.BUDGET.eq(budget.name()),
                        X_LIST_SYNC_PACE.WINDOW_STARTED_AT.eq(utc(windowStart)))
                .execute();
    }

    /**
     * X said the limit is reached until {@code until}: nothing more for this account before then,
     * and a new window from then on (X's word on its own window wins over our reckoning).
     */
    void exhaust(long accountId, Budget budget, Instant until) {
        lockedWindow(accountId, budget);
        db.update(X_LIST_SYNC_PACE)
                .set(X_LIST_SYNC_PACE.WINDOW_STARTED_AT, utc(until.minus(Budget.SPAN)))
                .set(X_LIST_SYNC_PACE.USED, budget.limit())
                .where(X_LIST_SYNC_PACE.ACCOUNT_ID.eq(accountId), X_LIST_SYNC_PACE.BUDGET.eq(budget.name()))
                .execute();
    }

    Optional<Window> window(long accountId, Budget budget) {
        return db.selectFrom(X_LIST_SYNC_PACE)
                .where(X_LIST_SYNC_PACE.ACCOUNT_ID.eq(accountId), X_LIST_SYNC_PACE.BUDGET.eq(budget.name()))
                .fetchOptional(r -> new Window(r.getWindowStartedAt().toInstant(), r.getUsed()));
    }

    private org.noticeboard.db.jooq.tables.records.XListSyncPaceRecord lockedWindow(long accountId, Budget budget) {
        db.insertInto(X_LIST_SYNC_PACE)
                .set(X_LIST_SYNC_PACE.ACCOUNT_ID, accountId)
                .set(X_LIST_SYNC_PACE.BUDGET, budget.name())
                .set(X_LIST_SYNC_PACE.WINDOW_STARTED_AT, OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .set(X_LIST_SYNC_PACE.USED, 0)
                .onConflictDoNothing()
                .execute();
        return db.selectFrom(X_LIST_SYNC_PACE)
                .where(X_LIST_SYNC_PACE.ACCOUNT_ID.eq(accountId), X_LIST_SYNC_PACE.BUDGET.eq(budget.name()))
                .forUpdate()
                .fetchSingle();
    }

    // ------------------------------------------------------------------ mapping

    private List<SyncRow> fetch(Condition condition) {
        return db.select(X_LIST_SYNC.asterisk(), FOLLOW_LIST.NAME, FOLLOW_LIST.DESCRIPTION, FOLLOW_LIST.VISIBILITY,
                        FOLLOW_LIST.DEPARTMENT_ID, OFFICIAL_ACCOUNT.HANDLE, OFFICIAL_ACCOUNT.DEPARTMENT_ID,
                        OFFICIAL_ACCOUNT.X_USER_ID, REQUESTER.DISPLAY_NAME, APPROVER.DISPLAY_NAME)
                .from(X_LIST_SYNC)
                .join(FOLLOW_LIST).on(FOLLOW_LIST.ID.eq(X_LIST_SYNC.LIST_ID))
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(X_LIST_SYNC.ACCOUNT_ID))
                .leftJoin(REQUESTER).on(REQUESTER.ID.eq(X_LIST_SYNC.REQUESTED_BY))
                .leftJoin(APPROVER).on(APPROVER.ID.eq(X_LIST_SYNC.APPROVED_BY))
                .where(condition)
                .orderBy(X_LIST_SYNC.ID.desc())
                .fetch(ListSyncRepository::toRow);
    }

    private static SyncRow toRow(Record r) {
        String requester = r.get(REQUESTER.DISPLAY_NAME);
        return new SyncRow(r.get(X_LIST_SYNC.ID), r.get(X_LIST_SYNC.ORGANISATION_ID), r.get(X_LIST_SYNC.LIST_ID),
                r.get(FOLLOW_LIST.NAME), r.get(FOLLOW_LIST.DESCRIPTION), r.get(FOLLOW_LIST.VISIBILITY),
                r.get(FOLLOW_LIST.DEPARTMENT_ID), r.get(X_LIST_SYNC.ACCOUNT_ID), r.get(OFFICIAL_ACCOUNT.HANDLE),
                r.get(OFFICIAL_ACCOUNT.DEPARTMENT_ID), r.get(OFFICIAL_ACCOUNT.X_USER_ID),
                SyncKind.valueOf(r.get(X_LIST_SYNC.KIND)), SyncState.valueOf(r.get(X_LIST_SYNC.STATE)),
                r.get(X_LIST_SYNC.X_LIST_ID), r.get(X_LIST_SYNC.X_LIST_RECREATED), r.get(X_LIST_SYNC.TOTAL),
                r.get(X_LIST_SYNC.DONE), r.get(X_LIST_SYNC.ADDED), r.get(X_LIST_SYNC.REMOVED),
                r.get(X_LIST_SYNC.FOLLOWED), r.get(X_LIST_SYNC.FAILED), r.get(X_LIST_SYNC.SKIPPED),
                r.get(X_LIST_SYNC.ATTEMPTS), r.get(X_LIST_SYNC.REQUESTED_BY), requester == null ? "?" : requester,
                r.get(X_LIST_SYNC.APPROVED_BY), r.get(APPROVER.DISPLAY_NAME),
                r.get(X_LIST_SYNC.CREATED_AT).toInstant(), instant(r.get(X_LIST_SYNC.PLANNED_AT)),
                instant(r.get(X_LIST_SYNC.STARTED_AT)), instant(r.get(X_LIST_SYNC.FINISHED_AT)),
                instant(r.get(X_LIST_SYNC.NEXT_AT)), r.get(X_LIST_SYNC.MESSAGE));
    }

    static List<Item> numbered(Collection<Item> items) {
        List<Item> numbered = new ArrayList<>(items.size());
        int seq = 0;
        for (Item item : items) {
            numbered.add(new Item(++seq, item.xUserId(), item.action(), item.stakeholderId()));
        }
        return numbered;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
