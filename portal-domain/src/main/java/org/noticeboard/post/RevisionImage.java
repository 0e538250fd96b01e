package org.noticeboard.post;

import org.jspecify.annotations.Nullable;

public record RevisionImage(long mediaId, String fileName, int width, int height, @Nullable String altText) {}
