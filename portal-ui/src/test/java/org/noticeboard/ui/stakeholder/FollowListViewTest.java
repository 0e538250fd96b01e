package org.noticeboard.ui.stakeholder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Subscription;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.springframework.beans.factory.annotation.Autowired;

class FollowListViewTest extends KaribuTest {

    @Autowired FollowListService lists;
    @Autowired StakeholderService stakeholders;

    Stakeholder stakeholder(String handle, String name) {
        return stakeholders.add(StakeholderDraft.of(handle, name, StakeholderCategory.THINK_TANK)
                .withNotes("Internal: " + name + " owes us a reply")).stakeholder();
    }

    /** A list of Older People's Rehabilitation (Cara's), shared with the organisation. */
    FollowList shared(String name) {
        signIn("cara.curator");
        var list = lists.create(null, name, "Who shapes policy for older people", "Influence national policy");
        return lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version());
    }

    void open(long listId) {
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(FollowListView.class, new RouteParameters("listId", String.valueOf(listId)));
    }

    @Test
    void a_curator_creates_a_list_for_their_department_and_lands_on_it() {
        signIn("cara.curator");
        UI.getCurrent().navigate(FollowListsView.class);
        _click(_get(Button.class, spec -> spec.withId("new-list")));
        _get(TextField.class, spec -> spec.withId("list-name-field")).setValue("Health think tanks");
        _get(TextArea.class, spec -> spec.withId("list-description")).setValue("The King's Fund, Nuffield Trust...");
        _get(TextArea.class, spec -> spec.withId("list-purpose")).setValue("Evidence for our winter plan");
        _click(_get(Button.class, spec -> spec.withId("create-list")));

        assertThat(_get(H2.class, spec -> spec.withId("list-title")).getText()).isEqualTo("Health think tanks");
        assertThat(_get(Paragraph.class, spec -> spec.withId("list-facts")).getText())
                .startsWith("Older People's Rehabilitation's list. Seen by: the department. 0 members");
        assertThat(_get(Paragraph.class, spec -> spec.withId("list-purpose-text")).getText())
                .isEqualTo("Purpose: Evidence for our winter plan");
        assertThat(visibility().getValue()).isEqualTo(Visibility.DEPARTMENT);
    }

    @Test
    void members_are_added_and_removed_with_notes_that_the_history_keeps() {
        signIn("cara.curator");
        var ageUk = stakeholder("EdAgeUK", "Age UK (editor test)");
        var list = lists.create(null, "Older people's charities", null, null);
        open(list.id());

        ComboBox<Stakeholder> who = comboBox("member-to-add");
        ComboBoxKt.setUserInput(who, "EdAgeUK");
        assertThat(ComboBoxKt.getSuggestionItems(who)).extracting(Stakeholder::id).containsExactly(ageUk.id());
        who.setValue(ageUk);
        _get(TextField.class, spec -> spec.withId("member-note")).setValue("Campaigns on social care");
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        NotificationsKt.expectNotifications("@EdAgeUK added to \"Older people's charities\".");
        assertThat(GridKt._getFormatted(members(), 0, "handle")).isEqualTo("@EdAgeUK");
        assertThat(GridKt._getFormatted(members(), 0, "note")).isEqualTo("Campaigns on social care");
        assertThat(GridKt._getFormatted(members(), 0, "added")).startsWith("Cara Byrne, ");

        _click(_get(GridKt._getCellComponent(members(), 0, "actions"), Button.class,
                spec -> spec.withId("remove-member-EdAgeUK")));
        _get(TextField.class, spec -> spec.withId("remove-note")).setValue("Now on the charities list");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications("@EdAgeUK removed from \"Older people's charities\".");
        assertThat(GridKt._size(members())).isZero();

        var history = grid("history");
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(List.of(GridKt._getFormatted(history, 0, "kind"), GridKt._getFormatted(history, 0, "stakeholder"),
                GridKt._getFormatted(history, 0, "by"), GridKt._getFormatted(history, 0, "note")))
                .containsExactly("Removed", "@EdAgeUK (Age UK (editor test))", "Cara Byrne", "Now on the charities list");
        assertThat(GridKt._getFormatted(history, 1, "kind")).isEqualTo("Added");
        assertThat(GridKt._getFormatted(history, 1, "note")).isEqualTo("Campaigns on social care");
    }

    @Test
    void adding_nobody_says_to_choose_someone() {
        signIn("cara.curator");
        var list = lists.create(null, "Empty add test", null, null);
        open(list.id());
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        assertThat(comboBox("member-to-add").isInvalid()).isTrue();
        assertThat(lists.members(list.id())).isEmpty();
    }

    @Test
    void a_public_list_shows_its_full_link_and_making_it_private_ends_the_link() {
        signIn("cara.curator");
        var list = lists.create(null, "Patient groups, public", null, null);
        open(list.id());
        _assertNone(TextField.class, spec -> spec.withId("public-url"));

        visibility().setValue(Visibility.PUBLIC);
        String token = lists.get(list.id()).publicToken();
        assertThat(token).isNotNull();
        String url = _get(TextField.class, spec -> spec.withId("public-url")).getValue();
        assertThat(url).matches("https?://[^/]+/public/lists/" + token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("list-facts")).getText())
                .contains("Seen by: anyone with the link");

        visibility().setValue(Visibility.DEPARTMENT);
        assertThat(lists.get(list.id()).publicToken()).isNull();
        _assertNone(TextField.class, spec -> spec.withId("public-url"));
    }

    @Test
    void another_departments_curator_subscribes_sees_what_changed_since_and_marks_it_seen() {
        var kingsFund = stakeholderAs("cara.curator", "SubKingsFund", "The King's Fund (sub test)");
        var nuffield = stakeholderAs("cara.curator", "SubNuffield", "Nuffield Trust (sub test)");
        var list = shared("National think tanks");
        lists.addMember(list.id(), kingsFund.id(), "Before anyone subscribed");

        signIn("pia.curator");
        open(list.id());
        _assertNone(Button.class, spec -> spec.withId("add-member"));
        _assertNone(RadioButtonGroup.class, spec -> spec.withId("list-visibility"));
        _click(_get(Button.class, spec -> spec.withId("subscribe")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("changes-none")).getText())
                .isEqualTo("Nothing has changed since your department last looked.");
        _assertOne(Button.class, spec -> spec.withId("unsubscribe"));

        signIn("cara.curator");
        lists.addMember(list.id(), nuffield.id(), "Their winter report matters");
        lists.removeMember(list.id(), kingsFund.id(), "Moved to the King's Fund list");

        signIn("pia.curator");
        UI.getCurrent().navigate(FollowListsView.class);
        Grid<Subscription> subscriptions = grid("subscriptions");
        int row = rowOf(subscriptions, s -> s.listId() == list.id());
        assertThat(GridKt._getFormatted(subscriptions, row, "unseen")).isEqualTo("2 changes");
        open(list.id());
        var changes = grid("changes-since");
        assertThat(GridKt._size(changes)).isEqualTo(2);
        assertThat(GridKt._getFormatted(changes, 0, "kind")).isEqualTo("Removed");
        assertThat(GridKt._getFormatted(changes, 0, "note")).isEqualTo("Moved to the King's Fund list");
        assertThat(GridKt._getFormatted(changes, 1, "stakeholder")).isEqualTo("@SubNuffield (Nuffield Trust (sub test))");

        _click(_get(Button.class, spec -> spec.withId("mark-seen")));
        _assertOne(Paragraph.class, spec -> spec.withId("changes-none"));
        assertThat(lists.subscriptions()).filteredOn(s -> s.listId() == list.id()).singleElement()
                .satisfies(s -> assertThat(s.unseenChanges()).isZero());

        _click(_get(Button.class, spec -> spec.withId("unsubscribe")));
        _assertOne(Button.class, spec -> spec.withId("subscribe"));
        _assertNone(Paragraph.class, spec -> spec.withId("changes-none"));
    }

    @Test
    void a_curator_forks_another_departments_list_into_their_own() {
        var ahp = stakeholderAs("cara.curator", "ForkAHPLead", "AHP lead (fork test)");
        var list = shared("AHP leaders");
        lists.addMember(list.id(), ahp.id(), "Chief AHP officer");

        signIn("pia.curator");
        open(list.id());
        var fork = _get(Button.class, spec -> spec.withId("fork-list"));
        assertThat(fork.getText()).isEqualTo("Fork into Physiotherapy");
        _click(fork);

        var copy = lists.list().stream().filter(l -> l.forkedFromId() != null && l.forkedFromId() == list.id())
                .findFirst().orElseThrow();
        assertThat(copy.departmentName()).isEqualTo("Physiotherapy");
        assertThat(_get(H2.class, spec -> spec.withId("list-title")).getText()).isEqualTo("AHP leaders");
        assertThat(_get(Paragraph.class, spec -> spec.withId("list-facts")).getText())
                .startsWith("Physiotherapy's list. Seen by: the department. 1 member")
                .endsWith("Forked from list #" + list.id() + ".");
        assertThat(GridKt._getFormatted(grid("history"), 0, "note"))
                .isEqualTo("Forked from \"AHP leaders\" of Older People's Rehabilitation");
        _assertOne(Button.class, spec -> spec.withId("add-member"));
    }

    @Test
    void staff_read_a_shared_list_and_export_it_but_neither_change_nor_subscribe() {
        var charity = stakeholderAs("cara.curator", "StaffCharity", "A charity (staff test)");
        var list = shared("Charities for staff");
        lists.addMember(list.id(), charity.id(), null);

        signIn("sam.staff");
        open(list.id());
        assertThat(GridKt._size(members())).isEqualTo(1);
        _assertNone(Button.class, spec -> spec.withId("add-member"));
        _assertNone(Button.class, spec -> spec.withId("subscribe"));
        _assertNone(Button.class, spec -> spec.withId("fork-list"));
        _assertNone(Button.class, spec -> spec.withId("delete-list"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("list-visibility-text")).getText())
                .isEqualTo("The whole organisation.");
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-list"))),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("StaffCharity,A charity (staff test)").contains("owes us a reply");

        UI.getCurrent().navigate(FollowListsView.class);
        _assertNone(Button.class, spec -> spec.withId("new-list"));
        assertThatThrownBy(() -> lists.create(null, "Staff list", null, null))
                .isInstanceOf(org.noticeboard.access.NotPermittedException.class);
    }

    @Test
    void the_overview_shows_the_departments_own_lists_and_shared_ones_not_other_departments_private_ones() {
        var shared = shared("Overview shared list");
        var own = lists.create(null, "Overview private list", null, null);
        signIn("pia.curator");
        var physio = lists.create(null, "Overview physio list", null, null);

        UI.getCurrent().navigate(FollowListsView.class);
        Grid<FollowList> overview = grid("lists");
        var shown = new ArrayList<Long>();
        for (int i = 0; i < GridKt._size(overview); i++) {
            shown.add(GridKt._get(overview, i).id());
        }
        assertThat(shown).contains(shared.id(), physio.id()).doesNotContain(own.id());
        assertThat(GridKt._getFormatted(overview, shown.indexOf(shared.id()), "visibility"))
                .isEqualTo("The whole organisation");
        assertThat(GridKt._getFormatted(overview, shown.indexOf(shared.id()), "department"))
                .isEqualTo("Older People's Rehabilitation");
    }

    @Test
    void a_department_list_of_another_department_is_not_found() {
        signIn("cara.curator");
        var list = lists.create(null, "Private to older people's rehab", null, null);
        signIn("pia.curator");
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(FollowListView.class, new RouteParameters("listId", String.valueOf(list.id())));
        _assertOne(FollowListsView.class);
        NotificationsKt.expectNotifications("Follow list #" + list.id() + " does not exist in your organisation.");
    }

    Stakeholder stakeholderAs(String username, String handle, String name) {
        signIn(username);
        return stakeholder(handle, name);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Visibility> visibility() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("list-visibility"));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private Grid<org.noticeboard.followlist.FollowListMember> members() {
        return grid("members");
    }

    private static <T> int rowOf(Grid<T> grid, java.util.function.Predicate<T> which) {
        var rows = new ArrayList<T>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i))) {
                return i;
            }
        }
        throw new AssertionError("No such row in " + rows);
    }
}
