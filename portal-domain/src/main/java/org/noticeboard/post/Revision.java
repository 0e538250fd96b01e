package org.noticeboard.post;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One immutable version of a post's content, with the policy check made when it was saved. */
public record Revision(
        int number,
        String text,
        @Nullable String replyToUrl,
        @Nullable String quoteUrl,
        @Nullable Long campaignId,
        @Nullable String campaignName,
        List<RevisionImage> images,
        String authorName,
        Instant createdAt,
        String contentHash,
        int policyVersion,
        int weightedLength,
        boolean blocked,
        List<CheckedFinding> findings) {

    public Revision {
        images = List.copyOf(images);
        findings = List.copyOf(findings);
    }

    public boolean validLengthForX() {
        return weightedLength <= org.noticeboard.policy.CheckResult.MAX_WEIGHTED_LENGTH;
    }

    /** Warnings still waiting for a justification. */
    public List<CheckedFinding> unjustifiedWarnings() {
        return findings.stream().filter(CheckedFinding::needsJustification).toList();
    }
}
