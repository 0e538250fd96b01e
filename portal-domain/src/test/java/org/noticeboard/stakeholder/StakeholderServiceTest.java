package org.noticeboard.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.Staffing;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class StakeholderServiceTest {

    @Autowired World world;
    @Autowired Staffing staffing;
    @Autowired TestCaller caller;
    @Autowired StakeholderService directory;
    @Autowired FollowListService lists;
    @Autowired OfficialAccountService accounts;
    @Autowired AuditService audit;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;

    World.Org trust;
    long curator;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        trust = world.organisation("Directory Trust");
        curator = trust.member(Role.CURATOR);
    }

    void connect(World.Org org) {
        String xUserId = String.valueOf(org.account().id() + 700_000);
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(org.account().id(), xUserId,
                org.account().handle().value(), org.organisation().name()));
        tokens.connect(org.account().id(), xUserId);
    }

    CheckedStakeholder add(long who, String handle, String name, StakeholderCategory category) {
        return caller.as(who, () -> directory.add(StakeholderDraft.of(handle, name, category)));
    }

    @Test
    void a_handle_found_on_x_is_stored_with_its_user_id_name_and_followers() {
        connect(trust);
        XUser user = x.registerUser("NuffieldTrust", "Nuffield Trust", 98_000);

        var added = caller.as(curator, () -> directory.add(StakeholderDraft.of("@nuffieldtrust", "The Nuffield Trust",
                StakeholderCategory.THINK_TANK).withRegion("England").withTopics(List.of("health policy", " funding "))));

        assertThat(added.check()).isEqualTo(XCheck.ON_X);
        assertThat(added.message()).contains("is on X as \"Nuffield Trust\"").contains("98000");
        Stakeholder s = added.stakeholder();
        assertThat(s.handle().value()).isEqualTo("nuffieldtrust");
        assertThat(s.xUserId()).isEqualTo(user.id());
        assertThat(s.xName()).isEqualTo("Nuffield Trust");
        assertThat(s.followersCount()).isEqualTo(98_000);
        assertThat(s.xExists()).isTrue();
        assertThat(s.checkedAt()).isNotNull();
        assertThat(s.topics()).containsExactly("health policy", "funding");
        assertThat(x.userLookups()).containsExactly(List.of("nuffieldtrust"));
        assertThat(caller.as(trust.member(Role.AUDITOR), () -> audit.search(AuditQuery.all()
                .withAction("stakeholder.added"), 0, 5))).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("@nuffieldtrust"));
    }

    @Test
    void a_handle_x_does_not_know_is_stored_as_not_on_x_and_the_result_says_so() {
        connect(trust);

        var added = add(curator, "NoSuchTrust99", "A trust that is not on X", StakeholderCategory.NHS_ORGANISATION);

        assertThat(added.check()).isEqualTo(XCheck.NOT_ON_X);
        assertThat(added.message()).contains("X does not know @NoSuchTrust99");
        assertThat(added.stakeholder().xExists()).isFalse();
        assertThat(added.stakeholder().checkedAt()).isNotNull();
        assertThat(added.stakeholder().xUserId()).isNull();
    }

    @Test
    void without_a_connected_account_the_stakeholder_is_stored_unchecked_with_a_note() {
        x.registerUser("KingsFund", "The King's Fund", 200_000);

        var added = add(curator, "KingsFund", "The King's Fund", StakeholderCategory.THINK_TANK);

        assertThat(added.check()).isEqualTo(XCheck.UNCHECKED);
        assertThat(added.message()).contains("No official account of your organisation is connected to X");
        assertThat(added.stakeholder().checkedAt()).isNull();
        assertThat(added.stakeholder().xExists()).isNull();
        assertThat(x.userLookups()).isEmpty();
        assertThat(caller.as(curator, () -> directory.uncheckedCount())).isEqualTo(1);
    }

    @Test
    void when_x_does_not_answer_the_stakeholder_is_stored_unchecked_and_says_why() {
        connect(trust);
        x.registerUser("KingsFund", "The King's Fund", 200_000);
        x.nextUsersLookup(() -> new XException(XFailure.SERVER_ERROR, 503, "Service Unavailable"));

        var added = add(curator, "KingsFund", "The King's Fund", StakeholderCategory.THINK_TANK);

        assertThat(added.check()).isEqualTo(XCheck.UNCHECKED);
        assertThat(added.message()).contains("X did not answer").contains("Service Unavailable");
        var refreshed = caller.as(curator, () -> directory.refresh(List.of(added.stakeholder().id())));
        assertThat(refreshed).singleElement().satisfies(r -> assertThat(r.check()).isEqualTo(XCheck.ON_X));
    }

    @Test
    void the_same_handle_in_any_case_with_or_without_at_is_refused_naming_the_existing_entry() {
        long existing = add(curator, "NHSEngland", "NHS England", StakeholderCategory.NHS_ORGANISATION).stakeholder().id();

        assertThatThrownBy(() -> add(trust.member(Role.ORG_ADMIN), "@nhsengland", "NHS E", StakeholderCategory.OTHER))
                .isInstanceOfSatisfying(DuplicateStakeholderException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(existing);
                    assertThat(e.existingHandle().value()).isEqualTo("NHSEngland");
                    assertThat(e.getMessage()).contains("@NHSEngland is already in the directory as \"NHS England\" (#"
                            + existing + ")");
                });
        assertThat(caller.as(curator, () -> directory.search(StakeholderQuery.all(), 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void the_same_x_user_under_a_new_handle_is_refused_naming_the_existing_entry() {
        connect(trust);
        XUser old = x.registerUser("HealthFoundatn", "The Health Foundation", 50_000);
        long existing = add(curator, "HealthFoundatn", "The Health Foundation", StakeholderCategory.THINK_TANK)
                .stakeholder().id();
        // renamed on X: same user id, new username
        x.removeUser("HealthFoundatn");
        x.registerUser(new XUser(old.id(), "HealthFdn", "The Health Foundation", 50_100, false, null));

        assertThatThrownBy(() -> add(curator, "HealthFdn", "Health Foundation", StakeholderCategory.THINK_TANK))
                .isInstanceOfSatisfying(DuplicateStakeholderException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(existing);
                    assertThat(e.getMessage()).contains("same X user as @HealthFoundatn")
                            .contains("\"The Health Foundation\" (#" + existing + ")");
                });
    }

    @Test
    void refresh_asks_x_in_batches_of_100_and_records_new_counts_and_deleted_accounts() {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 150; i++) {
            x.registerUser("ahp_lead_" + i, "AHP lead " + i, i);
            ids.add(add(curator, "ahp_lead_" + i, "AHP lead " + i, StakeholderCategory.AHP_LEADER).stakeholder().id());
        }
        assertThat(caller.as(curator, () -> directory.uncheckedCount())).isEqualTo(150);
        x.removeUser("ahp_lead_7");
        connect(trust);

        var checked = caller.as(curator, () -> directory.refreshUnchecked(1000));

        assertThat(checked).hasSize(150);
        assertThat(x.userLookups()).extracting(List::size).containsExactly(100, 50);
        assertThat(checked).filteredOn(c -> c.check() == XCheck.NOT_ON_X).singleElement()
                .satisfies(c -> assertThat(c.stakeholder().handle().value()).isEqualTo("ahp_lead_7"));
        assertThat(caller.as(curator, () -> directory.uncheckedCount())).isZero();
        assertThat(caller.as(curator, () -> directory.get(ids.get(3))).followersCount()).isEqualTo(3);

        x.registerUser("ahp_lead_3", "AHP lead 3 (new name)", 1234);
        var again = caller.as(curator, () -> directory.refresh(List.of(ids.get(3))));
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.stakeholder().followersCount()).isEqualTo(1234);
            assertThat(c.stakeholder().xName()).isEqualTo("AHP lead 3 (new name)");
            // a check changes nothing a person typed: an open edit still saves
            assertThat(c.stakeholder().version()).isZero();
        });
    }

    @Test
    void an_edit_saves_the_fields_and_an_edit_of_a_stale_version_is_refused() {
        var s = add(curator, "RCSLT", "Royal College of Speech and Language Therapists", StakeholderCategory.ROYAL_COLLEGE)
                .stakeholder();

        var edited = caller.as(curator, () -> directory.update(s.id(), s.toDraft().withRegion("UK")
                .withTopics(List.of("#Dysphagia", "dysphagia", "communication")).withPolitical(false)
                .withNotes("Invite to AHP day"), s.version())).stakeholder();

        assertThat(edited.region()).isEqualTo("UK");
        assertThat(edited.topics()).containsExactly("Dysphagia", "communication");
        assertThat(edited.notes()).isEqualTo("Invite to AHP day");
        assertThat(edited.version()).isEqualTo(s.version() + 1);
        assertThatThrownBy(() -> caller.as(curator, () -> directory.update(s.id(), s.toDraft().withName("Stale"), s.version())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");
    }

    @Test
    void a_changed_handle_is_checked_against_x_again_and_must_not_be_taken() {
        connect(trust);
        x.registerUser("CSPThePhysio", "Chartered Society of Physiotherapy", 80_000);
        var s = add(curator, "CSP_Old", "CSP", StakeholderCategory.PROFESSIONAL_BODY).stakeholder();
        assertThat(s.xCheck()).isEqualTo(XCheck.NOT_ON_X);
        add(curator, "OtherBody", "Other body", StakeholderCategory.PROFESSIONAL_BODY);

        var renamed = caller.as(curator, () -> directory.update(s.id(), s.toDraft().withHandle("@CSPThePhysio"), s.version()));

        assertThat(renamed.check()).isEqualTo(XCheck.ON_X);
        assertThat(renamed.stakeholder().followersCount()).isEqualTo(80_000);
        assertThatThrownBy(() -> caller.as(curator, () -> directory.update(s.id(),
                s.toDraft().withHandle("otherbody"), renamed.stakeholder().version())))
                .isInstanceOf(DuplicateStakeholderException.class).hasMessageContaining("@OtherBody is already in the directory");
    }

    @Test
    void invalid_fields_are_refused_saying_which() {
        assertThatThrownBy(() -> add(curator, "not a handle", "X", StakeholderCategory.MP))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("handle"));
        assertThatThrownBy(() -> add(curator, "fine_handle", " ", StakeholderCategory.MP))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> caller.as(curator, () -> directory.add(StakeholderDraft.of("fine_handle", "Name", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("category"));
    }

    @Test
    void removal_is_refused_while_on_a_list_naming_the_lists_the_caller_sees_and_counting_the_others() {
        long physio = trust.department().id();
        long comms = staffing.department(trust, "Communications");
        long physioCurator = staffing.member(trust, "Physio curator", physio, Role.CURATOR, physio);
        long commsCurator = staffing.member(trust, "Comms curator", comms, Role.CURATOR, comms);
        var s = add(curator, "AgeUK", "Age UK", StakeholderCategory.CHARITY).stakeholder();
        var privateList = caller.as(physioCurator, () -> lists.create(null, "Falls prevention partners", null, null));
        var sharedList = caller.as(physioCurator, () -> lists.create(null, "Older people's care", null, null));
        caller.run(physioCurator, () -> {
            lists.setVisibility(sharedList.id(), Visibility.ORGANISATION, sharedList.version());
            lists.addMember(privateList.id(), s.id(), null);
            lists.addMember(sharedList.id(), s.id(), null);
        });

        assertThatThrownBy(() -> caller.run(commsCurator, () -> directory.remove(s.id(), s.version())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("2 follow lists: \"Older people's care\" (Physiotherapy) and 1 list of another department")
                .hasMessageNotContaining("Falls prevention");
        assertThatThrownBy(() -> caller.run(physioCurator, () -> directory.remove(s.id(), s.version())))
                .hasMessageContaining("\"Falls prevention partners\" (Physiotherapy)");

        caller.run(physioCurator, () -> {
            lists.removeMember(privateList.id(), s.id(), null);
            lists.removeMember(sharedList.id(), s.id(), "Moved to the charities list");
        });
        caller.run(commsCurator, () -> directory.remove(s.id(), s.version()));
        assertThatThrownBy(() -> caller.as(curator, () -> directory.get(s.id()))).isInstanceOf(NotFoundException.class);
        // the history still says whom
        assertThat(caller.as(physioCurator, () -> lists.history(sharedList.id()))).first()
                .satisfies(c -> assertThat(c.handle() + " " + c.stakeholderName() + " " + c.note())
                        .isEqualTo("AgeUK Age UK Moved to the charities list"));
    }

    @Test
    void search_matches_every_word_in_name_or_handle_filters_and_pages_with_a_total() {
        caller.run(curator, () -> {
            directory.add(StakeholderDraft.of("NuffieldTrust", "The Nuffield Trust", StakeholderCategory.THINK_TANK)
                    .withRegion("England").withTopics(List.of("Funding")));
            directory.add(StakeholderDraft.of("TheKingsFund", "The King's Fund", StakeholderCategory.THINK_TANK)
                    .withRegion("England").withTopics(List.of("funding", "workforce")));
            directory.add(StakeholderDraft.of("JaneSmithMP", "Jane Smith", StakeholderCategory.MP)
                    .withRegion("North East").withPolitical(true).withTopics(List.of("Workforce")));
            directory.add(StakeholderDraft.of("nhs_x", "NHS X", StakeholderCategory.NHS_ORGANISATION));
            directory.add(StakeholderDraft.of("nhsxyz", "NHS XYZ", StakeholderCategory.NHS_ORGANISATION));
        });
        long staff = trust.member(Role.STAFF);

        assertThat(names(staff, StakeholderQuery.all().withText("nuffield trust"))).containsExactly("The Nuffield Trust");
        assertThat(names(staff, StakeholderQuery.all().withText("@thekings"))).containsExactly("The King's Fund");
        assertThat(names(staff, StakeholderQuery.all().withText("nhs_"))).containsExactly("NHS X");
        assertThat(names(staff, StakeholderQuery.all().withCategory(StakeholderCategory.THINK_TANK)))
                .containsExactly("The King's Fund", "The Nuffield Trust");
        assertThat(names(staff, StakeholderQuery.all().withText("the").withRegion("england")))
                .containsExactly("The King's Fund", "The Nuffield Trust");
        assertThat(names(staff, StakeholderQuery.all().withTopic("WORKFORCE"))).containsExactly("Jane Smith", "The King's Fund");
        assertThat(names(staff, StakeholderQuery.all().withPolitical(true))).containsExactly("Jane Smith");

        var page = caller.as(staff, () -> directory.search(StakeholderQuery.all(), 2, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.stakeholders()).extracting(Stakeholder::name).containsExactly("NHS XYZ", "The King's Fund");
        assertThat(caller.as(staff, () -> directory.regions())).containsExactly("England", "North East");
        assertThat(caller.as(staff, () -> directory.topics())).contains("Funding", "workforce");
    }

    List<String> names(long who, StakeholderQuery query) {
        return caller.as(who, () -> directory.search(query, 0, 50)).stakeholders().stream().map(Stakeholder::name).toList();
    }

    @Test
    void every_member_holding_a_role_reads_but_only_curators_and_organisation_admins_write() {
        long staff = trust.member(Role.STAFF);
        long departmentCurator = staffing.member(trust, "Curator of Physiotherapy only", trust.department().id(),
                Role.CURATOR, trust.department().id());
        var s = add(departmentCurator, "RCOT", "Royal College of Occupational Therapists", StakeholderCategory.ROYAL_COLLEGE)
                .stakeholder();
        add(trust.member(Role.ORG_ADMIN), "BAOT", "BAOT", StakeholderCategory.PROFESSIONAL_BODY);

        for (long reader : List.of(staff, trust.member(Role.AUDITOR))) {
            assertThat(caller.as(reader, () -> directory.get(s.id())).name()).startsWith("Royal College");
            assertThat(caller.as(reader, () -> directory.search(StakeholderQuery.all(), 0, 10)).total()).isEqualTo(2);
        }
        // anyone the identity provider lets in becomes a member with no role: the directory's notes are not theirs
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> directory.get(s.id())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> directory.search(StakeholderQuery.all(), 0, 10)))
                .isInstanceOf(NotPermittedException.class);
        for (long nonWriter : List.of(staff, trust.roleless(), trust.member(Role.AUDITOR), trust.member(Role.APPROVER))) {
            assertThatThrownBy(() -> add(nonWriter, "SomeoneNew", "Someone", StakeholderCategory.OTHER))
                    .isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> caller.as(nonWriter, () -> directory.update(s.id(), s.toDraft(), s.version())))
                    .isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> caller.run(nonWriter, () -> directory.remove(s.id(), s.version())))
                    .isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> caller.as(nonWriter, () -> directory.refresh(List.of(s.id()))))
                    .isInstanceOf(NotPermittedException.class);
        }
    }

    @Test
    void another_organisation_sees_and_changes_nothing_of_the_directory() {
        var s = add(curator, "HealthwatchE", "Healthwatch England", StakeholderCategory.PATIENT_GROUP).stakeholder();
        World.Org other = world.organisation("Other Directory Trust");
        long intruder = other.member(Role.CURATOR);

        assertThatThrownBy(() -> caller.as(intruder, () -> directory.get(s.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.as(intruder, () -> directory.update(s.id(), s.toDraft(), s.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.run(intruder, () -> directory.remove(s.id(), s.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.as(intruder, () -> directory.refresh(List.of(s.id()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(caller.as(intruder, () -> directory.search(StakeholderQuery.all().withText("healthwatch"), 0, 10)).total())
                .isZero();
        // the same handle is a different stakeholder there
        assertThat(add(intruder, "HealthwatchE", "Healthwatch England", StakeholderCategory.PATIENT_GROUP).stakeholder().id())
                .isNotEqualTo(s.id());
        assertThat(caller.as(intruder, () -> directory.regions())).isEmpty();
    }
}
