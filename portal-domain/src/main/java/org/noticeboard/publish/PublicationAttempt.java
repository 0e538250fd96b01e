package org.noticeboard.publish;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One attempt to publish a post, as the post's history and the auditor's dossier show it. */
public record PublicationAttempt(int attempt, Instant startedAt, @Nullable Instant finishedAt, String outcome,
        @Nullable String detail, @Nullable String xPostId) {}
