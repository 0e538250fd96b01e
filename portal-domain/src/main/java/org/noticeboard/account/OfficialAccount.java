package org.noticeboard.account;

import org.jspecify.annotations.Nullable;

public record OfficialAccount(
        long id,
        XHandle handle,
        String displayName,
        @Nullable Long departmentId,
        @Nullable String departmentName,
        ConnectionState connectionState,
        int version) {}
