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

    /** The justifications given for this revision's warnings, by finding key. */
    public java.util.Map<String, String> justifications() {
        var given = new java.util.LinkedHashMap<String, String>();
        findings.forEach(f -> {
            if (f.justification() != null) {
                given.put(f.key(), f.justification());
            }
        });
        return given;
    }

    /** This revision's content as a draft for the account, to save again or edit. */
    public PostDraft asDraft(long accountId) {
        return new PostDraft(accountId, text, replyToUrl, quoteUrl, campaignId,
                images.stream().map(i -> new AttachedImage(i.mediaId(), i.altText())).toList(), justifications());
    }

    /** Warnings still waiting for a justification. */
    public List<CheckedFinding> unjustifiedWarnings() {
        return findings.stream().filter(CheckedFinding::needsJustification).toList();
    }
}
