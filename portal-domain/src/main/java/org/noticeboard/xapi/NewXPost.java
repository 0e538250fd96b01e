package org.noticeboard.xapi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What to post: text, optionally as a reply to or a quote of another post, with up to 4 uploaded media ids. */
public record NewXPost(String text, @Nullable String inReplyToPostId, @Nullable String quotePostId,
        List<String> mediaIds) {

    public NewXPost {
        mediaIds = List.copyOf(mediaIds);
        if (mediaIds.size() > 4) {
            throw new IllegalArgumentException("X takes at most 4 images on a post");
        }
    }

    public NewXPost(String text) {
        this(text, null, null, List.of());
    }
}
