package org.noticeboard.followlist;

import org.noticeboard.access.Actor;
import org.springframework.stereotype.Component;

/**
 * The follow-list visibility rule ({@link Viewer}) for other features that reach a list through
 * something else, such as a sync of the list to X: one rule, so a list hidden from a member here is
 * hidden there too.
 */
@Component
public class ListVisibility {

    private final ListAccess rules;

    ListVisibility(ListAccess rules) {
        this.rules = rules;
    }

    /** Whether the actor sees a list of this organisation, department and visibility. */
    public boolean sees(Actor actor, long organisationId, long departmentId, Visibility visibility) {
        return rules.viewer(actor).sees(organisationId, departmentId, visibility);
    }
}
