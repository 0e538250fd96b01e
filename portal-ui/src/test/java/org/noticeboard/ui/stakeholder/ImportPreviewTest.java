package org.noticeboard.ui.stakeholder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.stakeholder.CsvRow;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderQuery;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.springframework.beans.factory.annotation.Autowired;

class ImportPreviewTest extends KaribuTest {

    @Autowired StakeholderService stakeholders;
    @Autowired FollowListService lists;

    void open() {
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(StakeholderImportView.class);
    }

    void upload(String fileName, byte[] bytes) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("csv-upload")), fileName, "text/csv", bytes);
        // the upload hands the file to the UI thread, as a real upload request does
        MockVaadin.runUIQueue();
    }

    static byte[] utf8(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    Stakeholder existing(String handle, String name, String region) {
        return stakeholders.add(StakeholderDraft.of(handle, name, StakeholderCategory.CHARITY).withRegion(region))
                .stakeholder();
    }

    int found(String text) {
        return stakeholders.search(StakeholderQuery.all().withText(text), 0, 10).total();
    }

    @Test
    void the_preview_says_what_each_row_would_do_and_writes_nothing() {
        signIn("cara.curator");
        var age = existing("ImpAgeUK", "Age UK", "England");
        open();
        upload("stakeholders.csv", utf8(
                "Twitter,Full name,Type,Area,Tags",
                "@ImpNewOne,Imported New One,think tank,London,policy; funding",
                "ImpAgeUK,Age UK,charity,North West,older people",
                "not a handle!,Someone,charity,,",
                "ImpNewOne,Same again,think tank,,"));

        Grid<CsvRow> grid = preview();
        assertThat(GridKt._size(grid)).isEqualTo(4);
        assertThat(rows(grid)).extracting(CsvRow::outcome).containsExactly(CsvRow.Outcome.ADD, CsvRow.Outcome.MERGE,
                CsvRow.Outcome.REFUSE, CsvRow.Outcome.REFUSE);
        assertThat(GridKt._getFormatted(grid, 1, "details")).contains("Updates region", "topics")
                .contains("region: England → North West").contains("#" + age.id());
        assertThat(GridKt._getFormatted(grid, 2, "details")).contains("is not an X handle");
        assertThat(GridKt._getFormatted(grid, 3, "details")).contains("Duplicate of row 1");
        assertThat(((Span) GridKt._getCellComponent(grid, 0, "action")).getText()).isEqualTo("ADD");
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .contains("4 rows. 1 to add, 1 to merge into entries already in the directory, 2 refused.")
                .contains("X handle from \"Twitter\"").contains("Nothing has been written yet.");
        assertThat(_get(Button.class, spec -> spec.withId("import-commit")).getText()).isEqualTo("Import 2 rows");

        show().setValue(StakeholderImportView.Show.REFUSE);
        assertThat(rows(grid)).extracting(CsvRow::row).containsExactly(3, 4);

        assertThat(found("ImpNewOne")).isZero();
        assertThat(stakeholders.get(age.id()).region()).isEqualTo("England");
    }

    @Test
    void importing_writes_every_row_at_once_and_onto_the_chosen_list() {
        signIn("cara.curator");
        var age = existing("ImpCommitAge", "Age UK", "England");
        FollowList list = lists.create(null, "Imported charities", null, null);
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate("stakeholders/import", QueryParameters.of("list", String.valueOf(list.id())));
        assertThat(this.<FollowList>comboBox("import-target").getValue()).extracting(FollowList::id).isEqualTo(list.id());

        upload("charities.csv", utf8("handle,name,category,region,notes",
                "ImpCommitNew,Carers UK,charity,Wales,Carers' rights",
                "ImpCommitAge,Age UK,charity,Scotland,"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .contains("They join the list \"Imported charities\".");
        _get(TextField.class, spec -> spec.withId("import-note")).setValue("From the charities spreadsheet");
        _click(_get(Button.class, spec -> spec.withId("import-commit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-done")).getText())
                .startsWith("1 stakeholder(s) added, 1 updated, 0 already as in the file; 2 added to \"Imported charities\".");
        assertThat(stakeholders.get(age.id()).region()).isEqualTo("Scotland");
        assertThat(found("ImpCommitNew")).isEqualTo(1);
        assertThat(lists.members(list.id())).extracting(m -> m.stakeholder().handle().value())
                .containsExactlyInAnyOrder("ImpCommitNew", "ImpCommitAge");
        assertThat(lists.history(list.id())).allSatisfy(c -> assertThat(c.note()).isEqualTo("From the charities spreadsheet"));
        _assertNone(Paragraph.class, spec -> spec.withId("import-summary"));
        _get(Button.class, spec -> spec.withId("import-check-x"));
    }

    @Test
    void a_directory_changed_since_the_preview_refuses_the_import_whole_until_previewed_again() {
        signIn("cara.curator");
        var age = existing("ImpStaleAge", "Age UK", "England");
        open();
        upload("stale.csv", utf8("handle,name,region", "ImpStaleNew,Stale New,Wales", "ImpStaleAge,Age UK,Scotland"));

        // someone else edits the entry the file merges into
        stakeholders.update(age.id(), age.toDraft().withName("Age UK (renamed)"), age.version());
        _click(_get(Button.class, spec -> spec.withId("import-commit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-problem")).getText())
                .contains("changed since the preview").contains("Nothing was imported: preview the file again.");
        assertThat(found("ImpStaleNew")).isZero();
        var again = _get(Button.class, spec -> spec.withId("import-again"));
        _click(again);
        assertThat(GridKt._getFormatted(preview(), 1, "details")).contains("name: Age UK (renamed) → Age UK");
        _click(_get(Button.class, spec -> spec.withId("import-commit")));
        assertThat(found("ImpStaleNew")).isEqualTo(1);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_whole_with_what_to_do() {
        signIn("cara.curator");
        open();
        byte[] latin1 = "handle,name\r\nImpCafe,Caf\u00e9 Society\r\n".getBytes(StandardCharsets.ISO_8859_1);
        upload("excel.csv", latin1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-problem")).getText())
                .startsWith("excel.csv was not imported: The file is not UTF-8 text: line 2")
                .contains("Save the file as \"CSV UTF-8\"");
        _assertNone(Grid.class, spec -> spec.withId("import-preview"));
        _assertNone(Button.class, spec -> spec.withId("import-commit"));
        assertThat(found("ImpCafe")).isZero();
    }

    @Test
    void a_file_without_the_handle_column_is_refused_and_says_which_headers_it_read() {
        signIn("cara.curator");
        open();
        upload("names.csv", utf8("Organisation,Website", "Age UK,ageuk.org.uk"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-problem")).getText())
                .contains("The file has no column for the X handle").contains("Organisation, Website");
    }

    @Test
    void a_file_over_10000_rows_is_refused_whole_and_10000_are_previewed() {
        signIn("cara.curator");
        open();
        var big = new StringBuilder("handle,name,category\r\n");
        for (int i = 0; i < 10_001; i++) {
            big.append("Big").append(i).append(",Big body ").append(i).append(",charity\r\n");
        }
        upload("big.csv", big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-problem")).getText())
                .startsWith("big.csv was not imported:").contains("10001 rows").contains("at most 10000");
        _assertNone(Button.class, spec -> spec.withId("import-commit"));
        assertThat(found("Big0")).isZero();

        open();
        var fits = big.substring(0, big.lastIndexOf("Big10000,"));
        upload("fits.csv", fits.getBytes(StandardCharsets.UTF_8));
        assertThat(GridKt._size(preview())).isEqualTo(10_000);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .contains("10000 rows. 10000 to add");
        assertThat(_get(Button.class, spec -> spec.withId("import-commit")).getText()).isEqualTo("Import 10000 rows");
        assertThat(found("Big0")).as("nothing written before the commit").isZero();
    }

    @Test
    void the_import_offers_only_lists_the_curator_may_change() {
        signIn("pia.curator");
        var theirs = lists.create(null, "Physio import target", null, null);
        lists.setVisibility(theirs.id(), org.noticeboard.followlist.Visibility.ORGANISATION, theirs.version());
        signIn("cara.curator");
        var mine = lists.create(null, "Rehab import target", null, null);
        lists.setVisibility(mine.id(), org.noticeboard.followlist.Visibility.ORGANISATION, mine.version());
        open();
        List<FollowList> offered = this.<FollowList>comboBox("import-target").getListDataView().getItems().toList();
        assertThat(offered).extracting(FollowList::id).contains(mine.id()).doesNotContain(theirs.id());
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private Select<StakeholderImportView.Show> show() {
        return _get(Select.class, spec -> spec.withId("import-show"));
    }

    @SuppressWarnings("unchecked")
    private Grid<CsvRow> preview() {
        return _get(Grid.class, spec -> spec.withId("import-preview"));
    }

    private static List<CsvRow> rows(Grid<CsvRow> grid) {
        var rows = new ArrayList<CsvRow>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }
}
