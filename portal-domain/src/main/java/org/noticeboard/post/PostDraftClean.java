package org.noticeboard.post;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A draft after validation: URLs normalised, images checked to be the organisation's. */
record PostDraftClean(long accountId, String text, @Nullable String replyToUrl, @Nullable String quoteUrl,
        @Nullable Long campaignId, List<AttachedImage> images) {}
