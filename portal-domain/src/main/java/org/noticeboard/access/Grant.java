package org.noticeboard.access;

import org.jspecify.annotations.Nullable;

/** A role held across the organisation ({@code departmentId} null) or within one department. */
public record Grant(long id, Role role, @Nullable Long departmentId, @Nullable String departmentName) {

    public boolean organisationWide() {
        return departmentId == null;
    }

    public boolean covers(Role wanted, @Nullable Long department) {
        return role == wanted && (departmentId == null || departmentId.equals(department));
    }
}
