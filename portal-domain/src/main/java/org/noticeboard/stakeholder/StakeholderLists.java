package org.noticeboard.stakeholder;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.noticeboard.access.Actor;

/**
 * What the directory needs to know about follow lists, implemented by the follow-list feature (which
 * depends on the directory, not the other way round). Every method runs in the caller's transaction
 * and applies the lists' visibility rules to the actor.
 */
public interface StakeholderLists {

    /**
     * Why the stakeholder cannot leave the directory: the lists it is on, named where the actor may
     * see them and only counted where not. Empty when it is on none.
     */
    Optional<String> holding(Actor actor, long stakeholderId);

    /** The list an import adds to, after checking that the actor may change it. */
    ImportTarget importTarget(Actor actor, long listId);

    /** Adds stakeholders not yet on the list, each with a history entry carrying {@code note}; returns how many. */
    int addImported(Actor actor, long listId, List<ImportedMember> members, String note);

    record ImportTarget(long listId, String name, Set<Long> memberIds) {

        public ImportTarget {
            memberIds = Set.copyOf(memberIds);
        }
    }

    record ImportedMember(long stakeholderId, String handle, String name) {}
}
