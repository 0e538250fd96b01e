package org.noticeboard.inbox;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.MENTION_NOTE;
import static org.noticeboard.db.jooq.Tables.MENTION_POLL;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.db.jooq.tables.Department;
import org.noticeboard.db.jooq.tables.Member;
import org.noticeboard.db.jooq.tables.records.MentionPollRecord;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XUser;
import org.springframework.stereotype.Repository;

@Repository
class MentionRepository {

    private static final Member ASSIGNEE = MEMBER.as("assignee");
    private static final Department ASSIGNEE_DEPARTMENT = DEPARTMENT.as("assignee_department");

    private final DSLContext db;

    MentionRepository(DSLContext db) {
        this.db = db;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(MENTION.asterisk(), OFFICIAL_ACCOUNT.HANDLE, STAKEHOLDER.NAME, STAKEHOLDER.CATEGORY,
                        ASSIGNEE.DISPLAY_NAME, ASSIGNEE_DEPARTMENT.NAME)
                .from(MENTION)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(MENTION.ACCOUNT_ID))
                .leftJoin(STAKEHOLDER).on(STAKEHOLDER.ID.eq(MENTION.STAKEHOLDER_ID))
                .leftJoin(ASSIGNEE).on(ASSIGNEE.ID.eq(MENTION.ASSIGNEE_MEMBER_ID))
                .leftJoin(ASSIGNEE_DEPARTMENT).on(ASSIGNEE_DEPARTMENT.ID.eq(MENTION.ASSIGNEE_DEPARTMENT_ID));
    }

    List<Mention> find(long organisationId, Collection<Long> accountIds, InboxFilter filter, Instant now, int limit) {
        Condition where = MENTION.ORGANISATION_ID.eq(organisationId).and(MENTION.ACCOUNT_ID.in(accountIds));
        if (filter.state() != null) {
            where = where.and(MENTION.STATE.eq(filter.state().name()));
        }
        if (filter.accountId() != null) {
            where = where.and(MENTION.ACCOUNT_ID.eq(filter.accountId()));
        }
        if (filter.assigneeMemberId() != null) {
            where = where.and(MENTION.ASSIGNEE_MEMBER_ID.eq(filter.assigneeMemberId()));
        }
        if (filter.assigneeDepartmentId() != null) {
            where = where.and(MENTION.ASSIGNEE_DEPARTMENT_ID.eq(filter.assigneeDepartmentId()));
        }
        if (filter.stakeholderCategory() != null) {
            where = where.and(STAKEHOLDER.CATEGORY.eq(filter.stakeholderCategory().name()));
        }
        if (filter.onlyStakeholders()) {
            where = where.and(MENTION.STAKEHOLDER_ID.isNotNull());
        }
        if (filter.olderThan() != null) {
            where = where.and(MENTION.POSTED_AT.le(utc(now.minus(filter.olderThan()))));
        }
        if (filter.newerThan() != null) {
            where = where.and(MENTION.POSTED_AT.ge(utc(now.minus(filter.newerThan()))));
        }
        // X post ids grow with time, so they order mentions posted in the same instant (numeric strings:
        // the longer is the larger)
        return select().where(where).orderBy(MENTION.POSTED_AT.desc(), DSL.length(MENTION.X_POST_ID).desc(),
                        MENTION.X_POST_ID.desc(), MENTION.ID.desc()).limit(limit)
                .fetch(MentionRepository::toMention);
    }

    Optional<Mention> find(long organisationId, long id) {
        return select().where(MENTION.ORGANISATION_ID.eq(organisationId), MENTION.ID.eq(id))
                .fetchOptional(MentionRepository::toMention);
    }

    Optional<Mention> findByXPost(long accountId, String xPostId) {
        return select().where(MENTION.ACCOUNT_ID.eq(accountId), MENTION.X_POST_ID.eq(xPostId))
                .fetchOptional(MentionRepository::toMention);
    }

    static Mention toMention(Record r) {
        String category = r.get(STAKEHOLDER.CATEGORY);
        return new Mention(r.get(MENTION.ID), r.get(MENTION.ACCOUNT_ID), r.get(OFFICIAL_ACCOUNT.HANDLE),
                r.get(MENTION.X_POST_ID), r.get(MENTION.AUTHOR_X_USER_ID), r.get(MENTION.AUTHOR_USERNAME),
                r.get(MENTION.AUTHOR_NAME), r.get(MENTION.TEXT), r.get(MENTION.POSTED_AT).toInstant(),
                r.get(MENTION.FETCHED_AT).toInstant(), r.get(MENTION.IN_REPLY_TO_X_POST_ID), r.get(MENTION.STAKEHOLDER_ID),
                r.get(STAKEHOLDER.NAME), category == null ? null : StakeholderCategory.valueOf(category),
                MentionState.valueOf(r.get(MENTION.STATE)), r.get(MENTION.ASSIGNEE_MEMBER_ID),
                r.get(ASSIGNEE.DISPLAY_NAME), r.get(MENTION.ASSIGNEE_DEPARTMENT_ID), r.get(ASSIGNEE_DEPARTMENT.NAME),
                instant(r.get(MENTION.FIRST_RESPONSE_AT)), r.get(MENTION.REPLY_POST_ID), r.get(MENTION.QUOTE_POST_ID),
                r.get(MENTION.REPOST_POST_ID), instant(r.get(MENTION.LIKED_AT)), r.get(MENTION.LIKED_BY_NAME),
                r.get(MENTION.DELETED_ON_X), r.get(MENTION.VERSION));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    // ------------------------------------------------------------------ polling

    MentionPollRecord poll(long organisationId, long accountId) {
        db.insertInto(MENTION_POLL)
                .set(MENTION_POLL.ACCOUNT_ID, accountId)
                .set(MENTION_POLL.ORGANISATION_ID, organisationId)
                .onConflictDoNothing()
                .execute();
        return db.selectFrom(MENTION_POLL).where(MENTION_POLL.ACCOUNT_ID.eq(accountId)).forUpdate().fetchSingle();
    }

    @Nullable MentionPollRecord pollState(long accountId) {
        return db.selectFrom(MENTION_POLL).where(MENTION_POLL.ACCOUNT_ID.eq(accountId)).fetchOne();
    }

    void savePoll(MentionPollRecord poll) {
        poll.store();
    }

    /** Keeps the page's mentions that are not there yet; returns how many were new. */
    int insertPage(long organisationId, long accountId, List<XPost> posts, List<XUser> users, Instant now) {
        int added = 0;
        for (XPost post : posts) {
            String authorId = post.authorId() == null ? "" : post.authorId();
            XUser author = users.stream().filter(u -> u.id().equals(authorId)).findFirst().orElse(null);
            String username = author == null ? authorId : author.username();
            Long stakeholder = stakeholderFor(organisationId, authorId, username);
            added += db.insertInto(MENTION)
                    .set(MENTION.ORGANISATION_ID, organisationId)
                    .set(MENTION.ACCOUNT_ID, accountId)
                    .set(MENTION.X_POST_ID, post.id())
                    .set(MENTION.AUTHOR_X_USER_ID, authorId)
                    .set(MENTION.AUTHOR_USERNAME, username)
                    .set(MENTION.AUTHOR_NAME, author == null ? null : author.name())
                    .set(MENTION.TEXT, post.text())
                    .set(MENTION.POSTED_AT, utc(post.createdAt() == null ? now : post.createdAt()))
                    .set(MENTION.FETCHED_AT, utc(now))
                    .set(MENTION.IN_REPLY_TO_X_POST_ID, post.inReplyToPostId())
                    .set(MENTION.CONVERSATION_ID, post.conversationId())
                    .set(MENTION.STAKEHOLDER_ID, stakeholder)
                    .onConflictDoNothing()
                    .execute();
        }
        return added;
    }

    /** The organisation's stakeholder with this X user id, or else with this handle. */
    @Nullable Long stakeholderFor(long organisationId, String xUserId, String username) {
        Long byId = db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.X_USER_ID.eq(xUserId))
                .orderBy(STAKEHOLDER.ID).limit(1).fetchOne(STAKEHOLDER.ID);
        if (byId != null) {
            return byId;
        }
        return db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId),
                        DSL.lower(STAKEHOLDER.HANDLE).eq(username.toLowerCase(Locale.ROOT)))
                .limit(1).fetchOne(STAKEHOLDER.ID);
    }

    /** Mentions of the account still waiting for an answer, newest first: to look for deletions on X. */
    List<String> openXPostIds(long accountId, int limit) {
        return db.select(MENTION.X_POST_ID).from(MENTION)
                .where(MENTION.ACCOUNT_ID.eq(accountId), MENTION.DELETED_ON_X.isFalse(),
                        MENTION.STATE.in(MentionState.NEW.name(), MentionState.ASSIGNED.name(), MentionState.ESCALATED.name()))
                .orderBy(MENTION.POSTED_AT.desc()).limit(limit).fetch(MENTION.X_POST_ID);
    }

    int markDeleted(long accountId, Collection<String> xPostIds) {
        if (xPostIds.isEmpty()) {
            return 0;
        }
        return db.update(MENTION).set(MENTION.DELETED_ON_X, true).set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ACCOUNT_ID.eq(accountId), MENTION.X_POST_ID.in(xPostIds), MENTION.DELETED_ON_X.isFalse())
                .execute();
    }

    // ------------------------------------------------------------------ triage

    boolean assign(long organisationId, long id, int version, @Nullable Long memberId, @Nullable Long departmentId,
            MentionState state) {
        return db.update(MENTION)
                .set(MENTION.ASSIGNEE_MEMBER_ID, memberId)
                .set(MENTION.ASSIGNEE_DEPARTMENT_ID, departmentId)
                .set(MENTION.STATE, state.name())
                .set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ORGANISATION_ID.eq(organisationId), MENTION.ID.eq(id), MENTION.VERSION.eq(version))
                .execute() == 1;
    }

    boolean setState(long organisationId, long id, int version, MentionState state, @Nullable Instant responseAt) {
        return db.update(MENTION)
                .set(MENTION.STATE, state.name())
                .set(MENTION.FIRST_RESPONSE_AT, responseAt == null ? MENTION.FIRST_RESPONSE_AT
                        : DSL.coalesce(MENTION.FIRST_RESPONSE_AT, DSL.val(utc(responseAt))))
                .set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ORGANISATION_ID.eq(organisationId), MENTION.ID.eq(id), MENTION.VERSION.eq(version))
                .execute() == 1;
    }

    void linkReply(long id, long postId) {
        db.update(MENTION).set(MENTION.REPLY_POST_ID, postId).set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ID.eq(id)).execute();
    }

    void linkQuote(long id, long postId) {
        db.update(MENTION).set(MENTION.QUOTE_POST_ID, postId).set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ID.eq(id)).execute();
    }

    void linkRepost(long id, long postId) {
        db.update(MENTION).set(MENTION.REPOST_POST_ID, postId).set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ID.eq(id)).execute();
    }

    void liked(long id, String byName, Instant at) {
        db.update(MENTION).set(MENTION.LIKED_AT, utc(at)).set(MENTION.LIKED_BY_NAME, byName)
                .set(MENTION.VERSION, MENTION.VERSION.plus(1)).where(MENTION.ID.eq(id)).execute();
    }

    /**
     * A post of the account went out on X: every mention it answers (linked to it from the inbox, or
     * whose X post it replies to, quotes or reposts) is replied, with its first response time kept.
     */
    /** Of these posts, those a mention names as its reply, quote or repost. */
    Set<Long> namedAsAnswer(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> named = new HashSet<>();
        db.select(MENTION.REPLY_POST_ID, MENTION.QUOTE_POST_ID, MENTION.REPOST_POST_ID).from(MENTION)
                .where(MENTION.REPLY_POST_ID.in(postIds).or(MENTION.QUOTE_POST_ID.in(postIds))
                        .or(MENTION.REPOST_POST_ID.in(postIds)))
                .forEach(r -> {
                    named.add(r.value1());
                    named.add(r.value2());
                    named.add(r.value3());
                });
        named.retainAll(new HashSet<>(postIds));
        return named;
    }

    List<Long> responded(long organisationId, long accountId, long postId, @Nullable String replyToXPostId,
            @Nullable String quoteXPostId, Instant at) {
        Condition answers = MENTION.REPLY_POST_ID.eq(postId).or(MENTION.QUOTE_POST_ID.eq(postId))
                .or(MENTION.REPOST_POST_ID.eq(postId));
        if (replyToXPostId != null) {
            answers = answers.or(MENTION.X_POST_ID.eq(replyToXPostId));
        }
        if (quoteXPostId != null) {
            answers = answers.or(MENTION.X_POST_ID.eq(quoteXPostId));
        }
        return db.update(MENTION)
                .set(MENTION.FIRST_RESPONSE_AT, DSL.coalesce(MENTION.FIRST_RESPONSE_AT, DSL.val(utc(at))))
                .set(MENTION.STATE, MentionState.REPLIED.name())
                .set(MENTION.VERSION, MENTION.VERSION.plus(1))
                .where(MENTION.ORGANISATION_ID.eq(organisationId), MENTION.ACCOUNT_ID.eq(accountId), answers)
                .returning(MENTION.ID)
                .fetch(MENTION.ID);
    }

    // ------------------------------------------------------------------ notes

    long addNote(long organisationId, long mentionId, long authorId, String body, Instant at) {
        return db.insertInto(MENTION_NOTE)
                .set(MENTION_NOTE.ORGANISATION_ID, organisationId)
                .set(MENTION_NOTE.MENTION_ID, mentionId)
                .set(MENTION_NOTE.AUTHOR_ID, authorId)
                .set(MENTION_NOTE.BODY, body)
                .set(MENTION_NOTE.CREATED_AT, utc(at))
                .returning(MENTION_NOTE.ID)
                .fetchSingle(MENTION_NOTE.ID);
    }

    List<MentionNote> notes(long organisationId, long mentionId) {
        return db.select(MENTION_NOTE.asterisk(), MEMBER.DISPLAY_NAME).from(MENTION_NOTE)
                .join(MEMBER).on(MEMBER.ID.eq(MENTION_NOTE.AUTHOR_ID))
                .where(MENTION_NOTE.ORGANISATION_ID.eq(organisationId), MENTION_NOTE.MENTION_ID.eq(mentionId))
                .orderBy(MENTION_NOTE.CREATED_AT, MENTION_NOTE.ID)
                .fetch(r -> new MentionNote(r.get(MENTION_NOTE.ID), r.get(MENTION_NOTE.AUTHOR_ID), r.get(MEMBER.DISPLAY_NAME),
                        r.get(MENTION_NOTE.BODY), r.get(MENTION_NOTE.CREATED_AT).toInstant()));
    }

    // ------------------------------------------------------------------ assignees

    @Nullable String activeMemberName(long organisationId, long memberId) {
        return db.select(MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.ID.eq(memberId), MEMBER.ACTIVE.isTrue())
                .fetchOne(MEMBER.DISPLAY_NAME);
    }

    @Nullable String departmentName(long organisationId, long departmentId) {
        return db.select(DEPARTMENT.NAME).from(DEPARTMENT)
                .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId), DEPARTMENT.ID.eq(departmentId))
                .fetchOne(DEPARTMENT.NAME);
    }
}
