package org.noticeboard.followlist;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_CHANGE;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_PUBLIC_ACCESS;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_SUBSCRIPTION;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ORGANISATION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.XHandle;
import org.noticeboard.db.jooq.tables.records.StakeholderRecord;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderLists;
import org.springframework.stereotype.Repository;

@Repository
class FollowListRepository {

    private final DSLContext db;

    FollowListRepository(DSLContext db) {
        this.db = db;
    }

    /** A list as stored, before deciding what the caller may see or do with it. */
    record ListRow(long id, long organisationId, long departmentId, String departmentName, String name,
            @Nullable String description, @Nullable String purpose, Visibility visibility, @Nullable String publicToken,
            @Nullable Long forkedFrom, int memberCount, Instant createdAt, Instant updatedAt, int version) {}

    /**
     * Counts one view (or download) of a PUBLIC list through its link on {@code day}: one row per list and
     * day, however many views. True when this was the day's first access (the row was made now).
     */
    boolean countPublicAccess(long organisationId, long listId, java.time.LocalDate day, boolean download) {
        var table = FOLLOW_LIST_PUBLIC_ACCESS;
        return db.insertInto(table)
                .set(table.ORGANISATION_ID, organisationId)
                .set(table.LIST_ID, listId)
                .set(table.DAY, day)
                .set(table.VIEWS, download ? 0L : 1L)
                .set(table.DOWNLOADS, download ? 1L : 0L)
                .onConflict(table.LIST_ID, table.DAY)
                .doUpdate()
                .set(download ? table.DOWNLOADS : table.VIEWS, (download ? table.DOWNLOADS : table.VIEWS).plus(1L))
                // xmax is 0 on a row this statement inserted, the updating transaction's id otherwise
                .returningResult(org.jooq.impl.DSL.field("xmax = 0", Boolean.class))
                .fetchSingle()
                .value1();
    }

    /** Views and downloads of the organisation's public lists, per list and day, newest first. */
    List<PublicAccess> publicAccess(long organisationId, java.time.LocalDate from) {
        var table = FOLLOW_LIST_PUBLIC_ACCESS;
        return db.select(table.LIST_ID, FOLLOW_LIST.NAME, table.DAY, table.VIEWS, table.DOWNLOADS)
                .from(table).join(FOLLOW_LIST).on(FOLLOW_LIST.ID.eq(table.LIST_ID))
                .where(table.ORGANISATION_ID.eq(organisationId), table.DAY.ge(from))
                .orderBy(table.DAY.desc(), FOLLOW_LIST.NAME)
                .fetch(r -> new PublicAccess(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The department a member belongs to, if any. */
    Optional<Long> departmentOf(long organisationId, long memberId) {
        return db.select(MEMBER.DEPARTMENT_ID).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.ID.eq(memberId))
                .fetchOptional(MEMBER.DEPARTMENT_ID);
    }

    Optional<ListRow> find(long organisationId, long id) {
        return lists(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId).and(FOLLOW_LIST.ID.eq(id))).stream().findFirst();
    }

    /** The lists of the organisation that a member of these departments sees (all of them when {@code everything}). */
    List<ListRow> visible(long organisationId, Set<Long> departments, boolean everything) {
        Condition condition = FOLLOW_LIST.ORGANISATION_ID.eq(organisationId);
        if (!everything) {
            condition = condition.and(FOLLOW_LIST.VISIBILITY.ne(Visibility.DEPARTMENT.name())
                    .or(FOLLOW_LIST.DEPARTMENT_ID.in(departments)));
        }
        return lists(condition);
    }

    Optional<ListRow> findPublic(String token) {
        return lists(FOLLOW_LIST.PUBLIC_TOKEN.eq(token).and(FOLLOW_LIST.VISIBILITY.eq(Visibility.PUBLIC.name())))
                .stream().findFirst();
    }

    String organisationName(long organisationId) {
        return db.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchSingle(ORGANISATION.NAME);
    }

    /** The lists holding a stakeholder. */
    List<ListRow> holding(long organisationId, long stakeholderId) {
        return lists(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId).and(DSL.exists(DSL.selectOne().from(FOLLOW_LIST_MEMBER)
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(FOLLOW_LIST.ID), FOLLOW_LIST_MEMBER.STAKEHOLDER_ID.eq(stakeholderId)))));
    }

    private List<ListRow> lists(Condition condition) {
        Field<Integer> members = DSL.field(DSL.selectCount().from(FOLLOW_LIST_MEMBER)
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(FOLLOW_LIST.ID)));
        return db.select(FOLLOW_LIST.asterisk(), DEPARTMENT.NAME, members.as("members"))
                .from(FOLLOW_LIST)
                .join(DEPARTMENT).on(DEPARTMENT.ID.eq(FOLLOW_LIST.DEPARTMENT_ID))
                .where(condition)
                .orderBy(DSL.lower(DEPARTMENT.NAME), DSL.lower(FOLLOW_LIST.NAME), FOLLOW_LIST.ID)
                .fetch(r -> new ListRow(r.get(FOLLOW_LIST.ID), r.get(FOLLOW_LIST.ORGANISATION_ID),
                        r.get(FOLLOW_LIST.DEPARTMENT_ID), r.get(DEPARTMENT.NAME), r.get(FOLLOW_LIST.NAME),
                        r.get(FOLLOW_LIST.DESCRIPTION), r.get(FOLLOW_LIST.PURPOSE),
                        Visibility.valueOf(r.get(FOLLOW_LIST.VISIBILITY)), r.get(FOLLOW_LIST.PUBLIC_TOKEN),
                        r.get(FOLLOW_LIST.FORKED_FROM), r.get("members", Integer.class),
                        r.get(FOLLOW_LIST.CREATED_AT).toInstant(), r.get(FOLLOW_LIST.UPDATED_AT).toInstant(),
                        r.get(FOLLOW_LIST.VERSION)));
    }

    long insert(long organisationId, long departmentId, String name, @Nullable String description,
            @Nullable String purpose, @Nullable Long forkedFrom, @Nullable Long createdBy, Instant at) {
        return db.insertInto(FOLLOW_LIST)
                .set(FOLLOW_LIST.ORGANISATION_ID, organisationId)
                .set(FOLLOW_LIST.DEPARTMENT_ID, departmentId)
                .set(FOLLOW_LIST.NAME, name)
                .set(FOLLOW_LIST.DESCRIPTION, description)
                .set(FOLLOW_LIST.PURPOSE, purpose)
                .set(FOLLOW_LIST.FORKED_FROM, forkedFrom)
                .set(FOLLOW_LIST.CREATED_BY, createdBy)
                .set(FOLLOW_LIST.CREATED_AT, utc(at))
                .set(FOLLOW_LIST.UPDATED_AT, utc(at))
                .returning(FOLLOW_LIST.ID)
                .fetchSingle(FOLLOW_LIST.ID);
    }

    boolean update(long organisationId, long id, String name, @Nullable String description, @Nullable String purpose,
            int expectedVersion, Instant at) {
        return db.update(FOLLOW_LIST)
                        .set(FOLLOW_LIST.NAME, name)
                        .set(FOLLOW_LIST.DESCRIPTION, description)
                        .set(FOLLOW_LIST.PURPOSE, purpose)
                        .set(FOLLOW_LIST.UPDATED_AT, utc(at))
                        .set(FOLLOW_LIST.VERSION, FOLLOW_LIST.VERSION.plus(1))
                        .where(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId), FOLLOW_LIST.ID.eq(id),
                                FOLLOW_LIST.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    boolean setVisibility(long organisationId, long id, Visibility visibility, @Nullable String publicToken,
            int expectedVersion, Instant at) {
        return db.update(FOLLOW_LIST)
                        .set(FOLLOW_LIST.VISIBILITY, visibility.name())
                        .set(FOLLOW_LIST.PUBLIC_TOKEN, publicToken)
                        .set(FOLLOW_LIST.UPDATED_AT, utc(at))
                        .set(FOLLOW_LIST.VERSION, FOLLOW_LIST.VERSION.plus(1))
                        .where(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId), FOLLOW_LIST.ID.eq(id),
                                FOLLOW_LIST.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    boolean delete(long organisationId, long id, int expectedVersion) {
        return db.deleteFrom(FOLLOW_LIST)
                        .where(FOLLOW_LIST.ORGANISATION_ID.eq(organisationId), FOLLOW_LIST.ID.eq(id),
                                FOLLOW_LIST.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    /** A member change moves the list's "updated" time, not its version: it does not clash with an edit of its name. */
    void touch(long id, Instant at) {
        db.update(FOLLOW_LIST).set(FOLLOW_LIST.UPDATED_AT, utc(at)).where(FOLLOW_LIST.ID.eq(id)).execute();
    }

    boolean isMember(long listId, long stakeholderId) {
        return db.fetchExists(FOLLOW_LIST_MEMBER, FOLLOW_LIST_MEMBER.LIST_ID.eq(listId),
                FOLLOW_LIST_MEMBER.STAKEHOLDER_ID.eq(stakeholderId));
    }

    Set<Long> memberIds(long listId) {
        return new HashSet<>(db.select(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID).from(FOLLOW_LIST_MEMBER)
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId)).fetch(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID));
    }

    /** Adds a member; false when it was on the list already. */
    boolean addMember(long organisationId, long listId, long stakeholderId, @Nullable Long by, Instant at) {
        return db.insertInto(FOLLOW_LIST_MEMBER)
                        .set(FOLLOW_LIST_MEMBER.LIST_ID, listId)
                        .set(FOLLOW_LIST_MEMBER.ORGANISATION_ID, organisationId)
                        .set(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID, stakeholderId)
                        .set(FOLLOW_LIST_MEMBER.ADDED_BY, by)
                        .set(FOLLOW_LIST_MEMBER.ADDED_AT, utc(at))
                        .onConflictDoNothing()
                        .execute() == 1;
    }

    boolean removeMember(long listId, long stakeholderId) {
        return db.deleteFrom(FOLLOW_LIST_MEMBER)
                        .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId), FOLLOW_LIST_MEMBER.STAKEHOLDER_ID.eq(stakeholderId))
                        .execute() == 1;
    }

    /**
     * Adds many members at once (an import, a fork), skipping those already on the list, with one
     * history entry for each one added; returns how many were added. One statement for any number:
     * the members travel as arrays.
     */
    int addMembers(long organisationId, long listId, List<StakeholderLists.ImportedMember> members, @Nullable Long by,
            String byName, @Nullable String note, Instant at) {
        if (members.isEmpty()) {
            return 0;
        }
        return db.query("""
                        with added as (
                            insert into follow_list_member (list_id, organisation_id, stakeholder_id, added_by, added_at)
                            select {0}, {1}, m.id, {2}, {3} from unnest({4}::bigint[]) as m(id)
                            on conflict do nothing
                            returning stakeholder_id)
                        insert into follow_list_change (organisation_id, list_id, stakeholder_id, stakeholder_handle,
                                                        stakeholder_name, change, member_id, member_name, note, at)
                        select {1}, {0}, m.id, m.handle, m.name, 'ADDED', {2}, {5}, {6}, {3}
                        from unnest({4}::bigint[], {7}::text[], {8}::text[]) with ordinality as m(id, handle, name, n)
                        join added on added.stakeholder_id = m.id
                        order by m.n""",
                DSL.val(listId), DSL.val(organisationId), DSL.val(by, Long.class), DSL.val(utc(at)),
                DSL.val(members.stream().map(StakeholderLists.ImportedMember::stakeholderId).toArray(Long[]::new)),
                DSL.val(byName), DSL.val(note, String.class),
                DSL.val(members.stream().map(StakeholderLists.ImportedMember::handle).toArray(String[]::new)),
                DSL.val(members.stream().map(StakeholderLists.ImportedMember::name).toArray(String[]::new)))
                .execute();
    }

    /** The members of a list as those to copy: id, handle and name. */
    List<StakeholderLists.ImportedMember> memberRefs(long listId) {
        return db.select(STAKEHOLDER.ID, STAKEHOLDER.HANDLE, STAKEHOLDER.NAME)
                .from(FOLLOW_LIST_MEMBER)
                .join(STAKEHOLDER).on(STAKEHOLDER.ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID))
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .fetch(r -> new StakeholderLists.ImportedMember(r.get(STAKEHOLDER.ID), r.get(STAKEHOLDER.HANDLE),
                        r.get(STAKEHOLDER.NAME)));
    }

    ListChange addChange(long organisationId, long listId, Stakeholder stakeholder, ListChange.Kind kind,
            @Nullable Long memberId, String memberName, @Nullable String note, Instant at) {
        long id = db.insertInto(FOLLOW_LIST_CHANGE)
                .set(FOLLOW_LIST_CHANGE.ORGANISATION_ID, organisationId)
                .set(FOLLOW_LIST_CHANGE.LIST_ID, listId)
                .set(FOLLOW_LIST_CHANGE.STAKEHOLDER_ID, stakeholder.id())
                .set(FOLLOW_LIST_CHANGE.STAKEHOLDER_HANDLE, stakeholder.handle().value())
                .set(FOLLOW_LIST_CHANGE.STAKEHOLDER_NAME, stakeholder.name())
                .set(FOLLOW_LIST_CHANGE.CHANGE, kind.name())
                .set(FOLLOW_LIST_CHANGE.MEMBER_ID, memberId)
                .set(FOLLOW_LIST_CHANGE.MEMBER_NAME, memberName)
                .set(FOLLOW_LIST_CHANGE.NOTE, note)
                .set(FOLLOW_LIST_CHANGE.AT, utc(at))
                .returning(FOLLOW_LIST_CHANGE.ID)
                .fetchSingle(FOLLOW_LIST_CHANGE.ID);
        return new ListChange(id, listId, stakeholder.id(), stakeholder.handle().value(), stakeholder.name(), kind,
                memberId, memberName, note, at);
    }

    /** A list's changes after {@code afterId}, newest first. */
    List<ListChange> changes(long listId, long afterId) {
        return db.selectFrom(FOLLOW_LIST_CHANGE)
                .where(FOLLOW_LIST_CHANGE.LIST_ID.eq(listId), FOLLOW_LIST_CHANGE.ID.gt(afterId))
                .orderBy(FOLLOW_LIST_CHANGE.ID.desc())
                .fetch(r -> new ListChange(r.getId(), r.getListId(), r.getStakeholderId(), r.getStakeholderHandle(),
                        r.getStakeholderName(), ListChange.Kind.valueOf(r.getChange()), r.getMemberId(), r.getMemberName(),
                        r.getNote(), r.getAt().toInstant()));
    }

    long lastChangeId(long listId) {
        Long last = db.select(DSL.max(FOLLOW_LIST_CHANGE.ID)).from(FOLLOW_LIST_CHANGE)
                .where(FOLLOW_LIST_CHANGE.LIST_ID.eq(listId)).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    /** The members with their directory entries, each with who added them and the note of that addition. */
    List<FollowListMember> members(long organisationId, long listId) {
        var added = FOLLOW_LIST_CHANGE.as("added");
        var latestAddition = DSL.lateral(DSL.select(added.MEMBER_NAME, added.NOTE).from(added)
                .where(added.LIST_ID.eq(FOLLOW_LIST_MEMBER.LIST_ID), added.STAKEHOLDER_ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID),
                        added.CHANGE.eq(ListChange.Kind.ADDED.name()))
                .orderBy(added.ID.desc())
                .limit(1)).as("latest");
        var byName = latestAddition.field(added.MEMBER_NAME);
        var note = latestAddition.field(added.NOTE);
        return db.select(STAKEHOLDER.asterisk(), FOLLOW_LIST_MEMBER.ADDED_AT, byName, note)
                .from(FOLLOW_LIST_MEMBER)
                .join(STAKEHOLDER).on(STAKEHOLDER.ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID))
                .leftJoin(latestAddition).on(DSL.trueCondition())
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId), FOLLOW_LIST_MEMBER.ORGANISATION_ID.eq(organisationId))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .fetch(r -> new FollowListMember(stakeholder(r.into(STAKEHOLDER)), r.get(byName),
                        r.get(FOLLOW_LIST_MEMBER.ADDED_AT).toInstant(), r.get(note)));
    }

    /** Only what a public page shows. */
    List<PublicFollowList.Member> publicMembers(long listId) {
        return db.select(STAKEHOLDER.HANDLE, STAKEHOLDER.NAME, STAKEHOLDER.CATEGORY, STAKEHOLDER.REGION, STAKEHOLDER.TOPICS)
                .from(FOLLOW_LIST_MEMBER)
                .join(STAKEHOLDER).on(STAKEHOLDER.ID.eq(FOLLOW_LIST_MEMBER.STAKEHOLDER_ID))
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .fetch(r -> new PublicFollowList.Member(r.get(STAKEHOLDER.HANDLE), r.get(STAKEHOLDER.NAME),
                        StakeholderCategory.valueOf(r.get(STAKEHOLDER.CATEGORY)), r.get(STAKEHOLDER.REGION),
                        List.of(r.get(STAKEHOLDER.TOPICS))));
    }

    record SubscriptionRow(long listId, long departmentId, long lastSeenChangeId, Instant createdAt) {}

    Optional<SubscriptionRow> subscription(long listId, long departmentId) {
        return db.selectFrom(FOLLOW_LIST_SUBSCRIPTION)
                .where(FOLLOW_LIST_SUBSCRIPTION.LIST_ID.eq(listId), FOLLOW_LIST_SUBSCRIPTION.DEPARTMENT_ID.eq(departmentId))
                .fetchOptional(r -> new SubscriptionRow(r.getListId(), r.getDepartmentId(), r.getLastSeenChangeId(),
                        r.getCreatedAt().toInstant()));
    }

    void subscribe(long organisationId, long listId, long departmentId, @Nullable Long by, long lastSeen, Instant at) {
        db.insertInto(FOLLOW_LIST_SUBSCRIPTION)
                .set(FOLLOW_LIST_SUBSCRIPTION.LIST_ID, listId)
                .set(FOLLOW_LIST_SUBSCRIPTION.ORGANISATION_ID, organisationId)
                .set(FOLLOW_LIST_SUBSCRIPTION.DEPARTMENT_ID, departmentId)
                .set(FOLLOW_LIST_SUBSCRIPTION.SUBSCRIBED_BY, by)
                .set(FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID, lastSeen)
                .set(FOLLOW_LIST_SUBSCRIPTION.CREATED_AT, utc(at))
                .onConflictDoNothing()
                .execute();
    }

    boolean unsubscribe(long listId, long departmentId) {
        return db.deleteFrom(FOLLOW_LIST_SUBSCRIPTION)
                        .where(FOLLOW_LIST_SUBSCRIPTION.LIST_ID.eq(listId),
                                FOLLOW_LIST_SUBSCRIPTION.DEPARTMENT_ID.eq(departmentId))
                        .execute() == 1;
    }

    /** Moves the mark forward only: an older page marked late must not bring back changes already seen. */
    void markSeen(long listId, long departmentId, long upTo) {
        db.update(FOLLOW_LIST_SUBSCRIPTION)
                .set(FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID, DSL.greatest(FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID,
                        DSL.val(upTo)))
                .where(FOLLOW_LIST_SUBSCRIPTION.LIST_ID.eq(listId), FOLLOW_LIST_SUBSCRIPTION.DEPARTMENT_ID.eq(departmentId))
                .execute();
    }

    /** A department's subscriptions with their lists as stored and the number of changes after each mark. */
    List<SubscriptionWithList> subscriptions(long organisationId, long departmentId) {
        Field<Integer> unseen = DSL.field(DSL.selectCount().from(FOLLOW_LIST_CHANGE)
                .where(FOLLOW_LIST_CHANGE.LIST_ID.eq(FOLLOW_LIST_SUBSCRIPTION.LIST_ID),
                        FOLLOW_LIST_CHANGE.ID.gt(FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID)));
        var rows = db.select(FOLLOW_LIST_SUBSCRIPTION.LIST_ID, FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID,
                        FOLLOW_LIST_SUBSCRIPTION.CREATED_AT, unseen.as("unseen"))
                .from(FOLLOW_LIST_SUBSCRIPTION)
                .where(FOLLOW_LIST_SUBSCRIPTION.ORGANISATION_ID.eq(organisationId),
                        FOLLOW_LIST_SUBSCRIPTION.DEPARTMENT_ID.eq(departmentId))
                .fetch();
        var result = new ArrayList<SubscriptionWithList>();
        for (Record r : rows) {
            find(organisationId, r.get(FOLLOW_LIST_SUBSCRIPTION.LIST_ID)).ifPresent(list -> result.add(
                    new SubscriptionWithList(list, r.get(FOLLOW_LIST_SUBSCRIPTION.LAST_SEEN_CHANGE_ID),
                            r.get("unseen", Integer.class), r.get(FOLLOW_LIST_SUBSCRIPTION.CREATED_AT).toInstant())));
        }
        return result;
    }

    record SubscriptionWithList(ListRow list, long lastSeenChangeId, int unseen, Instant subscribedAt) {}

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Stakeholder stakeholder(StakeholderRecord r) {
        return new Stakeholder(r.getId(), new XHandle(r.getHandle()), r.getName(),
                StakeholderCategory.valueOf(r.getCategory()), r.getRegion(), List.of(r.getTopics()), r.getPolitical(),
                r.getNotes(), r.getXUserId(), r.getXName(), r.getFollowersCount(), r.getXExists(),
                r.getCheckedAt() == null ? null : r.getCheckedAt().toInstant(), r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant(), r.getVersion());
    }
}
