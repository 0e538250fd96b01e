package org.noticeboard.testing;

import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;

/**
 * Rows for impact tests and benchmarks written straight into the tables: a history of published
 * posts, metric snapshots, stakeholders and mentions (the inbox, built elsewhere, fills the mention
 * table in the portal).
 */
public final class ImpactRows {

    private final DSLContext db;

    public ImpactRows(DSLContext db) {
        this.db = db;
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A post published on X at {@code publishedAt} with this text (its only revision). */
    public long publishedPost(long organisationId, long accountId, long authorId, String text, @Nullable String replyToUrl,
            @Nullable Long campaignId, Instant publishedAt, String xPostId) {
        long id = db.insertInto(POST)
                .set(POST.ORGANISATION_ID, organisationId)
                .set(POST.ACCOUNT_ID, accountId)
                .set(POST.AUTHOR_ID, authorId)
                .set(POST.STATE, "PUBLISHED")
                .set(POST.CURRENT_REVISION, 1)
                .set(POST.X_POST_ID, xPostId)
                .set(POST.PUBLISHED_AT, at(publishedAt))
                .set(POST.SCHEDULED_AT, at(publishedAt))
                .set(POST.CREATED_AT, at(publishedAt.minusSeconds(3600)))
                .returning(POST.ID)
                .fetchSingle(POST.ID);
        db.insertInto(POST_REVISION)
                .set(POST_REVISION.ORGANISATION_ID, organisationId)
                .set(POST_REVISION.POST_ID, id)
                .set(POST_REVISION.NUMBER, 1)
                .set(POST_REVISION.TEXT, text)
                .set(POST_REVISION.REPLY_TO_URL, replyToUrl)
                .set(POST_REVISION.CAMPAIGN_ID, campaignId)
                .set(POST_REVISION.AUTHOR_ID, authorId)
                .set(POST_REVISION.AUTHOR_NAME, "Test author")
                .set(POST_REVISION.CONTENT_HASH, "hash-" + id)
                .set(POST_REVISION.POLICY_VERSION, 1)
                .set(POST_REVISION.WEIGHTED_LENGTH, text.length())
                .set(POST_REVISION.BLOCKED, false)
                .set(POST_REVISION.FINDINGS, JSONB.valueOf("[]"))
                .execute();
        return id;
    }

    public void snapshot(long organisationId, long postId, int milestoneHours, Instant takenAt, int likes, int reposts,
            int replies, int quotes, @Nullable Long impressions) {
        db.insertInto(POST_METRIC_SNAPSHOT)
                .set(POST_METRIC_SNAPSHOT.ORGANISATION_ID, organisationId)
                .set(POST_METRIC_SNAPSHOT.POST_ID, postId)
                .set(POST_METRIC_SNAPSHOT.MILESTONE_HOURS, milestoneHours)
                .set(POST_METRIC_SNAPSHOT.TAKEN_AT, at(takenAt))
                .set(POST_METRIC_SNAPSHOT.LIKES, likes)
                .set(POST_METRIC_SNAPSHOT.REPOSTS, reposts)
                .set(POST_METRIC_SNAPSHOT.REPLIES, replies)
                .set(POST_METRIC_SNAPSHOT.QUOTES, quotes)
                .set(POST_METRIC_SNAPSHOT.IMPRESSIONS, impressions)
                .execute();
    }

    public long stakeholder(long organisationId, String handle, String name, String category) {
        return db.insertInto(STAKEHOLDER)
                .set(STAKEHOLDER.ORGANISATION_ID, organisationId)
                .set(STAKEHOLDER.HANDLE, handle)
                .set(STAKEHOLDER.NAME, name)
                .set(STAKEHOLDER.CATEGORY, category)
                .returning(STAKEHOLDER.ID)
                .fetchSingle(STAKEHOLDER.ID);
    }

    /** A mention of the account, as the inbox stores it. */
    public long mention(long organisationId, long accountId, String xPostId, String authorUsername, @Nullable Long stakeholderId,
            String text, Instant postedAt, @Nullable Instant firstResponseAt, @Nullable String inReplyToXPostId) {
        return db.insertInto(MENTION)
                .set(MENTION.ORGANISATION_ID, organisationId)
                .set(MENTION.ACCOUNT_ID, accountId)
                .set(MENTION.X_POST_ID, xPostId)
                .set(MENTION.AUTHOR_X_USER_ID, "u-" + authorUsername)
                .set(MENTION.AUTHOR_USERNAME, authorUsername)
                .set(MENTION.TEXT, text)
                .set(MENTION.POSTED_AT, at(postedAt))
                .set(MENTION.FETCHED_AT, at(postedAt.plusSeconds(60)))
                .set(MENTION.IN_REPLY_TO_X_POST_ID, inReplyToXPostId)
                .set(MENTION.STAKEHOLDER_ID, stakeholderId)
                .set(MENTION.STATE, firstResponseAt == null ? "NEW" : "REPLIED")
                .set(MENTION.FIRST_RESPONSE_AT, firstResponseAt == null ? null : at(firstResponseAt))
                .returning(MENTION.ID)
                .fetchSingle(MENTION.ID);
    }
}
