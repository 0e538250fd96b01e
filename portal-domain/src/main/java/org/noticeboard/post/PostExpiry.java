package org.noticeboard.post;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A post still in review when its time comes expires: it needs a new time (and review) before
 * it can go out. Run by the installation on a timer, in every organisation; each post moves in
 * one conditional UPDATE, so several instances may run it at once.
 */
@Component
public class PostExpiry {

    private final PostRepository posts;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public PostExpiry(PostRepository posts, Access access, AuditTrail audit, Clock clock) {
        this.posts = posts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Expires every post due by now; returns how many. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (long postId : posts.dueInReview(now)) {
            Long organisationId = posts.expire(postId, now);
            if (organisationId == null) {
                continue;
            }
            expired++;
            access.asSystem(organisationId, "Noticeboard (schedule)", () -> {
                audit.record(access.actor(), "post.expired", "post", postId,
                        "Post expired: its time came before every approval; it needs a new time",
                        Map.of("state", PostState.IN_REVIEW.name()), Map.of("state", PostState.EXPIRED.name()));
                return null;
            });
        }
        return expired;
    }
}
