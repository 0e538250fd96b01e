package org.noticeboard.compliance;

import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditEvent;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostService;
import org.noticeboard.post.Revision;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.Publisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding any post of the organisation and reading its dossier: auditors only, and every dossier opened is recorded. */
@Service
public class DossierService {

    private final DSLContext db;
    private final Access access;
    private final PostService posts;
    private final ReviewService review;
    private final Publisher publisher;
    private final AuditService audit;
    private final OfficialAccountService accounts;
    private final org.noticeboard.audit.AuditTrail trail;

    public DossierService(DSLContext db, Access access, PostService posts, ReviewService review, Publisher publisher,
            AuditService audit, OfficialAccountService accounts, org.noticeboard.audit.AuditTrail trail) {
        this.accounts = accounts;
        this.trail = trail;
        this.db = db;
        this.access = access;
        this.posts = posts;
        this.review = review;
        this.publisher = publisher;
        this.audit = audit;
    }

    /**
     * Posts newest first, by their number, words of their current text, X id or account; a page at a time
     * (at most 200 rows). Each search is recorded (who looked for what) with its first page; later pages of
     * it are not recorded again.
     */
    @Transactional
    public List<PostFound> find(@Nullable String text, @Nullable Long accountId, int offset, int limit) {
        Actor actor = access.require(Role.AUDITOR);
        var conditions = new ArrayList<Condition>();
        conditions.add(POST.ORGANISATION_ID.eq(actor.organisationId()));
        String accountHandle = null;
        if (accountId != null) {
            // another organisation's account is refused as missing, not answered with an empty list
            var account = accounts.get(accountId);
            accountHandle = account.handle().toString();
            conditions.add(POST.ACCOUNT_ID.eq(account.id()));
        }
        if (offset <= 0) {
            String words = text == null || text.isBlank() ? null : text.strip();
            var searched = new java.util.LinkedHashMap<String, @Nullable String>();
            searched.put("text", words);
            searched.put("account", accountHandle);
            trail.record(actor, "dossier.searched", "post_dossiers", "search", actor.displayName() + " searched the post "
                    + "dossiers" + (words == null ? "" : " for \"" + words + "\"") + (accountHandle == null ? ""
                    : " of " + accountHandle), null, searched);
        }
        if (text != null && !text.isBlank()) {
            String t = text.strip();
            Condition match = POST_REVISION.TEXT.containsIgnoreCase(t).or(POST.X_POST_ID.eq(t));
            if (t.matches("#?\\d{1,18}")) {
                match = match.or(POST.ID.eq(Long.parseLong(t.replace("#", ""))));
            }
            conditions.add(match);
        }
        return db.select(POST.ID, OFFICIAL_ACCOUNT.HANDLE, MEMBER.DISPLAY_NAME, POST.STATE, POST_REVISION.TEXT,
                        POST.CREATED_AT, POST.PUBLISHED_AT, POST.X_POST_ID)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                .where(conditions)
                .orderBy(POST.ID.desc())
                .offset(Math.max(0, offset))
                .limit(Math.clamp(limit, 1, 200))
                .fetch(r -> new PostFound(r.get(POST.ID), "@" + r.get(OFFICIAL_ACCOUNT.HANDLE), r.get(MEMBER.DISPLAY_NAME),
                        r.get(POST.STATE), r.get(POST_REVISION.TEXT), r.get(POST.CREATED_AT).toInstant(),
                        r.get(POST.PUBLISHED_AT) == null ? null : r.get(POST.PUBLISHED_AT).toInstant(), r.get(POST.X_POST_ID)));
    }

    /** The post's whole life; opening it is recorded in the audit trail. */
    @Transactional
    public PostDossier dossier(long postId) {
        access.require(Role.AUDITOR);
        Post post = posts.get(postId);
        var revisions = new ArrayList<PostDossier.RevisionEntry>();
        Revision previous = null;
        for (int number : post.revisions()) {
            Revision revision = posts.revision(postId, number);
            revisions.add(new PostDossier.RevisionEntry(revision,
                    previous == null ? null : WordDiff.between(previous.text(), revision.text())));
            previous = revision;
        }
        List<AuditEvent> events = new ArrayList<>(audit.search(AuditQuery.all().withSubject("post", String.valueOf(postId)),
                0, 500));
        java.util.Collections.reverse(events);
        var dossier = new PostDossier(post, revisions, review.decisions(postId), review.comments(postId),
                publisher.attempts(postId), events);
        audit.opened("the dossier of post #" + postId + " for " + post.accountHandle(), "post", postId);
        return dossier;
    }
}
