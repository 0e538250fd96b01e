package org.noticeboard.post;

import org.jspecify.annotations.Nullable;

/** An uploaded image placed in a post, with its alt text. */
public record AttachedImage(long mediaId, @Nullable String altText) {}
