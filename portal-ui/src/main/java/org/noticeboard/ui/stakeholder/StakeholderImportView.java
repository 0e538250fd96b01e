package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.stakeholder.CheckedStakeholder;
import org.noticeboard.stakeholder.CsvImportResult;
import org.noticeboard.stakeholder.CsvPreview;
import org.noticeboard.stakeholder.CsvRow;
import org.noticeboard.stakeholder.FieldChange;
import org.noticeboard.stakeholder.StakeholderCsv;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.shell.BoundedUpload;
import org.noticeboard.ui.shell.Feedback;

/**
 * Imports stakeholders from a CSV file in two steps: the file is previewed (every row to be added,
 * merged or refused, and why; nothing written), then imported all at once. A file that cannot be
 * read is refused whole, with what is wrong; an import refused because the directory changed since
 * the preview is previewed again.
 */
@Route("stakeholders/import")
@PageTitle("Import stakeholders | Noticeboard")
@RolesAllowed({"CURATOR", "ORG_ADMIN"})
public class StakeholderImportView extends VerticalLayout implements BeforeEnterObserver {

    /** Far above 10,000 ordinary rows; the import refuses bigger files anyway, with a reason. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Handles checked per press of "Check against X": X answers 100 per request. */
    static final int CHECK_BATCH = 1000;

    /** Which rows the preview shows. */
    enum Show {
        ALL("Every row"),
        ADD("Rows to add"),
        MERGE("Rows to merge"),
        REFUSE("Refused rows");

        final String label;

        Show(String label) {
            this.label = label;
        }
    }

    private final StakeholderCsv csv;
    private final StakeholderService stakeholders;
    private final ComboBox<FollowList> target = new ComboBox<>("Also add them to the list");
    private final Upload upload;
    private final Paragraph problem = new Paragraph();
    private final Button again = new Button("Preview again");
    private final Paragraph summary = new Paragraph();
    private final Select<Show> show = new Select<>();
    private final Grid<CsvRow> grid = new Grid<>();
    private final TextField note = new TextField("Note for the list's history");
    private final Button commit = new Button();
    private final Div result = new Div();
    private byte @Nullable [] file;
    private String fileName = "";
    private @Nullable CsvPreview preview;

    public StakeholderImportView(StakeholderCsv csv, StakeholderService stakeholders, FollowListService lists) {
        this.csv = csv;
        this.stakeholders = stakeholders;
        setMaxWidth("80rem");
        add(new H2("Import stakeholders from CSV"));
        add(new Paragraph("A CSV file with a header line and one stakeholder a row: the X handle and the name, and if "
                + "you have them category, region, topics (separated by ; or |), political (yes or no) and notes. "
                + "Header names are matched loosely (\"Twitter\", \"Full name\", \"Type\"...). Save it from your "
                + "spreadsheet as \"CSV UTF-8\"; at most 10,000 rows. You see what each row would do before anything "
                + "is written; a handle already in the directory is merged into its entry."));

        target.setId("import-target");
        target.setItems(lists.list().stream().filter(FollowList::editable).toList());
        target.setItemLabelGenerator(l -> l.name() + " (" + l.departmentName() + ")");
        target.setClearButtonVisible(true);
        target.setPlaceholder("No list: the directory only");
        target.setWidth("28rem");
        target.addValueChangeListener(e -> {
            note.setVisible(e.getValue() != null);
            if (file != null) {
                preview();
            }
        });

        UI ui = UI.getCurrent();
        upload = new Upload(new BoundedUpload(MAX_FILE_BYTES, "a stakeholder file", (name, bytes) -> ui.access(() -> {
            file = bytes;
            fileName = name;
            preview();
        })));
        upload.setId("csv-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setDropLabel(new Span("A CSV file of at most 10,000 rows"));
        upload.addFileRejectedListener(e -> Feedback.error(e.getFileName() + ": " + e.getErrorMessage()));
        add(target, upload);

        problem.setId("import-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        again.setId("import-again");
        again.setVisible(false);
        again.addClickListener(e -> preview());
        add(problem, again);

        summary.setId("import-summary");
        show.setId("import-show");
        show.setLabel("Show");
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> s.label);
        show.setValue(Show.ALL);
        show.addValueChangeListener(e -> showRows());
        grid.setId("import-preview");
        grid.addColumn(CsvRow::row).setHeader("Row").setKey("row").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CsvRow::line).setHeader("Line").setKey("line").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(StakeholderImportView::outcome).setHeader("Action").setKey("action").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.handle().isEmpty() ? "" : Shown.handle(r.handle())).setHeader("Handle").setKey("handle")
                .setAutoWidth(true);
        grid.addColumn(CsvRow::name).setHeader("Name").setKey("name");
        grid.addColumn(StakeholderImportView::details).setHeader("What happens").setKey("details").setFlexGrow(3);
        grid.setHeight("28rem");
        note.setId("import-note");
        note.setPlaceholder("Imported from a CSV file");
        note.setWidth("28rem");
        note.setVisible(false);
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> commit());
        var commitRow = new HorizontalLayout(note, commit);
        commitRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(summary, show, grid, commitRow);
        result.setId("import-result");
        add(result);
        showPreview();
    }

    /** {@code ?list=<id>} chooses the list to import into, as the list's own page links here. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("list").ifPresent(id ->
                target.getListDataView().getItems().filter(l -> String.valueOf(l.id()).equals(id)).findFirst()
                        .ifPresent(target::setValue));
    }

    private static Span outcome(CsvRow row) {
        var badge = new Span(row.outcome().name());
        badge.getElement().getThemeList().add(switch (row.outcome()) {
            case ADD -> "badge success";
            case MERGE -> "badge";
            case REFUSE -> "badge error";
        });
        return badge;
    }

    /** The row's own message, and for a merge each field as stored and as the file has it. */
    static String details(CsvRow row) {
        if (row.changes().isEmpty()) {
            return row.message();
        }
        return row.message() + " " + row.changes().stream().map(StakeholderImportView::change)
                .collect(Collectors.joining("; "));
    }

    private static String change(FieldChange change) {
        return change.field() + ": " + (change.before() == null || change.before().isEmpty() ? "(empty)" : change.before())
                + " → " + (change.after() == null || change.after().isEmpty() ? "(empty)" : change.after());
    }

    private void preview() {
        byte[] bytes = file;
        preview = null;
        problem.setVisible(false);
        again.setVisible(false);
        result.removeAll();
        if (bytes != null) {
            FollowList list = target.getValue();
            try {
                preview = csv.preview(bytes, list == null ? null : list.id());
            } catch (InvalidInputException e) {
                refuse(fileName + " was not imported: " + e.getMessage());
            } catch (DomainException e) {
                refuse(e.getMessage());
            }
        }
        showPreview();
    }

    private void refuse(String message) {
        problem.setText(message);
        problem.setVisible(true);
        Feedback.error(message);
    }

    private void showPreview() {
        CsvPreview shown = preview;
        boolean any = shown != null;
        summary.setVisible(any);
        show.setVisible(any);
        grid.setVisible(any);
        commit.setVisible(any);
        if (shown == null) {
            grid.setItems(List.of());
            return;
        }
        int importing = shown.adds() + shown.merges();
        summary.setText(fileName + ": " + shown.rows().size() + (shown.rows().size() == 1 ? " row" : " rows") + ". "
                + shown.adds() + " to add, " + shown.merges() + " to merge into entries already in the directory, "
                + shown.refusals() + " refused." + (shown.targetListName() == null ? ""
                        : " They join the list \"" + shown.targetListName() + "\".")
                + " Columns read: " + shown.columns().entrySet().stream()
                        .map(c -> c.getKey() + " from \"" + c.getValue() + "\"").collect(Collectors.joining(", ")) + "."
                + (shown.ignoredColumns().isEmpty() ? "" : " Not read: " + String.join(", ", shown.ignoredColumns()) + ".")
                + " Nothing has been written yet.");
        commit.setText("Import " + importing + (importing == 1 ? " row" : " rows"));
        commit.setEnabled(importing > 0);
        show.setValue(Show.ALL);
        showRows();
    }

    private void showRows() {
        CsvPreview shown = preview;
        Show which = show.getValue();
        grid.setItems(shown == null ? List.of() : which == null || which == Show.ALL ? shown.rows()
                : shown.rows().stream().filter(r -> r.outcome().name().equals(which.name())).toList());
    }

    private void commit() {
        CsvPreview committing = preview;
        if (committing == null) {
            return;
        }
        CsvImportResult done;
        try {
            done = csv.commit(committing.token(), note.getValue());
        } catch (ConflictException e) {
            // the directory or the list changed since the preview, or the preview is gone: nothing was written
            refuse(e.getMessage());
            again.setVisible(true);
            return;
        } catch (DomainException e) {
            refuse(e.getMessage());
            return;
        }
        preview = null;
        file = null;
        upload.clearFileList();
        showPreview();
        Feedback.success(done.message());
        var message = new Paragraph(done.message());
        message.setId("import-done");
        result.add(message);
        var next = new HorizontalLayout();
        if (done.targetListId() != null) {
            var list = new RouterLink("Open the list", FollowListView.class,
                    new RouteParameters(FollowListView.LIST_ID, String.valueOf(done.targetListId())));
            list.setId("import-open-list");
            next.add(list);
        }
        next.add(new RouterLink("Back to the directory", StakeholdersView.class));
        if (done.added() > 0) {
            var check = new Button("Check the new handles against X", e -> checkAgainstX());
            check.setId("import-check-x");
            next.addComponentAsFirst(check);
        }
        next.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        result.add(next);
    }

    private void checkAgainstX() {
        var checked = new java.util.ArrayList<CheckedStakeholder>();
        int before = stakeholders.uncheckedCount();
        if (Feedback.attempt(() -> checked.addAll(stakeholders.refreshUnchecked(CHECK_BATCH)))) {
            int left = stakeholders.uncheckedCount();
            // when X could not be asked nothing moved, and pressing again would not help
            Feedback.success(StakeholdersView.summary(checked) + (left == 0 || left == before ? "" : " " + left
                    + " handle(s) still to check: press again."));
        }
    }
}
