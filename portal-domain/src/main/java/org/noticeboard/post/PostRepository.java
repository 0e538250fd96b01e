package org.noticeboard.post;

import static org.noticeboard.db.jooq.Tables.CAMPAIGN;
import static org.noticeboard.db.jooq.Tables.MEDIA;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_COMMENT;
import static org.noticeboard.db.jooq.Tables.POST_DECISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION_MEDIA;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.policy.Finding;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.policy.Severity;
import org.noticeboard.policy.Span;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PostRepository {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<List<StoredFinding>> FINDINGS = new TypeReference<>() {};

    /** How a finding is kept in the revision's JSON. */
    record StoredFinding(String ruleId, Severity severity, String message, @Nullable Integer start, @Nullable Integer end,
            String guidance, GuidanceSection section, String key, @Nullable String justification) {}

    private final DSLContext db;

    PostRepository(DSLContext db) {
        this.db = db;
    }

    long insertPost(long organisationId, long accountId, long authorId) {
        return db.insertInto(POST)
                .set(POST.ORGANISATION_ID, organisationId)
                .set(POST.ACCOUNT_ID, accountId)
                .set(POST.AUTHOR_ID, authorId)
                .returning(POST.ID)
                .fetchSingle(POST.ID);
    }

    void insertRevision(long organisationId, long postId, int number, PostDraftClean draft, long authorId, String authorName,
            String contentHash, int policyVersion, int weightedLength, boolean blocked, List<CheckedFinding> findings) {
        long revisionId = db.insertInto(POST_REVISION)
                .set(POST_REVISION.ORGANISATION_ID, organisationId)
                .set(POST_REVISION.POST_ID, postId)
                .set(POST_REVISION.NUMBER, number)
                .set(POST_REVISION.TEXT, draft.text())
                .set(POST_REVISION.REPLY_TO_URL, draft.replyToUrl())
                .set(POST_REVISION.QUOTE_URL, draft.quoteUrl())
                .set(POST_REVISION.CAMPAIGN_ID, draft.campaignId())
                .set(POST_REVISION.AUTHOR_ID, authorId)
                .set(POST_REVISION.AUTHOR_NAME, authorName)
                .set(POST_REVISION.CONTENT_HASH, contentHash)
                .set(POST_REVISION.POLICY_VERSION, policyVersion)
                .set(POST_REVISION.WEIGHTED_LENGTH, weightedLength)
                .set(POST_REVISION.BLOCKED, blocked)
                .set(POST_REVISION.FINDINGS, JSONB.valueOf(json.writeValueAsString(findings.stream().map(f -> new StoredFinding(
                        f.finding().ruleId(), f.finding().severity(), f.finding().message(),
                        f.finding().span() == null ? null : f.finding().span().start(),
                        f.finding().span() == null ? null : f.finding().span().end(), f.finding().guidance(),
                        f.finding().section(), f.key(), f.justification())).toList())))
                .returning(POST_REVISION.ID)
                .fetchSingle(POST_REVISION.ID);
        for (int i = 0; i < draft.images().size(); i++) {
            var image = draft.images().get(i);
            db.insertInto(POST_REVISION_MEDIA)
                    .set(POST_REVISION_MEDIA.REVISION_ID, revisionId)
                    .set(POST_REVISION_MEDIA.POSITION, i)
                    .set(POST_REVISION_MEDIA.ORGANISATION_ID, organisationId)
                    .set(POST_REVISION_MEDIA.MEDIA_ID, image.mediaId())
                    .set(POST_REVISION_MEDIA.ALT_TEXT, image.altText())
                    .execute();
        }
    }

    boolean moveTo(long organisationId, long postId, int expectedVersion, PostState state, @Nullable Integer reviewStep,
            int currentRevision, @Nullable Instant submittedAt, Instant now) {
        return db.update(POST)
                        .set(POST.STATE, state.name())
                        .set(POST.REVIEW_STEP, reviewStep)
                        .set(POST.CURRENT_REVISION, currentRevision)
                        .set(POST.SUBMITTED_AT, submittedAt == null ? null : submittedAt.atOffset(ZoneOffset.UTC))
                        .set(POST.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(POST.VERSION, POST.VERSION.plus(1))
                        .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId), POST.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    /**
     * A failed post back into review: a new round at step 1 of the workflow version given, to go out
     * as soon as it is approved, its publishing history reset (an attempt that may have reached X is
     * still looked for before anything is sent).
     */
    boolean backToReview(long organisationId, long postId, int expectedVersion, int workflowVersion, Instant now) {
        return db.update(POST)
                        .set(POST.STATE, PostState.IN_REVIEW.name())
                        .set(POST.REVIEW_STEP, 1)
                        .set(POST.REVIEW_ROUND, POST.REVIEW_ROUND.plus(1))
                        .set(POST.WORKFLOW_VERSION, workflowVersion)
                        .set(POST.SUBMITTED_AT, now.atOffset(ZoneOffset.UTC))
                        .setNull(POST.SCHEDULED_LOCAL)
                        .setNull(POST.SCHEDULE_ZONE)
                        .setNull(POST.SCHEDULED_AT)
                        .setNull(POST.NEXT_ATTEMPT_AT)
                        .set(POST.PUBLISH_ATTEMPTS, 0)
                        .setNull(POST.PUBLISH_PROBLEM)
                        .setNull(POST.PUBLISH_PROBLEM_KIND)
                        .set(POST.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(POST.VERSION, POST.VERSION.plus(1))
                        .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId), POST.VERSION.eq(expectedVersion),
                                POST.STATE.eq(PostState.FAILED.name()))
                        .execute() == 1;
    }

    boolean setSchedule(long organisationId, long postId, int expectedVersion, java.time.@Nullable LocalDateTime local,
            java.time.ZoneId zone, @Nullable Instant at, Instant now) {
        return db.update(POST)
                        .set(POST.SCHEDULED_LOCAL, local)
                        .set(POST.SCHEDULE_ZONE, local == null ? null : zone.getId())
                        .set(POST.SCHEDULED_AT, at == null ? null : at.atOffset(ZoneOffset.UTC))
                        .set(POST.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(POST.VERSION, POST.VERSION.plus(1))
                        .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId), POST.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    /** Posts still in review when their time came: all organisations, for the expiry job. */
    List<Long> dueInReview(Instant now) {
        return db.select(POST.ID).from(POST)
                .where(POST.STATE.eq(PostState.IN_REVIEW.name()), POST.SCHEDULED_AT.le(now.atOffset(ZoneOffset.UTC)))
                .fetch(POST.ID);
    }

    /** Moves one due post to EXPIRED unless something else moved it first; returns its organisation, or null. */
    @Nullable Long expire(long postId, Instant now) {
        return db.update(POST)
                .set(POST.STATE, PostState.EXPIRED.name())
                .set(POST.REVIEW_STEP, (Integer) null)
                .set(POST.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POST.VERSION, POST.VERSION.plus(1))
                .where(POST.ID.eq(postId), POST.STATE.eq(PostState.IN_REVIEW.name()), POST.SCHEDULED_AT.le(now.atOffset(ZoneOffset.UTC)))
                .returning(POST.ORGANISATION_ID)
                .fetchOptional(POST.ORGANISATION_ID)
                .orElse(null);
    }

    void insertComment(long organisationId, long postId, long memberId, String memberName, String text) {
        db.insertInto(POST_COMMENT)
                .set(POST_COMMENT.ORGANISATION_ID, organisationId)
                .set(POST_COMMENT.POST_ID, postId)
                .set(POST_COMMENT.MEMBER_ID, memberId)
                .set(POST_COMMENT.MEMBER_NAME, memberName)
                .set(POST_COMMENT.TEXT, text)
                .execute();
    }

    List<Comment> comments(long postId) {
        return db.selectFrom(POST_COMMENT).where(POST_COMMENT.POST_ID.eq(postId)).orderBy(POST_COMMENT.CREATED_AT, POST_COMMENT.ID)
                .fetch(r -> new Comment(r.getId(), r.getMemberId(), r.getMemberName(), r.getText(), r.getCreatedAt().toInstant()));
    }

    void markRepost(long postId) {
        db.update(POST).set(POST.KIND, "REPOST").where(POST.ID.eq(postId)).execute();
    }

    void setWorkflowVersion(long postId, int workflowVersion) {
        db.update(POST).set(POST.WORKFLOW_VERSION, workflowVersion).where(POST.ID.eq(postId)).execute();
    }

    void insertDecision(long organisationId, long postId, Revision revision, int step, long memberId, String memberName,
            String decision, @Nullable String reason, Instant at) {
        db.insertInto(POST_DECISION)
                .set(POST_DECISION.ORGANISATION_ID, organisationId)
                .set(POST_DECISION.POST_ID, postId)
                .set(POST_DECISION.REVISION, revision.number())
                .set(POST_DECISION.CONTENT_HASH, revision.contentHash())
                .set(POST_DECISION.STEP, step)
                .set(POST_DECISION.REVIEW_ROUND, DSL.select(POST.REVIEW_ROUND).from(POST).where(POST.ID.eq(postId)))
                .set(POST_DECISION.MEMBER_ID, memberId)
                .set(POST_DECISION.MEMBER_NAME, memberName)
                .set(POST_DECISION.DECISION, decision)
                .set(POST_DECISION.REASON, reason)
                // the domain's clock, like every other time of the review: lead times are measured between them
                .set(POST_DECISION.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    List<Decision> decisions(long postId) {
        return db.selectFrom(POST_DECISION).where(POST_DECISION.POST_ID.eq(postId)).orderBy(POST_DECISION.ID)
                .fetch(r -> new Decision(r.getRevision(), r.getContentHash(), r.getStep(), r.getMemberId(), r.getMemberName(),
                        r.getDecision().equals("APPROVED"), r.getReason(), r.getCreatedAt().toInstant(), r.getReviewRound()));
    }

    /** A new review round: approvals given in earlier rounds no longer count. */
    void newReviewRound(long postId) {
        db.update(POST).set(POST.REVIEW_ROUND, POST.REVIEW_ROUND.plus(1)).where(POST.ID.eq(postId)).execute();
    }

    /** Everyone who wrote or edited a revision of the post: none of them may approve it. */
    java.util.Set<Long> contributors(long postId) {
        return new java.util.HashSet<>(db.selectDistinct(POST_REVISION.AUTHOR_ID).from(POST_REVISION)
                .where(POST_REVISION.POST_ID.eq(postId)).fetch(POST_REVISION.AUTHOR_ID));
    }

    /** The reply was started from a reply template: its text as filled then. */
    void setReplyTemplate(long postId, long templateId, String filledText) {
        db.update(POST).set(POST.REPLY_TEMPLATE_ID, templateId).set(POST.REPLY_TEMPLATE_TEXT, filledText)
                .where(POST.ID.eq(postId)).execute();
    }

    /** The media hashes, in the given order, when every image is the organisation's. */
    Optional<List<String>> mediaHashes(long organisationId, List<Long> mediaIds) {
        var rows = db.select(MEDIA.ID, MEDIA.SHA256).from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(organisationId), MEDIA.ID.in(mediaIds))
                .fetchMap(MEDIA.ID, MEDIA.SHA256);
        if (!rows.keySet().containsAll(mediaIds)) {
            return Optional.empty();
        }
        return Optional.of(mediaIds.stream().map(rows::get).toList());
    }

    List<String> mediaFileNames(List<Long> mediaIds) {
        var names = db.select(MEDIA.ID, MEDIA.FILE_NAME).from(MEDIA).where(MEDIA.ID.in(mediaIds)).fetchMap(MEDIA.ID, MEDIA.FILE_NAME);
        return mediaIds.stream().map(id -> names.getOrDefault(id, "image")).toList();
    }

    Optional<Post> find(long organisationId, long postId) {
        var row = db.select(POST.asterisk(), OFFICIAL_ACCOUNT.HANDLE, OFFICIAL_ACCOUNT.DISPLAY_NAME, MEMBER.DISPLAY_NAME,
                        OFFICIAL_ACCOUNT.X_USERNAME)
                .from(POST)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                .where(POST.ORGANISATION_ID.eq(organisationId), POST.ID.eq(postId))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Revision current = revision(postId, row.get(POST.CURRENT_REVISION)).orElseThrow();
        List<Integer> numbers = db.select(POST_REVISION.NUMBER).from(POST_REVISION).where(POST_REVISION.POST_ID.eq(postId))
                .orderBy(POST_REVISION.NUMBER).fetch(POST_REVISION.NUMBER);
        var submitted = row.get(POST.SUBMITTED_AT);
        return Optional.of(new Post(postId, row.get(POST.ACCOUNT_ID), "@" + row.get(OFFICIAL_ACCOUNT.HANDLE),
                row.get(OFFICIAL_ACCOUNT.DISPLAY_NAME), row.get(POST.AUTHOR_ID), row.get(MEMBER.DISPLAY_NAME),
                PostState.valueOf(row.get(POST.STATE)), row.get(POST.REVIEW_STEP),
                submitted == null ? null : submitted.toInstant(), row.get(POST.VERSION), current, numbers,
                row.get(POST.WORKFLOW_VERSION), row.get(POST.SCHEDULED_LOCAL) == null ? null
                        : java.time.ZonedDateTime.ofInstant(row.get(POST.SCHEDULED_AT).toInstant(),
                                java.time.ZoneId.of(row.get(POST.SCHEDULE_ZONE))),
                publication(row), "REPOST".equals(row.get(POST.KIND)), row.get(POST.REVIEW_ROUND),
                row.get(POST.REPLY_TEMPLATE_TEXT)));
    }

    private static Publication publication(Record row) {
        var published = row.get(POST.PUBLISHED_AT);
        var next = row.get(POST.NEXT_ATTEMPT_AT);
        return new Publication(row.get(POST.X_POST_ID), row.get(OFFICIAL_ACCOUNT.X_USERNAME),
                published == null ? null : published.toInstant(), row.get(POST.PUBLISH_ATTEMPTS),
                next == null ? null : next.toInstant(), row.get(POST.PUBLISH_PROBLEM), row.get(POST.PUBLISH_PROBLEM_KIND));
    }

    Optional<Revision> revision(long postId, int number) {
        var row = db.select(POST_REVISION.asterisk(), CAMPAIGN.NAME)
                .from(POST_REVISION)
                .leftJoin(CAMPAIGN).on(CAMPAIGN.ID.eq(POST_REVISION.CAMPAIGN_ID))
                .where(POST_REVISION.POST_ID.eq(postId), POST_REVISION.NUMBER.eq(number))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<RevisionImage> images = db.select(POST_REVISION_MEDIA.MEDIA_ID, MEDIA.FILE_NAME, MEDIA.WIDTH, MEDIA.HEIGHT,
                        POST_REVISION_MEDIA.ALT_TEXT)
                .from(POST_REVISION_MEDIA)
                .join(MEDIA).on(MEDIA.ID.eq(POST_REVISION_MEDIA.MEDIA_ID))
                .where(POST_REVISION_MEDIA.REVISION_ID.eq(row.get(POST_REVISION.ID)))
                .orderBy(POST_REVISION_MEDIA.POSITION)
                .fetch(r -> new RevisionImage(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        List<CheckedFinding> findings = json.readValue(row.get(POST_REVISION.FINDINGS).data(), FINDINGS).stream()
                .map(f -> new CheckedFinding(new Finding(f.ruleId(), f.severity(), f.message(),
                        f.start() == null || f.end() == null ? null : new Span(f.start(), f.end()), f.guidance(), f.section()),
                        f.key(), f.justification()))
                .toList();
        return Optional.of(new Revision(number, row.get(POST_REVISION.TEXT), row.get(POST_REVISION.REPLY_TO_URL),
                row.get(POST_REVISION.QUOTE_URL), row.get(POST_REVISION.CAMPAIGN_ID), row.get(CAMPAIGN.NAME), images,
                row.get(POST_REVISION.AUTHOR_NAME), row.get(POST_REVISION.CREATED_AT).toInstant(),
                row.get(POST_REVISION.CONTENT_HASH), row.get(POST_REVISION.POLICY_VERSION),
                row.get(POST_REVISION.WEIGHTED_LENGTH), row.get(POST_REVISION.BLOCKED), findings));
    }

    List<PostSummary> summaries(Condition condition) {
        return db.select(POST.ID, OFFICIAL_ACCOUNT.HANDLE, MEMBER.DISPLAY_NAME, POST.STATE, POST_REVISION.TEXT,
                        POST.UPDATED_AT, POST.CURRENT_REVISION, POST_REVISION.BLOCKED, POST_REVISION.FINDINGS,
                        POST.X_POST_ID, OFFICIAL_ACCOUNT.X_USERNAME, POST.PUBLISH_PROBLEM)
                .from(POST)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(condition)
                .orderBy(POST.UPDATED_AT.desc())
                .limit(500)
                .fetch(PostRepository::toSummary);
    }

    List<QueueItem> queue(long organisationId, List<Long> accountIds, QueueFilter filter, Instant now, int offset, int limit) {
        return queueQuery(organisationId, accountIds, filter, now, offset, limit).fetch(r -> {
            String text = r.get(POST_REVISION.TEXT);
            var scheduled = r.get(POST.SCHEDULED_AT);
            return new QueueItem(r.get(POST.ID), r.get(POST.ACCOUNT_ID), "@" + r.get(OFFICIAL_ACCOUNT.HANDLE),
                    r.get(POST.AUTHOR_ID), r.get(MEMBER.DISPLAY_NAME), r.get(POST.REVIEW_STEP),
                    r.get(POST_REVISION.CAMPAIGN_ID), r.get(CAMPAIGN.NAME), r.get(POST.SUBMITTED_AT).toInstant(),
                    scheduled == null ? null : scheduled.toInstant(),
                    text.length() > 140 ? text.substring(0, 139) + "\u2026" : text, r.get(POST.CURRENT_REVISION),
                    r.get(POST.VERSION));
        });
    }

    /** The queue's query, also run as plain SQL by the benchmark to compare. */
    org.jooq.ResultQuery<? extends Record> queueQuery(long organisationId, List<Long> accountIds, QueueFilter filter, Instant now,
            int offset, int limit) {
        Condition condition = POST.ORGANISATION_ID.eq(organisationId).and(POST.STATE.eq(PostState.IN_REVIEW.name()))
                .and(POST.ACCOUNT_ID.in(accountIds));
        if (filter.accountId() != null) {
            condition = condition.and(POST.ACCOUNT_ID.eq(filter.accountId()));
        }
        if (filter.step() != null) {
            condition = condition.and(POST.REVIEW_STEP.eq(filter.step()));
        }
        if (filter.authorId() != null) {
            condition = condition.and(POST.AUTHOR_ID.eq(filter.authorId()));
        }
        if (filter.campaignId() != null) {
            condition = condition.and(POST_REVISION.CAMPAIGN_ID.eq(filter.campaignId()));
        }
        if (filter.olderThan() != null) {
            condition = condition.and(POST.SUBMITTED_AT.le(now.minus(filter.olderThan()).atOffset(ZoneOffset.UTC)));
        }
        return db.select(POST.ID, POST.ACCOUNT_ID, OFFICIAL_ACCOUNT.HANDLE, POST.AUTHOR_ID, MEMBER.DISPLAY_NAME, POST.REVIEW_STEP,
                        POST_REVISION.CAMPAIGN_ID, CAMPAIGN.NAME, POST.SUBMITTED_AT, POST.SCHEDULED_AT, POST_REVISION.TEXT,
                        POST.CURRENT_REVISION, POST.VERSION)
                .from(POST)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .leftJoin(CAMPAIGN).on(CAMPAIGN.ID.eq(POST_REVISION.CAMPAIGN_ID))
                .where(condition)
                .orderBy(POST.SCHEDULED_AT.asc().nullsLast(), POST.SUBMITTED_AT.asc(), POST.ID)
                .offset(offset)
                .limit(limit);
    }

    List<CalendarEntry> calendar(long organisationId, List<Long> accountIds, Instant from, Instant to, java.time.ZoneId zone) {
        var when = org.jooq.impl.DSL.coalesce(POST.SCHEDULED_AT, POST.UPDATED_AT);
        return db.select(POST.ID, POST.ACCOUNT_ID, POST.AUTHOR_ID, OFFICIAL_ACCOUNT.HANDLE, POST.STATE, when, POST.SCHEDULED_AT,
                        POST_REVISION.TEXT)
                .from(POST)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(POST.ORGANISATION_ID.eq(organisationId), POST.ACCOUNT_ID.in(accountIds),
                        POST.STATE.in(PostState.SCHEDULED.name(), PostState.PUBLISHING.name(), PostState.PUBLISHED.name()),
                        when.ge(from.atOffset(ZoneOffset.UTC)), when.lt(to.atOffset(ZoneOffset.UTC)))
                .orderBy(when)
                .fetch(r -> {
                    String text = r.get(POST_REVISION.TEXT);
                    return new CalendarEntry(r.get(POST.ID), r.get(POST.ACCOUNT_ID), r.get(POST.AUTHOR_ID),
                            "@" + r.get(OFFICIAL_ACCOUNT.HANDLE),
                            PostState.valueOf(r.get(POST.STATE)), r.get(when).toInstant().atZone(zone), r.get(POST.SCHEDULED_AT) == null,
                            text.length() > 60 ? text.substring(0, 59) + "\u2026" : text);
                });
    }

    private static PostSummary toSummary(Record r) {
        String text = r.get(POST_REVISION.TEXT);
        int unjustified = (int) json.readValue(r.get(POST_REVISION.FINDINGS).data(), FINDINGS).stream()
                .filter(f -> f.severity() == Severity.WARN && (f.justification() == null || f.justification().isBlank()))
                .count();
        return new PostSummary(r.get(POST.ID), "@" + r.get(OFFICIAL_ACCOUNT.HANDLE), r.get(MEMBER.DISPLAY_NAME),
                PostState.valueOf(r.get(POST.STATE)), text.length() > 120 ? text.substring(0, 119) + "\u2026" : text,
                r.get(POST.UPDATED_AT).toInstant(), r.get(POST.CURRENT_REVISION), r.get(POST_REVISION.BLOCKED), unjustified,
                r.get(POST.X_POST_ID), r.get(OFFICIAL_ACCOUNT.X_USERNAME), r.get(POST.PUBLISH_PROBLEM));
    }
}
