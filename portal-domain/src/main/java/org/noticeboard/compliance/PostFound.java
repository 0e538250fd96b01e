package org.noticeboard.compliance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A post found by an auditor's search, to open its dossier. */
public record PostFound(long id, String accountHandle, String authorName, String state, String text,
        Instant createdAt, @Nullable Instant publishedAt, @Nullable String xPostId) {}
