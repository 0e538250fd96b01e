package org.noticeboard.impact;

import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the public metrics of published posts 1 hour, 1 day and 7 days after they went out and
 * keeps each as a snapshot. A post is due when its newest passed milestone has no snapshot yet; a
 * milestone passed while the portal was stopped is not taken late once a later one is also due (its
 * figures would belong to the later time), so a post has at most one snapshot per milestone, and the
 * unique key holds that even when two instances run at once. X is asked about up to 100 posts per
 * request. A post X no longer returns was deleted there: it is marked, audited, and not asked about again.
 */
@Service
public class MetricsCollector {

    private static final Logger log = LoggerFactory.getLogger(MetricsCollector.class);
    /** Hours after publication at which metrics are taken. */
    public static final List<Integer> MILESTONES = List.of(1, 24, 168);
    static final int BATCH = 100;
    /** The 7-day milestone is still taken up to this long after publication (the portal may have been stopped). */
    static final Duration LOOK_BACK = Duration.ofDays(30);

    private record DuePost(long postId, long organisationId, long accountId, String xPostId, int milestone) {}

    private final DSLContext db;
    private final XGateway x;
    private final XTokens tokens;
    private final Access access;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public MetricsCollector(DSLContext db, XGateway x, XTokens tokens, Access access, AuditTrail audit,
            TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.x = x;
        this.tokens = tokens;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The milestone (in hours) a post published at {@code publishedAt} has reached at {@code now}, 0 before the first. */
    static int reachedMilestone(Instant publishedAt, Instant now) {
        int reached = 0;
        for (int hours : MILESTONES) {
            if (!publishedAt.plus(Duration.ofHours(hours)).isAfter(now)) {
                reached = hours;
            }
        }
        return reached;
    }

    /** How many posts have a metrics snapshot due now. */
    public int dueCount() {
        return due(Integer.MAX_VALUE).size();
    }

    /** Fetches and stores the snapshots due now, for up to {@code limit} posts, oldest publication first. */
    public MetricsRun collectDue(int limit) {
        Instant now = clock.instant();
        List<DuePost> due = due(limit);
        var byAccount = new LinkedHashMap<Long, List<DuePost>>();
        due.forEach(p -> byAccount.computeIfAbsent(p.accountId(), k -> new ArrayList<>()).add(p));
        int snapshots = 0;
        int gone = 0;
        int requests = 0;
        int deferred = 0;
        for (var entry : byAccount.entrySet()) {
            XToken token;
            try {
                token = tokens.tokenFor(entry.getKey());
            } catch (XException e) {
                log.info("Metrics of account {} wait: {}", entry.getKey(), e.getMessage());
                deferred++;
                continue;
            }
            List<DuePost> posts = entry.getValue();
            for (int from = 0; from < posts.size(); from += BATCH) {
                List<DuePost> batch = posts.subList(from, Math.min(posts.size(), from + BATCH));
                List<XPost> found;
                try {
                    requests++;
                    found = x.posts(token, batch.stream().map(DuePost::xPostId).toList());
                } catch (XException e) {
                    if (e.failure() == XFailure.UNAUTHORIZED) {
                        tokens.rejected(entry.getKey(), "X answered \"" + e.getMessage() + "\" when asked for metrics");
                    }
                    log.info("Metrics of account {} wait ({}): {}", entry.getKey(), e.failure(), e.getMessage());
                    deferred++;
                    break;
                }
                int[] counts = tx.execute(s -> store(batch, found, now));
                snapshots += counts[0];
                gone += counts[1];
            }
        }
        return new MetricsRun(due.size(), snapshots, gone, requests, deferred);
    }

    private int[] store(List<DuePost> batch, List<XPost> found, Instant now) {
        Map<String, XPost> byId = new HashMap<>();
        found.forEach(p -> byId.put(p.id(), p));
        int stored = 0;
        int gone = 0;
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (DuePost post : batch) {
            XPost onX = byId.get(post.xPostId());
            if (onX == null) {
                if (db.update(POST).set(POST.GONE_FROM_X_AT, at)
                        .where(POST.ID.eq(post.postId()), POST.GONE_FROM_X_AT.isNull()).execute() == 1) {
                    gone++;
                    access.asSystem(post.organisationId(), "Noticeboard (metrics)", () -> {
                        audit.record(access.actor(), "post.gone-from-x", "post", post.postId(), "X no longer has post "
                                + post.xPostId() + " (deleted on X): its metrics are kept as last fetched", null, null);
                        return null;
                    });
                }
                continue;
            }
            if (onX.metrics() == null) {
                continue;
            }
            var m = onX.metrics();
            stored += db.insertInto(POST_METRIC_SNAPSHOT)
                    .set(POST_METRIC_SNAPSHOT.ORGANISATION_ID, post.organisationId())
                    .set(POST_METRIC_SNAPSHOT.POST_ID, post.postId())
                    .set(POST_METRIC_SNAPSHOT.MILESTONE_HOURS, post.milestone())
                    .set(POST_METRIC_SNAPSHOT.TAKEN_AT, at)
                    .set(POST_METRIC_SNAPSHOT.LIKES, m.likes())
                    .set(POST_METRIC_SNAPSHOT.REPOSTS, m.reposts())
                    .set(POST_METRIC_SNAPSHOT.REPLIES, m.replies())
                    .set(POST_METRIC_SNAPSHOT.QUOTES, m.quotes())
                    .set(POST_METRIC_SNAPSHOT.IMPRESSIONS, m.impressions())
                    .onConflictDoNothing()
                    .execute();
        }
        return new int[] {stored, gone};
    }

    private List<DuePost> due(int limit) {
        Instant now = clock.instant();
        OffsetDateTime nowAt = now.atOffset(ZoneOffset.UTC);
        Field<Integer> reached = DSL.when(POST.PUBLISHED_AT.le(nowAt.minusHours(168)), DSL.inline(168))
                .when(POST.PUBLISHED_AT.le(nowAt.minusHours(24)), DSL.inline(24))
                .otherwise(DSL.inline(1));
        Field<Integer> taken = DSL.field(DSL.select(DSL.max(POST_METRIC_SNAPSHOT.MILESTONE_HOURS)).from(POST_METRIC_SNAPSHOT)
                .where(POST_METRIC_SNAPSHOT.POST_ID.eq(POST.ID)));
        return db.select(POST.ID, POST.ORGANISATION_ID, POST.ACCOUNT_ID, POST.X_POST_ID, reached)
                .from(POST)
                .where(POST.STATE.eq("PUBLISHED"), POST.X_POST_ID.isNotNull(), POST.GONE_FROM_X_AT.isNull(),
                        POST.PUBLISHED_AT.le(nowAt.minusHours(1)), POST.PUBLISHED_AT.gt(nowAt.minus(LOOK_BACK)),
                        reached.gt(DSL.coalesce(taken, DSL.inline(0))))
                .orderBy(POST.PUBLISHED_AT, POST.ID)
                .limit(limit)
                .fetch(r -> new DuePost(r.get(POST.ID), r.get(POST.ORGANISATION_ID), r.get(POST.ACCOUNT_ID),
                        r.get(POST.X_POST_ID), r.get(reached)));
    }
}
