package org.noticeboard.impact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The impact of one account or campaign over a period. Engagements are likes + reposts + replies +
 * quotes from each post's latest snapshot; the engagement rate is engagements / impressions over the
 * posts whose impressions X reported. Broadcast only: a post that mentions nobody (no @handle), asks
 * nothing (no question mark) and replies to nobody (seed 002, tip 2: "Don't broadcast").
 */
public record Dashboard(
        String scope,
        LocalDate from,
        LocalDate to,
        int postsPublished,
        int postsMeasured,
        long engagements,
        long impressions,
        @Nullable Double engagementRate,
        List<Week> weeks,
        List<TopPost> topPosts,
        int broadcastOnly,
        @Nullable Double broadcastOnlyShare,
        int mentions,
        List<CategoryCount> mentionsByCategory,
        int repliesFromDecisionMakers,
        List<DecisionMakerReply> decisionMakerReplies,
        int mentionsAnswered,
        @Nullable Duration medianFirstResponse) {

    public Dashboard {
        weeks = List.copyOf(weeks);
        topPosts = List.copyOf(topPosts);
        mentionsByCategory = List.copyOf(mentionsByCategory);
        decisionMakerReplies = List.copyOf(decisionMakerReplies);
    }

    /** Nothing was published and no mention arrived in the period: there is nothing to chart. */
    public boolean empty() {
        return postsPublished == 0 && mentions == 0;
    }

    /** One week (Monday to Sunday, clipped to the period). */
    public record Week(LocalDate startsOn, int posts, long engagements, long impressions, @Nullable Double engagementRate) {}

    public record TopPost(long postId, String text, Instant publishedAt, int likes, int reposts, int replies, int quotes,
            @Nullable Long impressions, boolean goneFromX) {

        public int engagements() {
            return likes + reposts + replies + quotes;
        }
    }

    /** Mentions by the stakeholder category of their author; {@code category} "Not a stakeholder" for the rest. */
    public record CategoryCount(String category, int mentions) {}

    /** A reply to one of the posts from a stakeholder who makes decisions (MP, minister, devolved member, ICB / health board). */
    public record DecisionMakerReply(String authorUsername, String stakeholderName, String category, Instant postedAt,
            String text) {}
}
