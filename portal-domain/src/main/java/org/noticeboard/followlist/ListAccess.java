package org.noticeboard.followlist;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Grant;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Decides, for every follow-list operation, whom the caller is (see {@link Viewer}) and what they may see and change. */
@Component
class ListAccess {

    private final FollowListRepository lists;
    private final Access access;

    ListAccess(FollowListRepository lists, Access access) {
        this.lists = lists;
        this.access = access;
    }

    /** The calling member, who must hold some role: the lists and their notes are internal. */
    Viewer viewer() {
        return viewer(access.requireAnyRole());
    }

    Viewer viewer(Actor actor) {
        Long own = actor.memberId() == null ? null
                : lists.departmentOf(actor.organisationId(), actor.memberId()).orElse(null);
        Set<Long> departments = new HashSet<>();
        if (own != null) {
            departments.add(own);
        }
        boolean organisationWide = actor.isSystem();
        for (Grant grant : actor.grants()) {
            if (grant.organisationWide()) {
                organisationWide = true;
            } else {
                departments.add(Objects.requireNonNull(grant.departmentId()));
            }
        }
        return new Viewer(actor, own, departments, organisationWide);
    }

    /** The list, if the viewer sees it; otherwise it does not exist as far as they can tell. */
    FollowListRepository.ListRow visible(Viewer viewer, long listId) {
        return lists.find(viewer.actor().organisationId(), listId).filter(viewer::sees)
                .orElseThrow(() -> new NotFoundException("Follow list", listId));
    }

    /** The list, if the viewer may change it. */
    FollowListRepository.ListRow editable(Viewer viewer, long listId) {
        var list = visible(viewer, listId);
        if (!viewer.curates(list.departmentId())) {
            throw new NotPermittedException("not_curator", "Only curators of " + list.departmentName()
                    + " change the list \"" + list.name() + "\".");
        }
        return list;
    }

    /**
     * The department a member acts for with subscriptions: the one department they curate (a CURATOR
     * grant for it), else their own department, else the one department any of their grants names.
     */
    long home(Viewer viewer) {
        List<Long> curated = viewer.actor().grants().stream()
                .filter(g -> g.role() == Role.CURATOR && !g.organisationWide())
                .map(Grant::departmentId).filter(Objects::nonNull).distinct().toList();
        if (curated.size() == 1) {
            return curated.getFirst();
        }
        if (viewer.ownDepartment() != null) {
            return viewer.ownDepartment();
        }
        if (viewer.departments().size() == 1) {
            return viewer.departments().iterator().next();
        }
        throw new InvalidInputException("no_department", "department", viewer.departments().isEmpty()
                ? "You do not belong to a department, so there is no department to subscribe for. "
                        + "Ask your organisation admin to set your department."
                : "You work for several departments and none is your own, so it is not clear which one subscribes. "
                        + "Ask your organisation admin to set your department.");
    }

    /** The caller's home department, which they must curate. */
    long curatedHome(Viewer viewer) {
        // a member who curates nothing is refused for the role, before being asked which department they act for
        if (!viewer.actor().has(Role.CURATOR)) {
            throw new NotPermittedException("role_required", "This needs the Curator role for your department.");
        }
        long home = home(viewer);
        if (!viewer.curates(home)) {
            throw new NotPermittedException("role_required", "This needs the Curator role for your department.");
        }
        return home;
    }
}
