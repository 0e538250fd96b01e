package org.noticeboard.listsync;

import org.jspecify.annotations.Nullable;

/** A change X refused, with the stakeholder it concerned (when still on the list) and X's words. */
public record SyncProblem(String action, String xUserId, @Nullable Long stakeholderId, @Nullable String handle,
        @Nullable String name, String detail) {}
