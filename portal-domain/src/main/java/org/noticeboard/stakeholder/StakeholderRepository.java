package org.noticeboard.stakeholder;

import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.XHandle;
import org.noticeboard.db.jooq.tables.records.StakeholderRecord;
import org.springframework.stereotype.Repository;

@Repository
class StakeholderRepository {

    /** Joins a stakeholder's topics into one text for array-shaped statements; {@link StakeholderFields} keeps it out of topics. */
    static final String TOPIC_SEPARATOR = "\u001F";

    private final DSLContext db;

    StakeholderRepository(DSLContext db) {
        this.db = db;
    }

    /** Handles (lower case) of the organisation's political stakeholders: flagged political, or MPs, ministers, devolved members. */
    java.util.Set<String> politicalHandles(long organisationId) {
        return new java.util.HashSet<>(db.select(STAKEHOLDER.HANDLE).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.HANDLE.isNotNull(),
                        STAKEHOLDER.POLITICAL.isTrue().or(STAKEHOLDER.CATEGORY.in(
                                StakeholderCategory.MP.name(), StakeholderCategory.MINISTER.name(),
                                StakeholderCategory.DEVOLVED_MEMBER.name())))
                .fetch(r -> r.value1().toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<Stakeholder> find(long organisationId, long id) {
        return db.selectFrom(STAKEHOLDER).where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.ID.eq(id))
                .fetchOptional(StakeholderRepository::toStakeholder);
    }

    List<Stakeholder> findAll(long organisationId, Collection<Long> ids) {
        return db.selectFrom(STAKEHOLDER).where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.ID.in(ids))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .fetch(StakeholderRepository::toStakeholder);
    }

    Optional<Stakeholder> findByHandle(long organisationId, XHandle handle) {
        return db.selectFrom(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId),
                        DSL.lower(STAKEHOLDER.HANDLE).eq(StakeholderFields.key(handle)))
                .fetchOptional(StakeholderRepository::toStakeholder);
    }

    Optional<Stakeholder> findByXUserId(long organisationId, String xUserId) {
        return db.selectFrom(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.X_USER_ID.eq(xUserId))
                .fetchOptional(StakeholderRepository::toStakeholder);
    }

    /**
     * The stakeholders with these handles (lower-cased), by lower-cased handle. {@code lock} holds
     * them until the transaction ends, so that what an import planned for them still holds when it writes.
     */
    Map<String, Stakeholder> findByHandles(long organisationId, Collection<String> handleKeys, boolean lock) {
        var query = db.selectFrom(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId),
                        DSL.lower(STAKEHOLDER.HANDLE).eq(DSL.any(handleKeys.toArray(String[]::new))));
        var rows = lock ? query.forUpdate().fetch() : query.fetch();
        var found = new HashMap<String, Stakeholder>();
        rows.forEach(r -> found.put(r.getHandle().toLowerCase(Locale.ROOT), toStakeholder(r)));
        return found;
    }

    long insert(long organisationId, StakeholderFields.Clean clean, @Nullable XFacts x, @Nullable Long createdBy,
            Instant at) {
        var insert = db.insertInto(STAKEHOLDER)
                .set(STAKEHOLDER.ORGANISATION_ID, organisationId)
                .set(STAKEHOLDER.HANDLE, clean.handle().value())
                .set(STAKEHOLDER.NAME, clean.name())
                .set(STAKEHOLDER.CATEGORY, clean.category().name())
                .set(STAKEHOLDER.REGION, clean.region())
                .set(STAKEHOLDER.TOPICS, clean.topics().toArray(String[]::new))
                .set(STAKEHOLDER.POLITICAL, clean.political())
                .set(STAKEHOLDER.NOTES, clean.notes())
                .set(STAKEHOLDER.CREATED_BY, createdBy)
                .set(STAKEHOLDER.CREATED_AT, utc(at))
                .set(STAKEHOLDER.UPDATED_AT, utc(at));
        if (x != null) {
            insert = insert.set(STAKEHOLDER.X_USER_ID, x.userId())
                    .set(STAKEHOLDER.X_NAME, x.name())
                    .set(STAKEHOLDER.FOLLOWERS_COUNT, x.followers())
                    .set(STAKEHOLDER.X_EXISTS, x.exists())
                    .set(STAKEHOLDER.CHECKED_AT, utc(x.at()));
        }
        return insert.returning(STAKEHOLDER.ID).fetchSingle(STAKEHOLDER.ID);
    }

    /**
     * Saves what a person changed. A new handle is a new X user as far as we know: {@code x} is what X
     * said about it, or null to forget the old answer until it is checked.
     */
    boolean update(long organisationId, long id, StakeholderFields.Clean clean, boolean handleChanged,
            @Nullable XFacts x, int expectedVersion, Instant at) {
        var update = db.update(STAKEHOLDER)
                .set(STAKEHOLDER.HANDLE, clean.handle().value())
                .set(STAKEHOLDER.NAME, clean.name())
                .set(STAKEHOLDER.CATEGORY, clean.category().name())
                .set(STAKEHOLDER.REGION, clean.region())
                .set(STAKEHOLDER.TOPICS, clean.topics().toArray(String[]::new))
                .set(STAKEHOLDER.POLITICAL, clean.political())
                .set(STAKEHOLDER.NOTES, clean.notes())
                .set(STAKEHOLDER.UPDATED_AT, utc(at))
                .set(STAKEHOLDER.VERSION, STAKEHOLDER.VERSION.plus(1));
        if (handleChanged) {
            update = update.set(STAKEHOLDER.X_USER_ID, x == null ? null : x.userId())
                    .set(STAKEHOLDER.X_NAME, x == null ? null : x.name())
                    .set(STAKEHOLDER.FOLLOWERS_COUNT, x == null ? null : x.followers())
                    .set(STAKEHOLDER.X_EXISTS, x == null ? null : x.exists())
                    .set(STAKEHOLDER.CHECKED_AT, x == null ? null : utc(x.at()));
        }
        return update.where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.ID.eq(id),
                        STAKEHOLDER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * Records what X said. The version stays: a check changes nothing a person typed, and must not
     * make someone's open edit fail as "changed meanwhile".
     */
    void recordX(long organisationId, long id, XFacts x) {
        db.update(STAKEHOLDER)
                .set(STAKEHOLDER.X_USER_ID, x.userId())
                .set(STAKEHOLDER.X_NAME, x.name())
                .set(STAKEHOLDER.FOLLOWERS_COUNT, x.followers())
                .set(STAKEHOLDER.X_EXISTS, x.exists())
                .set(STAKEHOLDER.CHECKED_AT, utc(x.at()))
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.ID.eq(id))
                .execute();
    }

    boolean delete(long organisationId, long id, int expectedVersion) {
        return db.deleteFrom(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.ID.eq(id),
                        STAKEHOLDER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    int count(long organisationId, StakeholderQuery query) {
        return db.fetchCount(STAKEHOLDER, where(organisationId, query));
    }

    /**
     * A page in name order and the number of matches in all. With free text the matches come from the
     * trigram index on {@code search_text} and must all be read to be sorted, so one statement counts
     * them on the way ({@code count(*) over ()}) instead of reading them twice. Without text the
     * (organisation, name) and (organisation, category, name) indexes give the page in order from
     * their first entries, and counting is a separate index-only scan.
     */
    StakeholderPage page(long organisationId, StakeholderQuery query, int offset, int limit) {
        if (words(query.text()).isEmpty()) {
            int total = count(organisationId, query);
            return new StakeholderPage(total <= offset ? List.of() : search(organisationId, query, offset, limit), total,
                    offset, limit);
        }
        var total = DSL.count().over().as("total");
        var rows = db.select(STAKEHOLDER.asterisk(), total).from(STAKEHOLDER)
                .where(where(organisationId, query))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .offset(offset)
                .limit(limit)
                .fetch();
        if (rows.isEmpty()) {
            return new StakeholderPage(List.of(), offset == 0 ? 0 : count(organisationId, query), offset, limit);
        }
        return new StakeholderPage(rows.map(r -> toStakeholder(r.into(STAKEHOLDER))), rows.getFirst().get(total), offset,
                limit);
    }

    /** A page in name order (all of them with {@code limit} {@link Integer#MAX_VALUE}). */
    List<Stakeholder> search(long organisationId, StakeholderQuery query, int offset, int limit) {
        return db.selectFrom(STAKEHOLDER)
                .where(where(organisationId, query))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(StakeholderRepository::toStakeholder);
    }

    /** The SQL that {@link #page} runs for the page, for the benchmark's EXPLAIN. */
    String searchSql(long organisationId, StakeholderQuery query, int offset, int limit) {
        var columns = new ArrayList<org.jooq.SelectFieldOrAsterisk>(List.of(STAKEHOLDER.asterisk()));
        if (!words(query.text()).isEmpty()) {
            columns.add(DSL.count().over().as("total"));
        }
        return db.select(columns).from(STAKEHOLDER)
                .where(where(organisationId, query))
                .orderBy(DSL.lower(STAKEHOLDER.NAME), STAKEHOLDER.ID)
                .offset(offset)
                .limit(limit)
                .getSQL(org.jooq.conf.ParamType.INLINED);
    }

    /** Stakeholders never checked against X, oldest first. */
    List<Long> unchecked(long organisationId, int limit) {
        return db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.CHECKED_AT.isNull())
                .orderBy(STAKEHOLDER.ID)
                .limit(limit)
                .fetch(STAKEHOLDER.ID);
    }

    /**
     * Organisations with stakeholders due a check (never checked, or last checked before {@code
     * staleBefore}) and an official account connected to X to ask with.
     */
    List<Long> organisationsDueACheck(Instant staleBefore) {
        var account = OFFICIAL_ACCOUNT;
        return db.selectDistinct(STAKEHOLDER.ORGANISATION_ID).from(STAKEHOLDER)
                .where(due(staleBefore))
                .andExists(DSL.selectOne().from(account).where(account.ORGANISATION_ID.eq(STAKEHOLDER.ORGANISATION_ID),
                        account.X_USER_ID.isNotNull(), account.CONNECTION_PROBLEM.isNull()))
                .orderBy(STAKEHOLDER.ORGANISATION_ID)
                .fetch(STAKEHOLDER.ORGANISATION_ID);
    }

    /** Stakeholders due a check, never-checked ones first, then the longest unchecked. */
    List<Long> dueACheck(long organisationId, Instant staleBefore, int limit) {
        return db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), due(staleBefore))
                .orderBy(STAKEHOLDER.CHECKED_AT.asc().nullsFirst(), STAKEHOLDER.ID)
                .limit(limit)
                .fetch(STAKEHOLDER.ID);
    }

    private static Condition due(Instant staleBefore) {
        return STAKEHOLDER.CHECKED_AT.isNull().or(STAKEHOLDER.CHECKED_AT.lt(utc(staleBefore)));
    }

    /** ANALYZE of the directory (PostgreSQL samples it, rows of the running transaction included). */
    void refreshStatistics() {
        db.execute("analyze stakeholder");
    }

    int uncheckedCount(long organisationId) {
        return db.fetchCount(STAKEHOLDER, STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.CHECKED_AT.isNull());
    }

    List<String> regions(long organisationId) {
        return db.selectDistinct(STAKEHOLDER.REGION).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.REGION.isNotNull())
                .orderBy(STAKEHOLDER.REGION)
                .fetch(STAKEHOLDER.REGION);
    }

    List<String> topics(long organisationId) {
        var topic = DSL.field(DSL.name("t", "topic"), String.class);
        return db.selectDistinct(topic)
                .from(STAKEHOLDER, DSL.unnest(STAKEHOLDER.TOPICS).as("t", "topic"))
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId))
                .orderBy(topic)
                .fetch(topic);
    }

    /**
     * Inserts imported stakeholders, unchecked; returns their ids by lower-cased handle. One statement
     * whatever the number of rows: the columns travel as arrays (topics joined by a unit separator,
     * which topics cannot hold), so 10,000 rows cost one round trip and seven bind values.
     */
    Map<String, Long> insertAll(long organisationId, List<StakeholderFields.Clean> rows, @Nullable Long createdBy,
            Instant at) {
        var ids = new HashMap<String, Long>();
        if (rows.isEmpty()) {
            return ids;
        }
        var when = utc(at);
        var inserted = db.resultQuery("""
                        insert into stakeholder (organisation_id, handle, name, category, region, topics, political, notes,
                                                 created_by, created_at, updated_at)
                        select {0}, t.handle, t.name, t.category, t.region, string_to_array(t.topics, chr(31)), t.political,
                               t.notes, {1}, {2}, {2}
                        from unnest({3}::text[], {4}::text[], {5}::text[], {6}::text[], {7}::text[], {8}::boolean[], {9}::text[])
                             with ordinality as t(handle, name, category, region, topics, political, notes, n)
                        order by t.n
                        returning id, handle""",
                DSL.val(organisationId), DSL.val(createdBy, Long.class), DSL.val(when),
                array(rows, r -> r.handle().value()), array(rows, StakeholderFields.Clean::name),
                array(rows, r -> r.category().name()), array(rows, StakeholderFields.Clean::region),
                array(rows, r -> String.join(TOPIC_SEPARATOR, r.topics())),
                DSL.val(rows.stream().map(StakeholderFields.Clean::political).toArray(Boolean[]::new)),
                array(rows, StakeholderFields.Clean::notes))
                .fetch();
        for (var r : inserted) {
            ids.put(r.get("handle", String.class).toLowerCase(Locale.ROOT), r.get("id", Long.class));
        }
        return ids;
    }

    /**
     * Saves merged fields of imported stakeholders in one statement; false when one of them changed
     * since it was read (its version moved on).
     */
    boolean updateAll(long organisationId, List<Merged> rows, Instant at) {
        if (rows.isEmpty()) {
            return true;
        }
        int updated = db.query("""
                        update stakeholder s
                        set name = t.name, category = t.category, region = t.region,
                            topics = string_to_array(t.topics, chr(31)), political = t.political, notes = t.notes,
                            updated_at = {1}, version = s.version + 1
                        from unnest({2}::bigint[], {3}::integer[], {4}::text[], {5}::text[], {6}::text[], {7}::text[],
                                    {8}::boolean[], {9}::text[])
                             as t(id, version, name, category, region, topics, political, notes)
                        where s.organisation_id = {0} and s.id = t.id and s.version = t.version""",
                DSL.val(organisationId), DSL.val(utc(at)),
                DSL.val(rows.stream().map(Merged::id).toArray(Long[]::new)),
                DSL.val(rows.stream().map(Merged::version).toArray(Integer[]::new)),
                array(rows, m -> m.clean().name()), array(rows, m -> m.clean().category().name()),
                array(rows, m -> m.clean().region()), array(rows, m -> String.join(TOPIC_SEPARATOR, m.clean().topics())),
                DSL.val(rows.stream().map(m -> m.clean().political()).toArray(Boolean[]::new)),
                array(rows, m -> m.clean().notes()))
                .execute();
        return updated == rows.size();
    }

    private static <T> org.jooq.Field<String[]> array(List<T> rows, java.util.function.Function<T, @Nullable String> value) {
        return DSL.val(rows.stream().map(value).toArray(String[]::new));
    }

    record Merged(long id, int version, StakeholderFields.Clean clean) {}

    private static Condition where(long organisationId, StakeholderQuery query) {
        Condition condition = STAKEHOLDER.ORGANISATION_ID.eq(organisationId);
        for (String word : words(query.text())) {
            condition = condition.and(STAKEHOLDER.SEARCH_TEXT.like("%" + escapeLike(word) + "%", '\\'));
        }
        if (query.category() != null) {
            condition = condition.and(STAKEHOLDER.CATEGORY.eq(query.category().name()));
        }
        if (query.region() != null && !query.region().isBlank()) {
            condition = condition.and(DSL.lower(STAKEHOLDER.REGION).eq(query.region().strip().toLowerCase(Locale.ROOT)));
        }
        if (query.topic() != null && !query.topic().isBlank()) {
            condition = condition.and(DSL.condition("exists (select 1 from unnest({0}) t where lower(t) = {1})",
                    STAKEHOLDER.TOPICS, DSL.val(query.topic().strip().toLowerCase(Locale.ROOT))));
        }
        if (query.political() != null) {
            condition = condition.and(STAKEHOLDER.POLITICAL.eq(query.political()));
        }
        return condition;
    }

    /** The words of a free-text search, lower-cased, each without a leading @ (people type handles either way). */
    static List<String> words(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var words = new ArrayList<String>();
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            String clean = word.startsWith("@") ? word.substring(1) : word;
            if (!clean.isEmpty()) {
                words.add(clean);
            }
        }
        return words;
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static Stakeholder toStakeholder(StakeholderRecord r) {
        return new Stakeholder(r.getId(), new XHandle(r.getHandle()), r.getName(),
                StakeholderCategory.valueOf(r.getCategory()), r.getRegion(), List.of(r.getTopics()), r.getPolitical(),
                r.getNotes(), r.getXUserId(), r.getXName(), r.getFollowersCount(), r.getXExists(),
                instant(r.getCheckedAt()), r.getCreatedAt().toInstant(), r.getUpdatedAt().toInstant(), r.getVersion());
    }
}
