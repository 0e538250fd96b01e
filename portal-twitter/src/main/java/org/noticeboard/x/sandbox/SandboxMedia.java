package org.noticeboard.x.sandbox;

import org.jspecify.annotations.Nullable;

/** An uploaded image: what {@code POST /2/media/upload} stored (and its alt text, once set), to show it as X would. */
public record SandboxMedia(String id, String mediaKey, String ownerId, String contentType, int width, int height,
        byte[] bytes, @Nullable String altText) {}
