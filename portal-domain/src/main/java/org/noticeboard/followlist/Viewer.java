package org.noticeboard.followlist;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;

/**
 * The caller as follow lists see them. A member belongs to a department when it is their own
 * ({@code member.department_id}) or when they hold any role granted for it: the grant is how an
 * organisation admin says "this person works for that department" for someone whose own department
 * is another, or who has none. A role held across the organisation puts its holder above
 * departments ({@code organisationWide}): the organisation trusted them with every department's work.
 *
 * <p>The rule, applied by every service method: a DEPARTMENT list is seen by the members of its
 * department and by holders of an organisation-wide role; ORGANISATION and PUBLIC lists by every
 * member of the organisation; nothing by anyone of another organisation (their lists are looked up
 * within the caller's organisation only, and one that is not seen is reported as not existing).
 * A list is changed only by curators of its department or organisation-wide curators.
 */
record Viewer(Actor actor, @Nullable Long ownDepartment, Set<Long> departments, boolean organisationWide) {

    Viewer {
        departments = Set.copyOf(departments);
    }

    boolean sees(FollowListRepository.ListRow list) {
        return sees(list.organisationId(), list.departmentId(), list.visibility());
    }

    boolean sees(long organisationId, long departmentId, Visibility visibility) {
        return organisationId == actor.organisationId()
                && (visibility != Visibility.DEPARTMENT || organisationWide || departments.contains(departmentId));
    }

    boolean curates(long departmentId) {
        return actor.has(Role.CURATOR, departmentId);
    }
}
