package org.noticeboard.followlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.Staffing;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class FollowListServiceTest {

    @Autowired World world;
    @Autowired Staffing staffing;
    @Autowired TestCaller caller;
    @Autowired FollowListService lists;
    @Autowired StakeholderService directory;
    @Autowired AuditService audit;

    World.Org trust;
    long physio;
    long comms;
    long physioCurator;
    long physioStaff;
    long commsCurator;
    long commsStaff;
    Stakeholder kingsFund;
    Stakeholder ageUk;
    Stakeholder ahpLead;

    @BeforeEach
    void setUp() {
        trust = world.organisation("Lists Trust");
        physio = trust.department().id();
        comms = staffing.department(trust, "Communications");
        physioCurator = staffing.member(trust, "Pat Curator", physio, Role.CURATOR, physio);
        physioStaff = staffing.member(trust, "Physio staff", physio, Role.STAFF, physio);
        commsCurator = staffing.member(trust, "Chris Curator", comms, Role.CURATOR, comms);
        commsStaff = staffing.member(trust, "Comms staff", comms, Role.STAFF, comms);
        kingsFund = stakeholder("TheKingsFund", "The King's Fund", StakeholderCategory.THINK_TANK, "Met at NHS Confed");
        ageUk = stakeholder("AgeUK", "Age UK", StakeholderCategory.CHARITY, null);
        ahpLead = stakeholder("SuzanneRastrick", "Suzanne Rastrick", StakeholderCategory.AHP_LEADER, null);
    }

    Stakeholder stakeholder(String handle, String name, StakeholderCategory category, String notes) {
        return caller.as(trust.member(Role.CURATOR), () -> directory.add(StakeholderDraft.of(handle, name, category)
                .withRegion("England").withTopics(List.of("policy")).withNotes(notes))).stakeholder();
    }

    FollowList organisationList(long curator, String name) {
        var list = caller.as(curator, () -> lists.create(null, name, "Who shapes policy", "Influence national policy"));
        return caller.as(curator, () -> lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version()));
    }

    @Test
    void a_curator_makes_a_list_for_their_department_seen_by_it_alone_until_shared() {
        var list = caller.as(physioCurator, () -> lists.create(null, "  Health think tanks ", "National think tanks", null));

        assertThat(list.departmentId()).isEqualTo(physio);
        assertThat(list.departmentName()).isEqualTo("Physiotherapy");
        assertThat(list.name()).isEqualTo("Health think tanks");
        assertThat(list.visibility()).isEqualTo(Visibility.DEPARTMENT);
        assertThat(list.publicToken()).isNull();
        assertThat(list.editable()).isTrue();
        assertThat(caller.as(physioStaff, () -> lists.get(list.id())).editable()).isFalse();
        assertThat(caller.as(commsCurator, () -> lists.list())).noneMatch(l -> l.id() == list.id());

        var shared = caller.as(physioCurator, () -> lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version()));
        assertThat(caller.as(commsStaff, () -> lists.list())).extracting(FollowList::id).contains(shared.id());
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withText("think tanks"), 0, 10)))
                .extracting(e -> e.action()).contains("followlist.created", "followlist.visibility");
    }

    @Test
    void an_organisation_wide_curator_makes_lists_for_any_department_and_a_department_curator_only_for_theirs() {
        long orgCurator = trust.member(Role.CURATOR);
        var forComms = caller.as(orgCurator, () -> lists.create(comms, "Media contacts", null, null));
        assertThat(forComms.departmentName()).isEqualTo("Communications");
        assertThat(caller.as(physioCurator, () -> lists.curatedDepartments())).extracting(d -> d.id()).containsExactly(physio);

        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.create(comms, "Not mine", null, null)))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Only curators of Communications");
        assertThatThrownBy(() -> caller.as(physioStaff, () -> lists.create(null, "Staff list", null, null)))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void every_member_change_is_kept_with_who_when_and_why_newest_first() {
        var list = caller.as(physioCurator, () -> lists.create(null, "AHP leaders", null, null));
        caller.run(physioCurator, () -> {
            lists.addMember(list.id(), ahpLead.id(), "Chief AHP Officer for England");
            lists.addMember(list.id(), ageUk.id(), null);
            lists.removeMember(list.id(), ageUk.id(), "Not an AHP leader: belongs on the charities list");
        });

        var history = caller.as(physioStaff, () -> lists.history(list.id()));

        assertThat(history).extracting(ListChange::kind, ListChange::handle, ListChange::memberName, ListChange::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ListChange.Kind.REMOVED, "AgeUK", "Pat Curator",
                                "Not an AHP leader: belongs on the charities list"),
                        org.assertj.core.groups.Tuple.tuple(ListChange.Kind.ADDED, "AgeUK", "Pat Curator", null),
                        org.assertj.core.groups.Tuple.tuple(ListChange.Kind.ADDED, "SuzanneRastrick", "Pat Curator",
                                "Chief AHP Officer for England"));
        assertThat(history).allSatisfy(c -> {
            assertThat(c.memberId()).isEqualTo(physioCurator);
            assertThat(c.at()).isNotNull();
        });
        var members = caller.as(physioStaff, () -> lists.members(list.id()));
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.stakeholder().id()).isEqualTo(ahpLead.id());
            assertThat(m.addedBy()).isEqualTo("Pat Curator");
            assertThat(m.note()).isEqualTo("Chief AHP Officer for England");
        });
        assertThat(caller.as(physioStaff, () -> lists.get(list.id())).memberCount()).isEqualTo(1);
        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.addMember(list.id(), ahpLead.id(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.removeMember(list.id(), ageUk.id(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is not on");
    }

    @Test
    void a_subscribing_department_sees_what_changed_since_it_last_looked() {
        var list = organisationList(physioCurator, "National NHS bodies");
        caller.run(physioCurator, () -> lists.addMember(list.id(), kingsFund.id(), "Before anyone subscribed"));

        var subscription = caller.as(commsCurator, () -> lists.subscribe(list.id()));
        assertThat(subscription.departmentId()).isEqualTo(comms);
        assertThat(subscription.unseenChanges()).isZero();
        assertThat(caller.as(commsStaff, () -> lists.changesSince(list.id()))).isEmpty();

        caller.run(physioCurator, () -> {
            lists.addMember(list.id(), ageUk.id(), "Older people's care");
            lists.addMember(list.id(), ahpLead.id(), null);
            lists.removeMember(list.id(), kingsFund.id(), "Moved to think tanks");
        });

        assertThat(caller.as(commsStaff, () -> lists.subscriptions())).singleElement().satisfies(s -> {
            assertThat(s.listName()).isEqualTo("National NHS bodies");
            assertThat(s.listDepartmentName()).isEqualTo("Physiotherapy");
            assertThat(s.unseenChanges()).isEqualTo(3);
        });
        var changes = caller.as(commsStaff, () -> lists.changesSince(list.id()));
        assertThat(changes).extracting(ListChange::handle, ListChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TheKingsFund", ListChange.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("SuzanneRastrick", ListChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("AgeUK", ListChange.Kind.ADDED));
        assertThat(changes.getFirst().note()).isEqualTo("Moved to think tanks");

        // marking up to what was shown leaves a change made meanwhile unseen
        var partly = caller.as(commsCurator, () -> lists.markSeen(list.id(), changes.get(1).id()));
        assertThat(partly.unseenChanges()).isEqualTo(1);
        assertThatThrownBy(() -> caller.as(commsStaff, () -> lists.markSeen(list.id())))
                .isInstanceOf(NotPermittedException.class);
        var seen = caller.as(commsCurator, () -> lists.markSeen(list.id()));
        assertThat(seen.unseenChanges()).isZero();
        assertThat(caller.as(commsStaff, () -> lists.changesSince(list.id()))).isEmpty();

        caller.run(physioCurator, () -> lists.addMember(list.id(), kingsFund.id(), "Back again"));
        assertThat(caller.as(commsStaff, () -> lists.changesSince(list.id()))).singleElement()
                .satisfies(c -> assertThat(c.note()).isEqualTo("Back again"));
        // a department's own subscriptions are its own: physiotherapy has none
        assertThat(caller.as(physioCurator, () -> lists.subscriptions())).isEmpty();
    }

    @Test
    void subscribing_is_for_other_departments_lists_once_and_a_list_made_private_drops_out() {
        var list = organisationList(physioCurator, "Older people's care");
        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.subscribe(list.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("your own department's list");
        assertThatThrownBy(() -> caller.as(commsStaff, () -> lists.subscribe(list.id())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.as(commsStaff, () -> lists.changesSince(list.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("does not subscribe");
        caller.run(commsCurator, () -> lists.subscribe(list.id()));
        caller.run(commsCurator, () -> lists.subscribe(list.id()));
        assertThat(caller.as(commsCurator, () -> lists.subscriptions())).hasSize(1);

        var current = caller.as(physioCurator, () -> lists.get(list.id()));
        caller.run(physioCurator, () -> lists.setVisibility(list.id(), Visibility.DEPARTMENT, current.version()));

        assertThat(caller.as(commsCurator, () -> lists.subscriptions())).isEmpty();
        assertThatThrownBy(() -> caller.as(commsCurator, () -> lists.changesSince(list.id())))
                .isInstanceOf(NotFoundException.class);
        caller.run(commsCurator, () -> lists.unsubscribe(list.id()));
        assertThatThrownBy(() -> caller.run(commsCurator, () -> lists.unsubscribe(list.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_fork_copies_the_members_into_the_curators_department_with_a_history_entry_each() {
        var source = organisationList(physioCurator, "Health think tanks");
        caller.run(physioCurator, () -> lists.addMembers(source.id(), List.of(kingsFund.id(), ageUk.id()), "Start"));

        var fork = caller.as(commsCurator, () -> lists.fork(source.id(), null));

        assertThat(fork.id()).isNotEqualTo(source.id());
        assertThat(fork.departmentId()).isEqualTo(comms);
        assertThat(fork.forkedFromId()).isEqualTo(source.id());
        assertThat(fork.name()).isEqualTo("Health think tanks");
        assertThat(fork.purpose()).isEqualTo("Influence national policy");
        assertThat(fork.visibility()).isEqualTo(Visibility.DEPARTMENT);
        assertThat(fork.memberCount()).isEqualTo(2);
        assertThat(caller.as(commsStaff, () -> lists.history(fork.id()))).hasSize(2).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ListChange.Kind.ADDED);
            assertThat(c.memberName()).isEqualTo("Chris Curator");
            assertThat(c.note()).isEqualTo("Forked from \"Health think tanks\" of Physiotherapy");
        });
        // the copy is the comms department's own: it changes without touching the original
        caller.run(commsCurator, () -> lists.removeMember(fork.id(), ageUk.id(), null));
        assertThat(caller.as(physioStaff, () -> lists.get(source.id())).memberCount()).isEqualTo(2);
        assertThatThrownBy(() -> caller.as(physioStaff, () -> lists.get(fork.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.addMember(fork.id(), ahpLead.id(), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_public_list_is_read_by_anyone_with_its_link_without_notes_or_who_added_whom() {
        var list = caller.as(physioCurator, () -> lists.create(null, "Health think tanks", "For everyone", "Share widely"));
        caller.run(physioCurator, () -> lists.addMember(list.id(), kingsFund.id(), "Internal: ask about the falls report"));
        var shared = caller.as(physioCurator, () -> lists.setVisibility(list.id(), Visibility.PUBLIC, list.version()));
        String token = shared.publicToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");

        caller.signOut();
        var page = lists.publicView(token);

        assertThat(page.name()).isEqualTo("Health think tanks");
        assertThat(page.description()).isEqualTo("For everyone");
        assertThat(page.purpose()).isEqualTo("Share widely");
        assertThat(page.organisationName()).isEqualTo("Lists Trust");
        assertThat(page.members()).singleElement().satisfies(m -> {
            assertThat(m.handle()).isEqualTo("TheKingsFund");
            assertThat(m.name()).isEqualTo("The King's Fund");
            assertThat(m.category()).isEqualTo(StakeholderCategory.THINK_TANK);
            assertThat(m.region()).isEqualTo("England");
            assertThat(m.topics()).containsExactly("policy");
        });
        assertThat(page.toString()).doesNotContain("Met at NHS Confed").doesNotContain("falls report")
                .doesNotContain("Pat Curator");
        String csv = new String(lists.publicExport(token), StandardCharsets.UTF_8);
        assertThat(csv).contains("TheKingsFund").doesNotContain("Met at NHS Confed").doesNotContain("notes")
                .doesNotContain("falls report");
        // a member's export of a public list leaves the notes out too; of a shared list it keeps them
        assertThat(new String(caller.as(physioStaff, () -> lists.export(list.id())), StandardCharsets.UTF_8))
                .doesNotContain("Met at NHS Confed");

        var privateAgain = caller.as(physioCurator, () -> lists.setVisibility(list.id(), Visibility.ORGANISATION,
                shared.version()));
        assertThat(privateAgain.publicToken()).isNull();
        assertThat(new String(caller.as(commsStaff, () -> lists.export(list.id())), StandardCharsets.UTF_8))
                .contains("Met at NHS Confed");
        caller.signOut();
        assertThatThrownBy(() -> lists.publicView(token)).isInstanceOf(NotFoundException.class);
        var publicAgain = caller.as(physioCurator, () -> lists.setVisibility(list.id(), Visibility.PUBLIC,
                privateAgain.version()));
        assertThat(publicAgain.publicToken()).isNotEqualTo(token);
    }

    @Test
    void edits_and_deletes_are_for_the_owning_departments_curators_with_the_current_version() {
        var list = organisationList(physioCurator, "MPs");
        var renamed = caller.as(physioCurator, () -> lists.update(list.id(), "Local MPs", "Our MPs", null, list.version()));
        assertThat(renamed.name()).isEqualTo("Local MPs");
        assertThat(renamed.purpose()).isNull();
        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.update(list.id(), "Stale", null, null, list.version())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> caller.as(commsCurator, () -> lists.update(list.id(), "Mine", null, null, renamed.version())))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Only curators of Physiotherapy");
        caller.run(commsCurator, () -> lists.subscribe(list.id()));
        caller.run(physioCurator, () -> lists.addMember(list.id(), ageUk.id(), null));

        caller.run(trust.member(Role.CURATOR), () -> lists.delete(list.id(), renamed.version()));

        assertThatThrownBy(() -> caller.as(physioCurator, () -> lists.get(list.id()))).isInstanceOf(NotFoundException.class);
        assertThat(caller.as(commsCurator, () -> lists.subscriptions())).isEmpty();
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all()
                .withAction("followlist.deleted"), 0, 5))).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("Local MPs"));
    }
}
