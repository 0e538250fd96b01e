package org.noticeboard.access;

import org.jspecify.annotations.Nullable;

/** A role held across the organisation ({@code departmentId} null) or within one department. */
public record Grant(long id, Role role, @Nullable Long departmentId, @Nullable String departmentName) {

    public boolean organisationWide() {
        return departmentId == null;
    }

    /**
     * Whether the grant confers its role at all: an organisation-wide role ({@link Role#organisationWideOnly()})
     * stored for one department confers nothing, rather than the whole organisation.
     */
    public boolean confersRole() {
        return organisationWide() || !role.organisationWideOnly();
    }

    public boolean covers(Role wanted, @Nullable Long department) {
        return role == wanted && (departmentId == null || departmentId.equals(department));
    }
}
