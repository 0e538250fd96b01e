package org.noticeboard.followlist;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.CsvExport;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderLists;
import org.noticeboard.stakeholder.StakeholderService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow lists: a department's curators make and change them, and choose who sees them (see
 * {@link Viewer} for the rule every method applies). Other departments subscribe to see what
 * changed since they last looked, or fork a copy. Every change of members is kept in the list's
 * history with who, when and why; every change of a list is in the audit trail.
 */
@Service
public class FollowListService {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_NOTE = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{40,100}");

    private final FollowListRepository lists;
    private final ListAccess rules;
    private final StakeholderService stakeholders;
    private final DepartmentService departments;
    private final AuditTrail audit;
    private final Clock clock;

    public FollowListService(FollowListRepository lists, ListAccess rules, StakeholderService stakeholders,
            DepartmentService departments, AuditTrail audit, Clock clock) {
        this.lists = lists;
        this.rules = rules;
        this.stakeholders = stakeholders;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every list the caller sees, by department and name. */
    @Transactional(readOnly = true)
    public List<FollowList> list() {
        Viewer viewer = rules.viewer();
        return lists.visible(viewer.actor().organisationId(), viewer.departments(), viewer.organisationWide()).stream()
                .filter(viewer::sees)
                .map(row -> toList(viewer, row))
                .toList();
    }

    @Transactional(readOnly = true)
    public FollowList get(long listId) {
        Viewer viewer = rules.viewer();
        return toList(viewer, rules.visible(viewer, listId));
    }

    @Transactional(readOnly = true)
    public List<FollowListMember> members(long listId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        return lists.members(list.organisationId(), list.id());
    }

    /** Every change of the list's members, newest first. */
    @Transactional(readOnly = true)
    public List<ListChange> history(long listId) {
        Viewer viewer = rules.viewer();
        return lists.changes(rules.visible(viewer, listId).id(), 0);
    }

    /** The departments whose lists the caller may make and change. */
    @Transactional(readOnly = true)
    public List<Department> curatedDepartments() {
        Viewer viewer = rules.viewer();
        return departments.list().stream().filter(d -> viewer.curates(d.id())).toList();
    }

    /** A new list of the department (the caller's own when null), seen by that department until shared. */
    @Transactional
    public FollowList create(@Nullable Long departmentId, @Nullable String name, @Nullable String description,
            @Nullable String purpose) {
        Viewer viewer = rules.viewer();
        long department = departmentId == null ? rules.curatedHome(viewer) : departmentId;
        Department owner = departments.get(department);
        if (!viewer.curates(department)) {
            throw new NotPermittedException("not_curator",
                    "Only curators of " + owner.name() + " make its lists.");
        }
        String cleanName = Names.required(name, "name", "The list's name", MAX_NAME);
        String cleanDescription = text(description, "description", "The description");
        String cleanPurpose = text(purpose, "purpose", "The purpose");
        Actor actor = viewer.actor();
        long id = lists.insert(actor.organisationId(), department, cleanName, cleanDescription, cleanPurpose, null,
                actor.memberId(), clock.instant());
        audit.record(actor, "followlist.created", "follow_list", id, "Follow list \"" + cleanName + "\" of "
                + owner.name() + " created", null, state(cleanName, cleanDescription, cleanPurpose, Visibility.DEPARTMENT));
        return get(id);
    }

    @Transactional
    public FollowList update(long listId, @Nullable String name, @Nullable String description, @Nullable String purpose,
            int version) {
        Viewer viewer = rules.viewer();
        var current = rules.editable(viewer, listId);
        String cleanName = Names.required(name, "name", "The list's name", MAX_NAME);
        String cleanDescription = text(description, "description", "The description");
        String cleanPurpose = text(purpose, "purpose", "The purpose");
        if (!lists.update(current.organisationId(), listId, cleanName, cleanDescription, cleanPurpose, version,
                clock.instant())) {
            throw ConflictException.changedMeanwhile("The list \"" + current.name() + "\"");
        }
        audit.record(viewer.actor(), "followlist.updated", "follow_list", listId, "Follow list \"" + cleanName
                        + "\" updated", state(current.name(), current.description(), current.purpose(), current.visibility()),
                state(cleanName, cleanDescription, cleanPurpose, current.visibility()));
        return get(listId);
    }

    /**
     * Chooses who sees the list. PUBLIC gives it a new unguessable link (32 random bytes); leaving
     * PUBLIC drops the link for good, so a link once shared stops working.
     */
    @Transactional
    public FollowList setVisibility(long listId, Visibility visibility, int version) {
        Viewer viewer = rules.viewer();
        var current = rules.editable(viewer, listId);
        String token = visibility != Visibility.PUBLIC ? null
                : current.publicToken() != null ? current.publicToken() : newToken();
        if (!lists.setVisibility(current.organisationId(), listId, visibility, token, version, clock.instant())) {
            throw ConflictException.changedMeanwhile("The list \"" + current.name() + "\"");
        }
        audit.record(viewer.actor(), "followlist.visibility", "follow_list", listId, "Follow list \"" + current.name()
                        + "\" now seen by: " + visibility.label(), Map.of("visibility", current.visibility().name()),
                Map.of("visibility", visibility.name()));
        return get(listId);
    }

    /** Deletes the list with its history and subscriptions (kept in the audit trail). */
    @Transactional
    public void delete(long listId, int version) {
        Viewer viewer = rules.viewer();
        var current = rules.editable(viewer, listId);
        try {
            if (!lists.delete(current.organisationId(), listId, version)) {
                throw ConflictException.changedMeanwhile("The list \"" + current.name() + "\"");
            }
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("list_synced", "The list \"" + current.name()
                    + "\" has been synced to X; it is kept so that its sync history stays readable.");
        }
        var before = state(current.name(), current.description(), current.purpose(), current.visibility());
        before.put("members", String.valueOf(current.memberCount()));
        audit.record(viewer.actor(), "followlist.deleted", "follow_list", listId, "Follow list \"" + current.name()
                + "\" of " + current.departmentName() + " deleted", before, null);
    }

    /** Adds a stakeholder of the directory to the list; {@code note} says why, for the history. */
    @Transactional
    public ListChange addMember(long listId, long stakeholderId, @Nullable String note) {
        Viewer viewer = rules.viewer();
        var list = rules.editable(viewer, listId);
        Stakeholder stakeholder = stakeholders.get(stakeholderId);
        String why = note(note);
        Actor actor = viewer.actor();
        if (!lists.addMember(list.organisationId(), listId, stakeholderId, actor.memberId(), clock.instant())) {
            throw new ConflictException("already_member", stakeholder.handle() + " is on \"" + list.name() + "\" already.");
        }
        ListChange change = lists.addChange(list.organisationId(), listId, stakeholder, ListChange.Kind.ADDED,
                actor.memberId(), actor.displayName(), why, clock.instant());
        lists.touch(listId, clock.instant());
        audit.record(actor, "followlist.member-added", "follow_list", listId, stakeholder.handle() + " added to \""
                + list.name() + "\"", null, member(stakeholder, why));
        return change;
    }

    /** Adds several stakeholders at once, skipping those on the list already; returns how many were added. */
    @Transactional
    public int addMembers(long listId, List<Long> stakeholderIds, @Nullable String note) {
        Viewer viewer = rules.viewer();
        var list = rules.editable(viewer, listId);
        String why = note(note);
        var refs = new ArrayList<StakeholderLists.ImportedMember>();
        for (long id : stakeholderIds.stream().distinct().toList()) {
            Stakeholder s = stakeholders.get(id);
            refs.add(new StakeholderLists.ImportedMember(s.id(), s.handle().value(), s.name()));
        }
        Actor actor = viewer.actor();
        int added = lists.addMembers(list.organisationId(), listId, refs, actor.memberId(), actor.displayName(), why,
                clock.instant());
        if (added > 0) {
            lists.touch(listId, clock.instant());
            audit.record(actor, "followlist.member-added", "follow_list", listId, added + " stakeholder(s) added to \""
                    + list.name() + "\"", null, Map.of("added", String.valueOf(added), "note", String.valueOf(why)));
        }
        return added;
    }

    @Transactional
    public ListChange removeMember(long listId, long stakeholderId, @Nullable String note) {
        Viewer viewer = rules.viewer();
        var list = rules.editable(viewer, listId);
        Stakeholder stakeholder = stakeholders.get(stakeholderId);
        String why = note(note);
        if (!lists.removeMember(listId, stakeholderId)) {
            throw new ConflictException("not_member", stakeholder.handle() + " is not on \"" + list.name() + "\".");
        }
        Actor actor = viewer.actor();
        ListChange change = lists.addChange(list.organisationId(), listId, stakeholder, ListChange.Kind.REMOVED,
                actor.memberId(), actor.displayName(), why, clock.instant());
        lists.touch(listId, clock.instant());
        audit.record(actor, "followlist.member-removed", "follow_list", listId, stakeholder.handle() + " removed from \""
                + list.name() + "\"", member(stakeholder, why), null);
        return change;
    }

    /**
     * Subscribes the caller's department to another department's list it sees. It starts from now:
     * the changes made before are in the list's history.
     */
    @Transactional
    public Subscription subscribe(long listId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        long department = rules.curatedHome(viewer);
        if (list.departmentId() == department) {
            throw new DomainException("own_list", "\"" + list.name() + "\" is your own department's list: "
                    + "subscribe to other departments' lists.");
        }
        if (lists.subscription(listId, department).isEmpty()) {
            lists.subscribe(list.organisationId(), listId, department, viewer.actor().memberId(),
                    lists.lastChangeId(listId), clock.instant());
            audit.record(viewer.actor(), "followlist.subscribed", "follow_list", listId, departments.get(department).name()
                    + " subscribed to \"" + list.name() + "\" of " + list.departmentName(), null,
                    Map.of("department", String.valueOf(department)));
        }
        return subscription(viewer, department, listId);
    }

    /**
     * Ends the caller's department's subscription. A list no longer shared with the department can
     * still be left, as the subscription is the department's own; otherwise the list must be seen.
     */
    @Transactional
    public void unsubscribe(long listId) {
        Viewer viewer = rules.viewer();
        long department = rules.curatedHome(viewer);
        var list = lists.subscription(listId, department).isPresent()
                ? lists.find(viewer.actor().organisationId(), listId).orElseThrow(() -> new NotFoundException("Follow list", listId))
                : rules.visible(viewer, listId);
        if (lists.unsubscribe(listId, department)) {
            audit.record(viewer.actor(), "followlist.unsubscribed", "follow_list", listId, departments.get(department).name()
                    + " unsubscribed from \"" + list.name() + "\"", Map.of("department", String.valueOf(department)), null);
        }
    }

    /**
     * The lists the caller's department subscribes to, each with the number of changes since it last
     * looked. A list that is no longer shared with the department is left out until it is again.
     */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        Viewer viewer = rules.viewer();
        long department = rules.home(viewer);
        return lists.subscriptions(viewer.actor().organisationId(), department).stream()
                .filter(s -> viewer.sees(s.list()))
                .map(s -> toSubscription(s, department))
                .toList();
    }

    /** What changed on a subscribed list since the caller's department last looked, newest first. */
    @Transactional(readOnly = true)
    public List<ListChange> changesSince(long listId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        long department = rules.home(viewer);
        var subscription = lists.subscription(listId, department).orElseThrow(() -> notSubscribed(list));
        return lists.changes(listId, subscription.lastSeenChangeId());
    }

    /** Marks every change of the list so far as seen by the caller's department. */
    @Transactional
    public Subscription markSeen(long listId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        return markSeen(viewer, list, lists.lastChangeId(listId));
    }

    /**
     * Marks the changes up to {@code changeId} as seen (the newest the person was shown), so that one
     * made while they were reading stays unseen.
     */
    @Transactional
    public Subscription markSeen(long listId, long changeId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        return markSeen(viewer, list, Math.min(changeId, lists.lastChangeId(listId)));
    }

    /**
     * Copies a list the caller sees into a department they curate (their own when null): a new list,
     * seen by that department, with the same members, each with a history entry naming the original.
     */
    @Transactional
    public FollowList fork(long listId, @Nullable Long departmentId) {
        Viewer viewer = rules.viewer();
        var source = rules.visible(viewer, listId);
        long department = departmentId == null ? rules.curatedHome(viewer) : departmentId;
        Department owner = departments.get(department);
        if (!viewer.curates(department)) {
            throw new NotPermittedException("not_curator",
                    "Only curators of " + owner.name() + " make its lists.");
        }
        Actor actor = viewer.actor();
        Instant now = clock.instant();
        long id = lists.insert(actor.organisationId(), department, source.name(), source.description(), source.purpose(),
                source.id(), actor.memberId(), now);
        var members = lists.memberRefs(source.id());
        String note = "Forked from \"" + source.name() + "\" of " + source.departmentName();
        lists.addMembers(actor.organisationId(), id, members, actor.memberId(), actor.displayName(), note, now);
        var after = state(source.name(), source.description(), source.purpose(), Visibility.DEPARTMENT);
        after.put("forkedFrom", String.valueOf(source.id()));
        after.put("members", String.valueOf(members.size()));
        audit.record(actor, "followlist.forked", "follow_list", id, "Follow list \"" + source.name() + "\" of "
                + source.departmentName() + " forked into " + owner.name(), null, after);
        return get(id);
    }

    /**
     * A PUBLIC list for anyone with its link, signed in or not: asks nobody who the caller is. An
     * unknown token, or one of a list that is no longer public, is not found.
     */
    @Transactional
    public PublicFollowList publicView(String token) {
        var list = publicList(token);
        counted(list, false);
        return view(list);
    }

    private PublicFollowList view(FollowListRepository.ListRow list) {
        return new PublicFollowList(lists.organisationName(list.organisationId()), list.departmentName(), list.name(),
                list.description(), list.purpose(), lists.publicMembers(list.id()));
    }

    /**
     * Views and downloads through the public link are counted per list and day (one row, however many);
     * the day's first writes one audit event, so the trail says on which days a list was opened by link
     * without one event per view.
     */
    private void counted(FollowListRepository.ListRow list, boolean download) {
        var day = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (lists.countPublicAccess(list.organisationId(), list.id(), day, download)) {
            audit.record(Actor.system(list.organisationId(), "Public link"), "followlist.public-accessed", "follow_list",
                    list.id(), "Follow list \"" + list.name() + "\" " + (download ? "downloaded" : "opened")
                            + " through its public link, the first time on " + day + " (UTC); the day's views and "
                            + "downloads are counted", null, null);
        }
    }

    /** How often the organisation's public lists were opened and downloaded by link, per day, over the last {@code days} days. */
    @Transactional(readOnly = true)
    public List<PublicAccess> publicAccess(int days) {
        Actor actor = rules.viewer().actor();
        if (!actor.has(org.noticeboard.access.Role.AUDITOR) && !actor.has(org.noticeboard.access.Role.ORG_ADMIN)) {
            throw new NotPermittedException("auditor_only",
                    "Only auditors and organisation admins see how often public lists were opened.");
        }
        var from = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(Math.clamp(days, 1, 366) - 1L);
        return lists.publicAccess(actor.organisationId(), from);
    }

    /** A PUBLIC list as CSV for anyone with its link: what the public page shows, nothing more. */
    @Transactional
    public byte[] publicExport(String token) {
        var list = publicList(token);
        counted(list, true);
        var members = view(list).members();
        var rows = new ArrayList<List<@Nullable String>>();
        for (var m : members) {
            rows.add(Arrays.asList(m.handle(), m.name(), m.category().label(), m.region(),
                    String.join("; ", m.topics())));
        }
        return CsvExport.table(List.of("handle", "name", "category", "region", "topics"), rows);
    }

    /**
     * The list's members as CSV. A PUBLIC list exports without the internal notes, like its page:
     * such a file is made to be passed on.
     */
    @Transactional
    public byte[] export(long listId) {
        Viewer viewer = rules.viewer();
        var list = rules.visible(viewer, listId);
        var members = lists.members(list.organisationId(), listId).stream().map(FollowListMember::stakeholder).toList();
        audit.record(viewer.actor(), "followlist.exported", "follow_list", listId, "Follow list \"" + list.name()
                + "\" exported to CSV (" + members.size() + " members)", null, null);
        return CsvExport.stakeholders(members, list.visibility() != Visibility.PUBLIC);
    }

    private FollowListRepository.ListRow publicList(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notPublic();
        }
        return lists.findPublic(token).orElseThrow(FollowListService::notPublic);
    }

    private static NotFoundException notPublic() {
        return new NotFoundException("There is no public list at this link: it may have been made private again.");
    }

    private Subscription markSeen(Viewer viewer, FollowListRepository.ListRow list, long upTo) {
        long department = rules.curatedHome(viewer);
        lists.subscription(list.id(), department).orElseThrow(() -> notSubscribed(list));
        lists.markSeen(list.id(), department, upTo);
        return subscription(viewer, department, list.id());
    }

    private Subscription subscription(Viewer viewer, long department, long listId) {
        return lists.subscriptions(viewer.actor().organisationId(), department).stream()
                .filter(s -> s.list().id() == listId)
                .map(s -> toSubscription(s, department))
                .findFirst().orElseThrow();
    }

    private static DomainException notSubscribed(FollowListRepository.ListRow list) {
        return new DomainException("not_subscribed", "Your department does not subscribe to \"" + list.name()
                + "\". Subscribe to it to follow its changes.");
    }

    private static Subscription toSubscription(FollowListRepository.SubscriptionWithList s, long department) {
        var list = s.list();
        return new Subscription(list.id(), list.name(), list.departmentId(), list.departmentName(), list.visibility(),
                department, s.lastSeenChangeId(), s.unseen(), s.subscribedAt());
    }

    private static FollowList toList(Viewer viewer, FollowListRepository.ListRow row) {
        return new FollowList(row.id(), row.departmentId(), row.departmentName(), row.name(), row.description(),
                row.purpose(), row.visibility(), row.publicToken(), row.forkedFrom(), row.memberCount(), row.createdAt(),
                row.updatedAt(), row.version(), viewer.curates(row.departmentId()));
    }

    /** URL-safe and unguessable: 32 random bytes, 43 characters. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static @Nullable String text(@Nullable String value, String field, String what) {
        String clean = Names.optional(value);
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new InvalidInputException("too_long", field,
                    what + " is " + clean.length() + " characters long; at most " + MAX_TEXT + " are allowed.");
        }
        return clean;
    }

    private static @Nullable String note(@Nullable String note) {
        String clean = Names.optional(note);
        if (clean != null && clean.length() > MAX_NOTE) {
            throw new InvalidInputException("too_long", "note",
                    "The note is " + clean.length() + " characters long; at most " + MAX_NOTE + " are allowed.");
        }
        return clean;
    }

    private static Map<String, @Nullable String> state(String name, @Nullable String description,
            @Nullable String purpose, Visibility visibility) {
        var state = new LinkedHashMap<String, @Nullable String>();
        state.put("name", name);
        state.put("description", description);
        state.put("purpose", purpose);
        state.put("visibility", visibility.name());
        return state;
    }

    private static Map<String, @Nullable String> member(Stakeholder stakeholder, @Nullable String note) {
        var state = new LinkedHashMap<String, @Nullable String>();
        state.put("stakeholder", stakeholder.handle() + " (#" + stakeholder.id() + ")");
        state.put("note", note);
        return state;
    }
}
