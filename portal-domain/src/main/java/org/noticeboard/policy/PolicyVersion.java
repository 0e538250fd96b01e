package org.noticeboard.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One saved version of an organisation's policy. */
public record PolicyVersion(int version, PolicySettings settings, @Nullable String note, String createdByName,
        Instant createdAt) {}
