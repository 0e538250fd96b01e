package org.noticeboard.inbox;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.StakeholderCategory;

/**
 * One post on X that mentions an official account. {@code text}, {@code authorUsername} and
 * {@code authorName} come from X and are untrusted: shown as plain text only. {@code stakeholder*}
 * is set when the author is one of the organisation's stakeholders.
 */
public record Mention(
        long id,
        long accountId,
        String accountHandle,
        String xPostId,
        String authorXUserId,
        String authorUsername,
        @Nullable String authorName,
        String text,
        Instant postedAt,
        Instant fetchedAt,
        @Nullable String inReplyToXPostId,
        @Nullable Long stakeholderId,
        @Nullable String stakeholderName,
        @Nullable StakeholderCategory stakeholderCategory,
        MentionState state,
        @Nullable Long assigneeMemberId,
        @Nullable String assigneeMemberName,
        @Nullable Long assigneeDepartmentId,
        @Nullable String assigneeDepartmentName,
        @Nullable Instant firstResponseAt,
        @Nullable Long replyPostId,
        @Nullable Long quotePostId,
        @Nullable Long repostPostId,
        @Nullable Instant likedAt,
        @Nullable String likedByName,
        boolean deletedOnX,
        int version) {

    /** The mention's address on X, as the composer takes it for a reply or quote target. */
    public String url() {
        return "https://x.com/" + authorUsername + "/status/" + xPostId;
    }

    /** Time from the mention being posted to the first response, when there is one. */
    public @Nullable Duration responseTime() {
        return firstResponseAt == null ? null : Duration.between(postedAt, firstResponseAt);
    }

    /** Who it is assigned to, in words, or null. */
    public @Nullable String assigneeLabel() {
        if (assigneeMemberName != null) {
            return assigneeMemberName;
        }
        return assigneeDepartmentName == null ? null : assigneeDepartmentName + " (department)";
    }

    public boolean fromStakeholder() {
        return stakeholderId != null;
    }

    /** "2 h 5 min", "3 d 4 h", "45 s": how long something took, for people. */
    public static String describe(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return seconds + " s";
    }
}
