package org.noticeboard.post;

/** An uploaded image: what it is and how big. */
public record ImageInfo(long mediaId, String fileName, String contentType, int sizeBytes, int width, int height) {}
