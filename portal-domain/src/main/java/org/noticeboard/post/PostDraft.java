package org.noticeboard.post;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the author wrote: the account, the text, a reply or quote target (an X post URL), the
 * campaign, up to 4 images with alt text, and justifications for warnings, keyed by
 * {@link CheckedFinding#key()}.
 */
public record PostDraft(long accountId, String text, @Nullable String replyToUrl, @Nullable String quoteUrl,
        @Nullable Long campaignId, List<AttachedImage> images, Map<String, String> justifications) {

    public PostDraft {
        images = List.copyOf(images);
        justifications = Map.copyOf(justifications);
    }

    public PostDraft withText(String value) {
        return new PostDraft(accountId, value, replyToUrl, quoteUrl, campaignId, images, justifications);
    }
}
