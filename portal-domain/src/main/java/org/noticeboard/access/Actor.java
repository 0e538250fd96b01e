package org.noticeboard.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling a domain service: a signed-in member of one organisation with their grants
 * as stored now, or the system itself (memberId null) acting inside one organisation.
 */
public record Actor(@Nullable Long memberId, long organisationId, String displayName, List<Grant> grants) {

    public Actor {
        grants = List.copyOf(grants);
    }

    public static Actor system(long organisationId, String name) {
        return new Actor(null, organisationId, name, List.of(
                new Grant(0, Role.ORG_ADMIN, null, null), new Grant(0, Role.ACCOUNT_ADMIN, null, null)));
    }

    public boolean isSystem() {
        return memberId == null;
    }

    /** Holds the role anywhere in the organisation (across it, or in any department). */
    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean hasOrganisationWide(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role && g.organisationWide());
    }

    /** Holds the role across the organisation or in that department. */
    public boolean has(Role role, @Nullable Long departmentId) {
        return grants.stream().anyMatch(g -> g.covers(role, departmentId));
    }

    public Set<Role> roles() {
        var roles = EnumSet.noneOf(Role.class);
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }
}
