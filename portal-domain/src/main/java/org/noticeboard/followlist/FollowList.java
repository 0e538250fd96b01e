package org.noticeboard.followlist;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A department's follow list, as the caller sees it. {@code publicToken} is set while it is PUBLIC
 * (the link is {@code /lists/public/<token>} or wherever the application serves it);
 * {@code editable} says whether the caller may change it.
 */
public record FollowList(
        long id,
        long departmentId,
        String departmentName,
        String name,
        @Nullable String description,
        @Nullable String purpose,
        Visibility visibility,
        @Nullable String publicToken,
        @Nullable Long forkedFromId,
        int memberCount,
        Instant createdAt,
        Instant updatedAt,
        int version,
        boolean editable) {}
