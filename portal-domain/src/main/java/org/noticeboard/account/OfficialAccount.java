package org.noticeboard.account;

import org.jspecify.annotations.Nullable;

/**
 * An official X account of the organisation. {@code connection} is the X user it was connected to
 * (kept while it needs reconnecting, so people see who it was); {@code connectionProblem} says in
 * words why X stopped accepting its tokens.
 */
public record OfficialAccount(
        long id,
        XHandle handle,
        String displayName,
        @Nullable Long departmentId,
        @Nullable String departmentName,
        ConnectionState connectionState,
        int version,
        @Nullable XConnection connection,
        @Nullable String connectionProblem) {

    public OfficialAccount(long id, XHandle handle, String displayName, @Nullable Long departmentId,
            @Nullable String departmentName, ConnectionState connectionState, int version) {
        this(id, handle, displayName, departmentId, departmentName, connectionState, version, null, null);
    }
}
