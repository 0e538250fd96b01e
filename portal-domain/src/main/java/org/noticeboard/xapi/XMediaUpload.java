package org.noticeboard.xapi;

import org.jspecify.annotations.Nullable;

/** An image to upload with {@code POST /2/media/upload} before it is attached to a post. */
public record XMediaUpload(byte[] bytes, String contentType, @Nullable String altText) {}
