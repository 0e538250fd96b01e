package org.noticeboard.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post whose current revision belongs to a campaign, with its latest metrics when it has been
 * published and measured ({@code engagements} likes + reposts + replies + quotes).
 */
public record CampaignPost(long postId, String accountHandle, String text, String state, @Nullable Instant scheduledAt,
        @Nullable Instant publishedAt, @Nullable Integer engagements, @Nullable Long impressions, boolean goneFromX) {}
