package org.noticeboard.followlist;

import java.time.Instant;

/**
 * A department's subscription to another department's list: {@code unseenChanges} counts the changes
 * made since the department last marked the list as seen.
 */
public record Subscription(
        long listId,
        String listName,
        long listDepartmentId,
        String listDepartmentName,
        Visibility visibility,
        long departmentId,
        long lastSeenChangeId,
        int unseenChanges,
        Instant subscribedAt) {}
