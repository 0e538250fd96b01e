package org.noticeboard.ui.stakeholder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.springframework.beans.factory.annotation.Autowired;

class StakeholdersViewTest extends KaribuTest {

    @Autowired StakeholderService stakeholders;
    @Autowired FollowListService lists;

    Stakeholder add(String handle, String name, StakeholderCategory category, String region, boolean political,
            String... topics) {
        return stakeholders.add(StakeholderDraft.of(handle, name, category).withRegion(region)
                .withTopics(List.of(topics)).withPolitical(political)).stakeholder();
    }

    void open() {
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(StakeholdersView.class);
    }

    @Test
    void search_and_filters_narrow_the_directory_and_the_total_says_how_many_match() {
        signIn("cara.curator");
        add("ZephyrFund", "Zephyr Health Fund", StakeholderCategory.THINK_TANK, "Zedland", false, "zebra care");
        add("ZephyrPatients", "Zephyr Patients Together", StakeholderCategory.PATIENT_GROUP, "Yonder", false, "zebra care");
        add("ZephyrMP", "Zoe Zephyr MP", StakeholderCategory.MP, "Zedland", true, "funding");
        open();

        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("zephyr");
        assertThat(handles()).containsExactlyInAnyOrder("@ZephyrFund", "@ZephyrPatients", "@ZephyrMP");
        assertThat(_get(Span.class, spec -> spec.withId("stakeholder-total")).getText()).isEqualTo("3 stakeholders");

        comboBox("filter-category").setValue(StakeholderCategory.THINK_TANK);
        assertThat(handles()).containsExactly("@ZephyrFund");
        comboBox("filter-category").clear();
        comboBox("filter-region").setValue("Zedland");
        assertThat(handles()).containsExactlyInAnyOrder("@ZephyrFund", "@ZephyrMP");
        political().setValue(StakeholdersView.Political.YES);
        assertThat(handles()).containsExactly("@ZephyrMP");
        assertThat(GridKt._getFormatted(grid(), 0, "political")).isEqualTo("Political");
        political().setValue(StakeholdersView.Political.ANY);
        comboBox("filter-region").clear();
        comboBox("filter-topic").setValue("zebra care");
        assertThat(handles()).containsExactlyInAnyOrder("@ZephyrFund", "@ZephyrPatients");
        assertThat(_get(Span.class, spec -> spec.withId("stakeholder-total")).getText()).isEqualTo("2 stakeholders");
    }

    @Test
    void adding_a_stakeholder_shows_what_x_said_about_the_handle() {
        signIn("cara.curator");
        open();
        _click(_get(Button.class, spec -> spec.withId("add-stakeholder")));
        _get(TextField.class, spec -> spec.withId("stakeholder-handle")).setValue("@AgeUKPolicy");
        _get(TextField.class, spec -> spec.withId("stakeholder-name")).setValue("Age UK Policy");
        comboBox("stakeholder-category").setValue(StakeholderCategory.CHARITY);
        _get(TextField.class, spec -> spec.withId("stakeholder-topics")).setValue("older people; social care, older people");
        _get(TextArea.class, spec -> spec.withId("stakeholder-notes")).setValue("Met at the NHS Confed expo");
        _click(_get(Button.class, spec -> spec.withId("save-stakeholder")));

        // the demo organisation has no account connected to X, so the check says why it did not happen
        assertThat(_get(Paragraph.class, spec -> spec.withId("stakeholder-check")).getText())
                .contains("the handle was not checked");
        assertThat(_get(Button.class, spec -> spec.withId("save-stakeholder")).getText()).isEqualTo("Save");
        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("AgeUKPolicy");
        assertThat(handles()).containsExactly("@AgeUKPolicy");
        assertThat(GridKt._getFormatted(grid(), 0, "topics")).isEqualTo("older people, social care");
        assertThat(GridKt._getFormatted(grid(), 0, "x")).isEqualTo("Not checked yet");
    }

    @Test
    void a_malformed_handle_marks_the_field_and_nothing_is_added() {
        signIn("cara.curator");
        open();
        _click(_get(Button.class, spec -> spec.withId("add-stakeholder")));
        var handle = _get(TextField.class, spec -> spec.withId("stakeholder-handle"));
        handle.setValue("kings fund");
        _get(TextField.class, spec -> spec.withId("stakeholder-name")).setValue("The King's Fund");
        comboBox("stakeholder-category").setValue(StakeholderCategory.THINK_TANK);
        _click(_get(Button.class, spec -> spec.withId("save-stakeholder")));
        assertThat(handle.isInvalid()).isTrue();
        assertThat(handle.getErrorMessage()).contains("is not an X handle");
        _assertNone(Paragraph.class, spec -> spec.withId("stakeholder-check"));
    }

    @Test
    void a_duplicate_is_refused_with_a_way_to_the_entry_already_there() {
        signIn("cara.curator");
        var existing = add("DupNuffield", "The Nuffield Trust", StakeholderCategory.THINK_TANK, "England", false);
        open();
        _click(_get(Button.class, spec -> spec.withId("add-stakeholder")));
        _get(TextField.class, spec -> spec.withId("stakeholder-handle")).setValue("@dupnuffield");
        _get(TextField.class, spec -> spec.withId("stakeholder-name")).setValue("Nuffield Trust (again)");
        comboBox("stakeholder-category").setValue(StakeholderCategory.THINK_TANK);
        _click(_get(Button.class, spec -> spec.withId("save-stakeholder")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("stakeholder-duplicate")).getText())
                .isEqualTo("@DupNuffield is already in the directory as \"The Nuffield Trust\" (#" + existing.id() + ").");
        _click(_get(Button.class, spec -> spec.withId("open-existing")));
        MockVaadin.clientRoundtrip(false);

        var handle = _get(TextField.class, spec -> spec.withId("stakeholder-handle"));
        assertThat(handle.getValue()).isEqualTo("DupNuffield");
        assertThat(handle.isInvalid()).isFalse();
        assertThat(_get(TextField.class, spec -> spec.withId("stakeholder-name")).getValue()).isEqualTo("The Nuffield Trust");
        _assertNone(Paragraph.class, spec -> spec.withId("stakeholder-duplicate"));
    }

    @Test
    void an_entry_opens_from_a_link_to_it() {
        signIn("cara.curator");
        var existing = add("LinkedEntry", "Linked Entry", StakeholderCategory.MEDIA, "Wales", false);
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate("stakeholders", QueryParameters.of("open", String.valueOf(existing.id())));
        assertThat(_get(TextField.class, spec -> spec.withId("stakeholder-name")).getValue()).isEqualTo("Linked Entry");
    }

    @Test
    void editing_keeps_the_x_facts_and_saves_the_changes() {
        signIn("cara.curator");
        add("EditMe", "Edit Me", StakeholderCategory.ACADEMIC, "Scotland", false);
        open();
        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("EditMe");
        _click(cellButton(0, "open-EditMe"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("stakeholder-x")).getText()).isEqualTo("Not checked against X yet.");
        _get(TextField.class, spec -> spec.withId("stakeholder-region")).setValue("North West");
        _click(_get(Button.class, spec -> spec.withId("save-stakeholder")));
        NotificationsKt.expectNotifications("@EditMe saved.");
        assertThat(GridKt._getFormatted(grid(), 0, "region")).isEqualTo("North West");
    }

    @Test
    void removing_asks_first_and_a_stakeholder_on_a_list_stays_until_it_leaves_the_list() {
        signIn("cara.curator");
        add("RemoveMe", "Remove Me", StakeholderCategory.OTHER, "Wales", false);
        var listed = add("KeepMe", "Keep Me", StakeholderCategory.OTHER, "Wales", false);
        var list = lists.create(null, "Removal test list", null, null);
        lists.addMember(list.id(), listed.id(), null);
        open();

        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("RemoveMe");
        _click(cellButton(0, "remove-RemoveMe"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications("@RemoveMe removed from the directory.");
        assertThat(handles()).isEmpty();

        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("KeepMe");
        _click(cellButton(0, "remove-KeepMe"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).contains("is on the follow list \"Removal test list\""));
        assertThat(handles()).containsExactly("@KeepMe");
    }

    @Test
    void refreshing_selected_rows_says_what_x_answered() {
        signIn("cara.curator");
        add("RefreshOne", "Refresh One", StakeholderCategory.OTHER, "Wales", false);
        add("RefreshTwo", "Refresh Two", StakeholderCategory.OTHER, "Wales", false);
        open();
        var refresh = _get(Button.class, spec -> spec.withId("refresh-x"));
        assertThat(refresh.isEnabled()).isFalse();
        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("Refresh");
        grid().select(GridKt._get(grid(), 0));
        grid().select(GridKt._get(grid(), 1));
        assertThat(refresh.isEnabled()).isTrue();
        _click(refresh);
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).contains("was not checked"));
        assertThat(grid().getSelectedItems()).isEmpty();
    }

    @Test
    void the_export_holds_what_the_filters_show() {
        signIn("cara.curator");
        add("ExportA", "Export Alpha", StakeholderCategory.CHARITY, "Wales", false);
        add("ExportB", "Export Beta", StakeholderCategory.MEDIA, "Wales", false);
        open();
        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("Export Alpha");
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("ExportA,Export Alpha,Charity,Wales").doesNotContain("ExportB");
    }

    @Test
    void staff_read_and_export_the_directory_but_do_not_change_it() {
        signIn("cara.curator");
        add("StaffReads", "Staff Reads", StakeholderCategory.ROYAL_COLLEGE, "England", false);
        signIn("sam.staff");
        open();
        _assertNone(Button.class, spec -> spec.withId("add-stakeholder"));
        _assertNone(Button.class, spec -> spec.withId("import-csv"));
        _assertNone(Button.class, spec -> spec.withId("refresh-x"));
        _assertOne(Anchor.class, spec -> spec.withId("export-csv"));
        _get(TextField.class, spec -> spec.withId("stakeholder-search")).setValue("StaffReads");
        assertThat(grid().getSelectionModel()).isNotInstanceOf(GridMultiSelectionModel.class);
        _assertNone(GridKt._getCellComponent(grid(), 0, "actions"), Button.class, spec -> spec.withId("remove-StaffReads"));
        _click(cellButton(0, "open-StaffReads"));
        assertThat(_get(TextField.class, spec -> spec.withId("stakeholder-name")).isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("save-stakeholder"));
        assertThatThrownBy(() -> UI.getCurrent().navigate(StakeholderImportView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private Select<StakeholdersView.Political> political() {
        return _get(Select.class, spec -> spec.withId("filter-political"));
    }

    @SuppressWarnings("unchecked")
    private Grid<Stakeholder> grid() {
        return _get(Grid.class, spec -> spec.withId("stakeholders"));
    }

    private Button cellButton(int row, String id) {
        return _get(GridKt._getCellComponent(grid(), row, "actions"), Button.class, spec -> spec.withId(id));
    }

    private List<String> handles() {
        var handles = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid()); i++) {
            handles.add(GridKt._get(grid(), i).handle().toString());
        }
        return handles;
    }
}
