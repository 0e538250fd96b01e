package org.noticeboard.followlist;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change to a list's members, as kept: whom (handle and name as they were then, still there
 * after the stakeholder left the directory), who did it, when, and why.
 */
public record ListChange(
        long id,
        long listId,
        long stakeholderId,
        String handle,
        String stakeholderName,
        Kind kind,
        @Nullable Long memberId,
        String memberName,
        @Nullable String note,
        Instant at) {

    public enum Kind {
        ADDED,
        REMOVED
    }
}
