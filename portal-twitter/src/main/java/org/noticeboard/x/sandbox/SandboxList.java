package org.noticeboard.x.sandbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An X List owned by a sandbox user. */
public record SandboxList(String id, String ownerId, String name, @Nullable String description, boolean isPrivate,
        Instant createdAt) {}
