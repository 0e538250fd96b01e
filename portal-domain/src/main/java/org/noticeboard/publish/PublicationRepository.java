package org.noticeboard.publish;

import static org.noticeboard.db.jooq.Tables.MEDIA;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_PUBLICATION_ATTEMPT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION_MEDIA;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.post.PostState;
import org.springframework.stereotype.Repository;

@Repository
class PublicationRepository {

    private static final List<String> PUBLISHABLE = List.of(PostState.SCHEDULED.name(), PostState.PUBLISHING.name());
    // the same expression as post_due_idx, so the scan uses it
    private static final Field<OffsetDateTime> DUE_AT = DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT);

    private final DSLContext db;

    PublicationRepository(DSLContext db) {
        this.db = db;
    }

    List<Long> due(Instant now, int limit) {
        return db.select(POST.ID).from(POST)
                .where(POST.STATE.in(PUBLISHABLE), DUE_AT.le(utc(now)).or(DUE_AT.isNull()))
                .orderBy(DUE_AT.asc().nullsFirst(), POST.ID)
                .limit(limit)
                .fetch(POST.ID);
    }

    Optional<DuePost> load(long postId) {
        var row = selectDue().where(POST.ID.eq(postId)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<DuePost.Image> images = db.select(POST_REVISION_MEDIA.MEDIA_ID, MEDIA.CONTENT_TYPE, POST_REVISION_MEDIA.ALT_TEXT)
                .from(POST_REVISION_MEDIA)
                .join(MEDIA).on(MEDIA.ID.eq(POST_REVISION_MEDIA.MEDIA_ID))
                .where(POST_REVISION_MEDIA.REVISION_ID.eq(row.get(POST_REVISION.ID)))
                .orderBy(POST_REVISION_MEDIA.POSITION)
                .fetch(r -> new DuePost.Image(r.get(POST_REVISION_MEDIA.MEDIA_ID), r.get(MEDIA.CONTENT_TYPE),
                        r.get(POST_REVISION_MEDIA.ALT_TEXT)));
        return Optional.of(duePost(row, images));
    }

    private SelectOnConditionStep<Record> selectDue() {
        return db.select(POST.asterisk(), OFFICIAL_ACCOUNT.HANDLE, OFFICIAL_ACCOUNT.X_USER_ID, POST_REVISION.TEXT,
                        POST_REVISION.REPLY_TO_URL, POST_REVISION.QUOTE_URL, POST_REVISION.ID)
                .from(POST)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION));
    }

    private static DuePost duePost(Record row, List<DuePost.Image> images) {
        return new DuePost(row.get(POST.ID), row.get(POST.ORGANISATION_ID), row.get(POST.ACCOUNT_ID),
                row.get(OFFICIAL_ACCOUNT.HANDLE), row.get(OFFICIAL_ACCOUNT.X_USER_ID), row.get(POST.AUTHOR_ID),
                PostState.valueOf(row.get(POST.STATE)), row.get(POST.CURRENT_REVISION), row.get(POST_REVISION.TEXT),
                row.get(POST_REVISION.REPLY_TO_URL), row.get(POST_REVISION.QUOTE_URL), images,
                instant(row.get(POST.SCHEDULED_AT)), instant(row.get(POST.NEXT_ATTEMPT_AT)),
                instant(row.get(POST.PUBLISH_STARTED_AT)), row.get(POST.PUBLISH_ATTEMPTS),
                "REPOST".equals(row.get(POST.KIND)));
    }

    /** The current revision has no image: a text post, which a batch can send in one request. */
    private static Condition textOnly() {
        return DSL.notExists(DSL.selectOne().from(POST_REVISION_MEDIA).join(POST_REVISION)
                .on(POST_REVISION.ID.eq(POST_REVISION_MEDIA.REVISION_ID))
                .where(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION)));
    }

    /**
     * Posts a batch may take, soonest first: due now (or as soon as approved), scheduled and never sent (nothing to reconcile),
     * text only (no image to upload) and not reposts.
     */
    List<Long> dueForBatch(Instant now, int limit) {
        // posts due at the same time take turns by account: each account's first post, then each one's
        // second... so that one account's many posts do not hold back another's first
        Field<Integer> turn = DSL.rowNumber().over(DSL.partitionBy(POST.ACCOUNT_ID).orderBy(DUE_AT.asc().nullsFirst(), POST.ID)).as("turn");
        Field<OffsetDateTime> dueAt = DUE_AT.as("due_at");
        var due = db.select(POST.ID, dueAt, turn).from(POST)
                .where(POST.STATE.eq(PostState.SCHEDULED.name()), DUE_AT.le(utc(now)).or(DUE_AT.isNull()), POST.PUBLISH_STARTED_AT.isNull(),
                        POST.KIND.isDistinctFrom("REPOST"), textOnly())
                .asTable("due");
        return db.select(due.field(POST.ID)).from(due)
                .orderBy(due.field(dueAt).asc().nullsFirst(), due.field(turn), due.field(POST.ID))
                .limit(limit)
                .fetch(r -> r.value1());
    }

    /** Of these posts, those still as {@link #dueForBatch} found them, with what publishing them needs. */
    List<DuePost> loadForBatch(List<Long> postIds, Instant now) {
        return selectDue()
                .where(POST.ID.in(postIds), POST.STATE.eq(PostState.SCHEDULED.name()), DUE_AT.le(utc(now)).or(DUE_AT.isNull()),
                        POST.PUBLISH_STARTED_AT.isNull(), POST.KIND.isDistinctFrom("REPOST"), textOnly())
                .fetch(row -> duePost(row, List.of()));
    }

    /**
     * {@link #markSent} for a batch, in two statements: the ids of the posts claimed, those not
     * withdrawn, edited or taken meanwhile.
     */
    List<Long> markAllSent(List<DuePost> posts, Instant now) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = db.resultQuery("""
                        update post set state = 'PUBLISHING', publish_started_at = {0}, publish_attempts = v.attempt,
                            next_attempt_at = null, updated_at = {0}, version = post.version + 1
                        from unnest({1}, {2}, {3}) as v(id, revision, attempt)
                        where post.id = v.id and post.current_revision = v.revision and post.state = 'SCHEDULED'
                            and post.publish_started_at is null
                        returning post.id""",
                        DSL.val(utc(now)),
                        DSL.val(posts.stream().map(DuePost::postId).toArray(Long[]::new)),
                        DSL.val(posts.stream().map(DuePost::revision).toArray(Integer[]::new)),
                        DSL.val(posts.stream().map(p -> p.attempts() + 1).toArray(Integer[]::new)))
                .fetch(r -> r.get(0, Long.class));
        if (claimed.isEmpty()) {
            return claimed;
        }
        var insert = db.insertInto(POST_PUBLICATION_ATTEMPT, POST_PUBLICATION_ATTEMPT.ORGANISATION_ID,
                POST_PUBLICATION_ATTEMPT.POST_ID, POST_PUBLICATION_ATTEMPT.ATTEMPT, POST_PUBLICATION_ATTEMPT.STARTED_AT,
                POST_PUBLICATION_ATTEMPT.OUTCOME);
        Set<Long> marked = Set.copyOf(claimed);
        for (DuePost post : posts) {
            if (marked.contains(post.postId())) {
                insert = insert.values(post.organisationId(), post.postId(), post.attempts() + 1, utc(now), "SENT");
            }
        }
        insert.execute();
        return claimed;
    }

    /** A post a batch sent and X created, as {@code xPostId}, at {@code at}. */
    record Sent(DuePost post, int attempt, String xPostId, Instant at) {}

    /** {@link #published} and {@link #attempt} for a batch, in two statements. */
    void allPublished(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Field<Long[]> ids = DSL.val(sent.stream().map(s -> s.post().postId()).toArray(Long[]::new));
        Field<String[]> xIds = DSL.val(sent.stream().map(Sent::xPostId).toArray(String[]::new));
        Field<OffsetDateTime[]> times = DSL.val(sent.stream().map(s -> utc(s.at())).toArray(OffsetDateTime[]::new));
        db.execute("""
                update post set state = 'PUBLISHED', x_post_id = v.x_post_id, published_at = v.at,
                    publish_started_at = null, next_attempt_at = null, publish_problem = null,
                    publish_problem_kind = null, updated_at = v.at, version = post.version + 1
                from unnest({0}, {1}, {2}) as v(id, x_post_id, at)
                where post.id = v.id""", ids, xIds, times);
        db.execute("""
                update post_publication_attempt a set finished_at = v.at, outcome = 'PUBLISHED', detail = null,
                    x_post_id = v.x_post_id
                from unnest({0}, {1}, {2}, {3}) as v(id, attempt, x_post_id, at)
                where a.post_id = v.id and a.attempt = v.attempt and a.outcome = 'SENT'""",
                ids, DSL.val(sent.stream().map(Sent::attempt).toArray(Integer[]::new)), xIds, times);
    }

    byte[] mediaBytes(long mediaId) {
        return db.select(MEDIA.BYTES).from(MEDIA).where(MEDIA.ID.eq(mediaId)).fetchSingle(MEDIA.BYTES);
    }

    /**
     * Records that the create request is about to be sent: from now on a retry must reconcile first.
     * False when the post was withdrawn or edited meanwhile (then nothing is sent).
     */
    boolean markSent(DuePost post, int attempt, Instant now) {
        boolean claimed = db.update(POST)
                .set(POST.STATE, PostState.PUBLISHING.name())
                .set(POST.PUBLISH_STARTED_AT, utc(now))
                .set(POST.PUBLISH_ATTEMPTS, attempt)
                .setNull(POST.NEXT_ATTEMPT_AT)
                .set(POST.UPDATED_AT, utc(now))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ID.eq(post.postId()), POST.STATE.in(PUBLISHABLE),
                        POST.CURRENT_REVISION.eq(post.revision()))
                .execute() == 1;
        if (claimed) {
            db.insertInto(POST_PUBLICATION_ATTEMPT)
                    .set(POST_PUBLICATION_ATTEMPT.ORGANISATION_ID, post.organisationId())
                    .set(POST_PUBLICATION_ATTEMPT.POST_ID, post.postId())
                    .set(POST_PUBLICATION_ATTEMPT.ATTEMPT, attempt)
                    .set(POST_PUBLICATION_ATTEMPT.STARTED_AT, utc(now))
                    .set(POST_PUBLICATION_ATTEMPT.OUTCOME, "SENT")
                    .execute();
        }
        return claimed;
    }

    /** The earlier attempt was looked for on X and is not there: it never reached X. */
    void clearStarted(long postId) {
        db.update(POST).setNull(POST.PUBLISH_STARTED_AT).where(POST.ID.eq(postId)).execute();
    }

    void published(DuePost post, String xPostId, Instant now) {
        db.update(POST)
                .set(POST.STATE, PostState.PUBLISHED.name())
                .set(POST.X_POST_ID, xPostId)
                .set(POST.PUBLISHED_AT, utc(now))
                .setNull(POST.PUBLISH_STARTED_AT)
                .setNull(POST.NEXT_ATTEMPT_AT)
                .setNull(POST.PUBLISH_PROBLEM)
                .setNull(POST.PUBLISH_PROBLEM_KIND)
                .set(POST.UPDATED_AT, utc(now))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ID.eq(post.postId()))
                .execute();
    }

    /** Back in the queue for {@code next}; {@code state} is PUBLISHING while an attempt's outcome is unknown. */
    void retryAt(DuePost post, int attempts, PostState state, Instant next, boolean keepStarted, String problem,
            String kind, Instant now) {
        db.update(POST)
                .set(POST.STATE, state.name())
                .set(POST.PUBLISH_ATTEMPTS, attempts)
                .set(POST.NEXT_ATTEMPT_AT, utc(next))
                .set(POST.PUBLISH_STARTED_AT, keepStarted ? POST.PUBLISH_STARTED_AT : DSL.inline((OffsetDateTime) null))
                .set(POST.PUBLISH_PROBLEM, problem)
                .set(POST.PUBLISH_PROBLEM_KIND, kind)
                .set(POST.UPDATED_AT, utc(now))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ID.eq(post.postId()))
                .execute();
    }

    void failed(DuePost post, int attempts, boolean keepStarted, String problem, String kind, Instant now) {
        db.update(POST)
                .set(POST.STATE, PostState.FAILED.name())
                .set(POST.PUBLISH_ATTEMPTS, attempts)
                .setNull(POST.NEXT_ATTEMPT_AT)
                .set(POST.PUBLISH_STARTED_AT, keepStarted ? POST.PUBLISH_STARTED_AT : DSL.inline((OffsetDateTime) null))
                .set(POST.PUBLISH_PROBLEM, problem)
                .set(POST.PUBLISH_PROBLEM_KIND, kind)
                .set(POST.UPDATED_AT, utc(now))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ID.eq(post.postId()))
                .execute();
    }

    /** Ends the attempt row written by {@link #markSent}, or writes one for an attempt that never sent. */
    void attempt(DuePost post, int attempt, Instant startedAt, Instant now, String outcome, @Nullable String detail,
            @Nullable String xPostId) {
        int updated = db.update(POST_PUBLICATION_ATTEMPT)
                .set(POST_PUBLICATION_ATTEMPT.FINISHED_AT, utc(now))
                .set(POST_PUBLICATION_ATTEMPT.OUTCOME, outcome)
                .set(POST_PUBLICATION_ATTEMPT.DETAIL, detail)
                .set(POST_PUBLICATION_ATTEMPT.X_POST_ID, xPostId)
                .where(POST_PUBLICATION_ATTEMPT.POST_ID.eq(post.postId()), POST_PUBLICATION_ATTEMPT.ATTEMPT.eq(attempt),
                        POST_PUBLICATION_ATTEMPT.OUTCOME.eq("SENT"))
                .execute();
        if (updated == 0) {
            db.insertInto(POST_PUBLICATION_ATTEMPT)
                    .set(POST_PUBLICATION_ATTEMPT.ORGANISATION_ID, post.organisationId())
                    .set(POST_PUBLICATION_ATTEMPT.POST_ID, post.postId())
                    .set(POST_PUBLICATION_ATTEMPT.ATTEMPT, attempt)
                    .set(POST_PUBLICATION_ATTEMPT.STARTED_AT, utc(startedAt))
                    .set(POST_PUBLICATION_ATTEMPT.FINISHED_AT, utc(now))
                    .set(POST_PUBLICATION_ATTEMPT.OUTCOME, outcome)
                    .set(POST_PUBLICATION_ATTEMPT.DETAIL, detail)
                    .set(POST_PUBLICATION_ATTEMPT.X_POST_ID, xPostId)
                    .execute();
        }
    }

    List<PublicationAttempt> attempts(long organisationId, long postId) {
        return db.selectFrom(POST_PUBLICATION_ATTEMPT)
                .where(POST_PUBLICATION_ATTEMPT.ORGANISATION_ID.eq(organisationId), POST_PUBLICATION_ATTEMPT.POST_ID.eq(postId))
                .orderBy(POST_PUBLICATION_ATTEMPT.ID)
                .fetch(r -> new PublicationAttempt(r.getAttempt(), r.getStartedAt().toInstant(),
                        instant(r.getFinishedAt()), r.getOutcome(), r.getDetail(), r.getXPostId()));
    }

    /** The policy version the revision was checked under. */
    int policyVersion(long postId, int revision) {
        return db.select(POST_REVISION.POLICY_VERSION).from(POST_REVISION)
                .where(POST_REVISION.POST_ID.eq(postId), POST_REVISION.NUMBER.eq(revision))
                .fetchSingle(POST_REVISION.POLICY_VERSION);
    }

    /** When the post failed (its last change), if it is FAILED now. */
    Optional<Instant> failedAt(long organisationId, long postId) {
        return db.select(POST.UPDATED_AT).from(POST)
                .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId), POST.STATE.eq(PostState.FAILED.name()))
                .fetchOptional(r -> r.value1().toInstant());
    }

    /** A failed post goes back in the queue now; false when it was not FAILED (changed meanwhile). */
    boolean requeue(long organisationId, long postId, Instant now) {
        return db.update(POST)
                .set(POST.STATE, PostState.SCHEDULED.name())
                .set(POST.NEXT_ATTEMPT_AT, utc(now))
                .set(POST.PUBLISH_ATTEMPTS, 0)
                .setNull(POST.PUBLISH_PROBLEM)
                .setNull(POST.PUBLISH_PROBLEM_KIND)
                .set(POST.UPDATED_AT, utc(now))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId),
                        POST.STATE.eq(PostState.FAILED.name()))
                .execute() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
