package org.noticeboard.followlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.noticeboard.access.Actor;
import org.noticeboard.stakeholder.StakeholderLists;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The follow lists, as the stakeholder directory and its import need them; the same visibility rules apply. */
@Component
class DirectoryLists implements StakeholderLists {

    private final FollowListRepository lists;
    private final ListAccess rules;
    private final java.time.Clock clock;

    DirectoryLists(FollowListRepository lists, ListAccess rules, java.time.Clock clock) {
        this.lists = lists;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<String> holding(Actor actor, long stakeholderId) {
        var holding = lists.holding(actor.organisationId(), stakeholderId);
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        Viewer viewer = rules.viewer(actor);
        var named = new ArrayList<String>();
        int hidden = 0;
        for (var list : holding) {
            if (viewer.sees(list)) {
                named.add("\"" + list.name() + "\" (" + list.departmentName() + ")");
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            named.add(hidden + (hidden == 1 ? " list" : " lists") + " of another department");
        }
        String joined = named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
        return Optional.of((holding.size() == 1 ? "the follow list " : holding.size() + " follow lists: ") + joined);
    }

    @Override
    public ImportTarget importTarget(Actor actor, long listId) {
        var list = rules.editable(rules.viewer(actor), listId);
        return new ImportTarget(list.id(), list.name(), lists.memberIds(list.id()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int addImported(Actor actor, long listId, List<ImportedMember> members, String note) {
        var list = rules.editable(rules.viewer(actor), listId);
        int added = lists.addMembers(list.organisationId(), list.id(), members, actor.memberId(), actor.displayName(),
                note, clock.instant());
        if (added > 0) {
            lists.touch(list.id(), clock.instant());
        }
        return added;
    }
}
