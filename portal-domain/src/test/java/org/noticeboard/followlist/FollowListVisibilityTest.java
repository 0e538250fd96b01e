package org.noticeboard.followlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderCsv;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.Staffing;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The visibility rule through every service method that names a list: a DEPARTMENT list of
 * Physiotherapy does not exist for a curator (or anyone) of Communications, nor for anyone of
 * another organisation, who hold every role there; an ORGANISATION list is read by every member of
 * the organisation and by nobody outside it; only curators of Physiotherapy (or of the whole
 * organisation) change either. Every refused call leaves the lists as they were.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowListVisibilityTest {

    static final byte[] CSV = "handle,name\nNewPerson,New Person\n".getBytes(StandardCharsets.UTF_8);

    @Autowired World world;
    @Autowired Staffing staffing;
    @Autowired TestCaller caller;
    @Autowired FollowListService lists;
    @Autowired StakeholderService directory;
    @Autowired StakeholderCsv csv;
    @Autowired MemberService members;

    World.Org trust;
    World.Org elsewhere;
    long physio;
    long comms;
    long physioCurator;
    long physioStaff;
    long grantedForPhysio;
    long commsCurator;
    long commsStaff;
    long intruder;
    Stakeholder onLists;
    Stakeholder offLists;
    FollowList departmentList;
    FollowList organisationList;
    FollowList publicList;

    @BeforeAll
    void setUp() {
        trust = world.organisation("Visible Trust");
        elsewhere = world.organisation("Elsewhere Trust");
        physio = trust.department().id();
        comms = staffing.department(trust, "Communications");
        physioCurator = staffing.member(trust, "Physio curator", physio, Role.CURATOR, physio);
        physioStaff = staffing.member(trust, "Physio staff", physio, Role.STAFF, physio);
        grantedForPhysio = staffing.member(trust, "Comms member working for physio", comms, Role.APPROVER, physio);
        commsCurator = staffing.member(trust, "Comms curator", comms, Role.CURATOR, comms);
        commsStaff = staffing.member(trust, "Comms staff", comms, Role.STAFF, comms);
        long admin = elsewhere.member(Role.ORG_ADMIN);
        intruder = caller.as(admin, () -> members.create("Holds every role elsewhere", null, elsewhere.department().id())).id();
        for (Role role : Role.values()) {
            caller.run(admin, () -> members.grant(intruder, role, null));
        }
        long orgCurator = trust.member(Role.CURATOR);
        onLists = caller.as(orgCurator, () -> directory.add(StakeholderDraft.of("SecretPartner", "Secret partner",
                StakeholderCategory.CHARITY).withNotes("internal"))).stakeholder();
        offLists = caller.as(orgCurator, () -> directory.add(StakeholderDraft.of("Outsider", "Outsider",
                StakeholderCategory.OTHER))).stakeholder();
        departmentList = caller.as(physioCurator, () -> {
            var list = lists.create(null, "Physio private partners", null, null);
            lists.addMember(list.id(), onLists.id(), "private reason");
            return lists.get(list.id());
        });
        organisationList = caller.as(physioCurator, () -> {
            var list = lists.create(null, "Physio shared partners", null, null);
            lists.addMember(list.id(), onLists.id(), null);
            return lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version());
        });
        publicList = caller.as(physioCurator, () -> {
            var list = lists.create(null, "Physio public partners", null, null);
            lists.addMember(list.id(), onLists.id(), null);
            return lists.setVisibility(list.id(), Visibility.PUBLIC, list.version());
        });
    }

    /** Every service method that names a list, called with the list's id (and current version). */
    Map<String, BiFunction<FollowListVisibilityTest, FollowList, Object>> callsOn() {
        var calls = new LinkedHashMap<String, BiFunction<FollowListVisibilityTest, FollowList, Object>>();
        calls.put("get", (t, l) -> t.lists.get(l.id()));
        calls.put("members", (t, l) -> t.lists.members(l.id()));
        calls.put("history", (t, l) -> t.lists.history(l.id()));
        calls.put("export", (t, l) -> t.lists.export(l.id()));
        calls.put("update", (t, l) -> t.lists.update(l.id(), "Taken over", null, null, l.version()));
        calls.put("setVisibility", (t, l) -> t.lists.setVisibility(l.id(), Visibility.PUBLIC, l.version()));
        calls.put("delete", (t, l) -> {
            t.lists.delete(l.id(), l.version());
            return "";
        });
        calls.put("addMember", (t, l) -> t.lists.addMember(l.id(), t.offLists.id(), null));
        calls.put("addMembers", (t, l) -> t.lists.addMembers(l.id(), List.of(t.offLists.id()), null));
        calls.put("removeMember", (t, l) -> t.lists.removeMember(l.id(), t.onLists.id(), null));
        calls.put("subscribe", (t, l) -> t.lists.subscribe(l.id()));
        calls.put("unsubscribe", (t, l) -> {
            t.lists.unsubscribe(l.id());
            return "";
        });
        calls.put("changesSince", (t, l) -> t.lists.changesSince(l.id()));
        calls.put("markSeen", (t, l) -> t.lists.markSeen(l.id()));
        calls.put("markSeen(upTo)", (t, l) -> t.lists.markSeen(l.id(), Long.MAX_VALUE));
        calls.put("fork", (t, l) -> t.lists.fork(l.id(), null));
        calls.put("StakeholderCsv.preview(target)", (t, l) -> t.csv.preview(CSV, l.id()));
        calls.put("StakeholderCsv.commit(target)", (t, l) -> t.csv.commit(CSV, l.id(), "0-0", null));
        return calls;
    }

    Stream<Arguments> calls() {
        return callsOn().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** The calls that change a list (or add to it through an import). */
    Stream<Arguments> writes() {
        var writes = List.of("update", "setVisibility", "delete", "addMember", "addMembers", "removeMember",
                "StakeholderCsv.preview(target)", "StakeholderCsv.commit(target)");
        return calls().filter(a -> writes.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0} of a department list is refused to a curator of another department")
    @MethodSource("calls")
    void a_department_list_does_not_exist_for_a_curator_of_another_department(String name,
            BiFunction<FollowListVisibilityTest, FollowList, Object> call) {
        assertThatThrownBy(() -> caller.as(commsCurator, () -> call.apply(this, departmentList)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining(departmentList.name());
        assertThatThrownBy(() -> caller.as(commsStaff, () -> call.apply(this, departmentList)))
                .isInstanceOfAny(NotFoundException.class, NotPermittedException.class)
                .hasMessageNotContaining(departmentList.name());
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0} of any list is refused to another organisation")
    @MethodSource("calls")
    void no_list_exists_for_another_organisation(String name, BiFunction<FollowListVisibilityTest, FollowList, Object> call) {
        for (FollowList list : List.of(departmentList, organisationList, publicList)) {
            assertThatThrownBy(() -> caller.as(intruder, () -> call.apply(this, list)))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageNotContaining(list.name());
        }
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0} of a shared list is refused to members who do not curate it")
    @MethodSource("writes")
    void a_shared_list_is_changed_only_by_its_departments_curators(String name,
            BiFunction<FollowListVisibilityTest, FollowList, Object> call) {
        for (long member : List.of(commsCurator, commsStaff, physioStaff, trust.roleless(), trust.member(Role.ORG_ADMIN),
                trust.member(Role.STAFF))) {
            assertThatThrownBy(() -> caller.as(member, () -> call.apply(this, organisationList)))
                    .isInstanceOf(NotPermittedException.class);
        }
        for (long member : List.of(physioStaff, grantedForPhysio, trust.member(Role.AUDITOR))) {
            assertThatThrownBy(() -> caller.as(member, () -> call.apply(this, departmentList)))
                    .isInstanceOf(NotPermittedException.class);
        }
        assertUnchanged();
    }

    @Test
    void a_department_list_is_read_by_its_department_and_by_organisation_wide_roles_only() {
        for (long reader : List.of(physioCurator, physioStaff, grantedForPhysio, trust.member(Role.STAFF),
                trust.member(Role.AUDITOR), trust.member(Role.CURATOR))) {
            assertThat(caller.as(reader, () -> lists.get(departmentList.id())).name()).isEqualTo("Physio private partners");
            assertThat(caller.as(reader, () -> lists.members(departmentList.id()))).hasSize(1);
            assertThat(caller.as(reader, () -> lists.list())).extracting(FollowList::id).contains(departmentList.id());
        }
        for (long outsider : List.of(commsCurator, commsStaff, intruder)) {
            assertThat(caller.as(outsider, () -> lists.list())).extracting(FollowList::id).doesNotContain(departmentList.id());
            assertThatThrownBy(() -> caller.as(outsider, () -> lists.get(departmentList.id())))
                    .isInstanceOf(NotFoundException.class);
        }
        // a member with no role (anyone the identity provider lets in) reads no list at all
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> lists.list())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> lists.get(departmentList.id())))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void an_organisation_list_is_read_by_every_member_of_the_organisation_holding_a_role_and_by_nobody_else() {
        for (long reader : List.of(commsCurator, commsStaff, physioStaff, trust.member(Role.APPROVER))) {
            assertThat(caller.as(reader, () -> lists.list())).extracting(FollowList::id)
                    .contains(organisationList.id(), publicList.id());
            assertThat(caller.as(reader, () -> lists.members(organisationList.id()))).hasSize(1);
            assertThat(caller.as(reader, () -> lists.history(organisationList.id()))).hasSize(1);
            assertThat(caller.as(reader, () -> lists.export(organisationList.id()))).isNotEmpty();
        }
        assertThat(caller.as(intruder, () -> lists.list())).isEmpty();
        assertThat(caller.as(intruder, () -> lists.subscriptions())).isEmpty();
        // the notes on a list's members are internal: not for a member with no role
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> lists.members(organisationList.id())))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("You have no role in this organisation");
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> lists.export(organisationList.id())))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void the_directory_does_not_name_a_list_the_caller_cannot_see() {
        assertThatThrownBy(() -> caller.run(commsCurator, () -> directory.remove(onLists.id(), onLists.version())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("\"Physio shared partners\"")
                .hasMessageContaining("\"Physio public partners\"")
                .hasMessageContaining("1 list of another department")
                .hasMessageNotContaining("Physio private partners");
    }

    @ParameterizedTest(name = "a public link \"{0}\" finds nothing")
    @ValueSource(strings = {"", "x", "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void a_wrong_public_link_finds_nothing(String token) {
        caller.signOut();
        assertThatThrownBy(() -> lists.publicView(token)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.publicExport(token)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void only_the_exact_link_of_a_public_list_opens_it_for_anyone() {
        String token = publicList.publicToken();
        caller.signOut();
        assertThat(lists.publicView(token).name()).isEqualTo("Physio public partners");
        char last = token.charAt(token.length() - 1);
        String nearly = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> lists.publicView(nearly)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lists.publicView(token.toLowerCase())).isInstanceOf(NotFoundException.class);
        // signed in elsewhere changes nothing: the link is the only key, and it opens only this list
        assertThat(caller.as(intruder, () -> lists.publicView(token)).members()).hasSize(1);
    }

    void assertUnchanged() {
        caller.run(physioCurator, () -> {
            for (FollowList list : List.of(departmentList, organisationList, publicList)) {
                FollowList now = lists.get(list.id());
                assertThat(now.name()).isEqualTo(list.name());
                assertThat(now.version()).isEqualTo(list.version());
                assertThat(now.visibility()).isEqualTo(list.visibility());
                assertThat(now.memberCount()).isEqualTo(1);
                assertThat(lists.history(list.id())).hasSize(1);
            }
            assertThat(lists.list()).filteredOn(l -> l.departmentId() != physio).isEmpty();
        });
        assertThat(caller.as(commsCurator, () -> lists.subscriptions())).isEmpty();
    }
}
