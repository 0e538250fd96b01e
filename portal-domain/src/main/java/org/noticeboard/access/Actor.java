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

    /** Only the grants that confer their role are kept (see {@link Grant#confersRole()}). */
    public Actor {
        grants = grants.stream().filter(Grant::confersRole).toList();
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

    /** Holds some role: a member with none (anyone the identity provider lets in) sees their home page only. */
    public boolean hasAnyRole() {
        return isSystem() || !grants.isEmpty();
    }

    /**
     * Whether the caller may see a post by that author for an account of that department (null: an account of
     * the whole organisation): its author, the account's approvers, and the organisation's auditors. Every
     * service that shows a post, or a row of one, asks this.
     */
    public boolean maySeePost(@Nullable Long authorId, @Nullable Long accountDepartmentId) {
        return (memberId != null && memberId.equals(authorId)) || hasOrganisationWide(Role.AUDITOR)
                || has(Role.APPROVER, accountDepartmentId);
    }

    public Set<Role> roles() {
        var roles = EnumSet.noneOf(Role.class);
        grants.forEach(g -> roles.add(g.role()));
        return roles;
    }
}
