package org.noticeboard.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record Notification(long id, @Nullable Long postId, String text, Instant createdAt, boolean read) {}
