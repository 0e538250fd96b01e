package org.noticeboard.post;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An approval or rejection of one revision (by its content hash) at one step of the workflow, in one
 * review round of the post.
 */
public record Decision(int revision, String contentHash, int step, long memberId, String memberName, boolean approved,
        @Nullable String reason, Instant at, int round) {}
