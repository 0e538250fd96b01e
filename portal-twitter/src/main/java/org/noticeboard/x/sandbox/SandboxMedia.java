package org.noticeboard.x.sandbox;

/** An uploaded image: what {@code POST /2/media/upload} stored, to show it as X would. */
public record SandboxMedia(String id, String mediaKey, String ownerId, String contentType, int width, int height,
        byte[] bytes) {}
