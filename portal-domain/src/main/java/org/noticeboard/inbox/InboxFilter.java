package org.noticeboard.inbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.StakeholderCategory;

/**
 * What the inbox shows: each field narrows it, null for any. {@code olderThan} keeps mentions
 * posted at least that long ago (waiting long), {@code newerThan} those posted within it.
 * {@code onlyStakeholders} keeps mentions whose author is a known stakeholder of any category.
 */
public record InboxFilter(
        @Nullable MentionState state,
        @Nullable Long accountId,
        @Nullable Long assigneeMemberId,
        @Nullable Long assigneeDepartmentId,
        @Nullable StakeholderCategory stakeholderCategory,
        boolean onlyStakeholders,
        @Nullable Duration olderThan,
        @Nullable Duration newerThan) {

    public static InboxFilter all() {
        return new InboxFilter(null, null, null, null, null, false, null, null);
    }

    public InboxFilter withState(@Nullable MentionState value) {
        return new InboxFilter(value, accountId, assigneeMemberId, assigneeDepartmentId, stakeholderCategory,
                onlyStakeholders, olderThan, newerThan);
    }

    public InboxFilter withAccount(@Nullable Long value) {
        return new InboxFilter(state, value, assigneeMemberId, assigneeDepartmentId, stakeholderCategory,
                onlyStakeholders, olderThan, newerThan);
    }

    public InboxFilter withAssigneeMember(@Nullable Long value) {
        return new InboxFilter(state, accountId, value, assigneeDepartmentId, stakeholderCategory, onlyStakeholders,
                olderThan, newerThan);
    }

    public InboxFilter withAssigneeDepartment(@Nullable Long value) {
        return new InboxFilter(state, accountId, assigneeMemberId, value, stakeholderCategory, onlyStakeholders,
                olderThan, newerThan);
    }

    public InboxFilter withStakeholderCategory(@Nullable StakeholderCategory value) {
        return new InboxFilter(state, accountId, assigneeMemberId, assigneeDepartmentId, value, onlyStakeholders,
                olderThan, newerThan);
    }

    public InboxFilter withOnlyStakeholders(boolean value) {
        return new InboxFilter(state, accountId, assigneeMemberId, assigneeDepartmentId, stakeholderCategory, value,
                olderThan, newerThan);
    }

    public InboxFilter withOlderThan(@Nullable Duration value) {
        return new InboxFilter(state, accountId, assigneeMemberId, assigneeDepartmentId, stakeholderCategory,
                onlyStakeholders, value, newerThan);
    }

    public InboxFilter withNewerThan(@Nullable Duration value) {
        return new InboxFilter(state, accountId, assigneeMemberId, assigneeDepartmentId, stakeholderCategory,
                onlyStakeholders, olderThan, value);
    }
}
