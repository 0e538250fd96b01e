package org.noticeboard.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.publish.AfterPublish;
import org.springframework.stereotype.Component;

/**
 * A post went out on X: every mention it answers (a reply, quote or repost started from the inbox,
 * or any post of the account that replies to or quotes the mention) is marked replied, and its
 * first response time is kept (only the first answer counts).
 */
@Component
class MentionResponses implements AfterPublish {

    private final MentionRepository mentions;
    private final Access access;
    private final AuditTrail audit;

    MentionResponses(MentionRepository mentions, Access access, AuditTrail audit) {
        this.mentions = mentions;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public void published(long organisationId, long accountId, long postId, @Nullable String replyToXPostId,
            @Nullable String quoteXPostId, Instant at) {
        List<Long> answered = mentions.responded(organisationId, accountId, postId, replyToXPostId, quoteXPostId, at);
        if (answered.isEmpty()) {
            return;
        }
        access.asSystem(organisationId, "Noticeboard (publishing)", () -> {
            for (long mentionId : answered) {
                audit.record(access.actor(), "mention.responded", "mention", mentionId, "Mention answered on X by post "
                        + postId, null, Map.of("post", postId, "at", at.toString()));
            }
            return null;
        });
    }

    /**
     * One query finds which of the posts a mention names as its answer; only those, and the posts
     * that reply to or quote a post, can answer a mention, so only they are looked at one by one.
     */
    @Override
    public void publishedAll(List<Published> posts) {
        Set<Long> named = mentions.namedAsAnswer(posts.stream().map(Published::postId).toList());
        for (Published p : posts) {
            if (p.replyToXPostId() != null || p.quoteXPostId() != null || named.contains(p.postId())) {
                published(p.organisationId(), p.accountId(), p.postId(), p.replyToXPostId(), p.quoteXPostId(), p.at());
            }
        }
    }
}
