package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.stakeholder.CheckedStakeholder;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderCsv;
import org.noticeboard.stakeholder.StakeholderQuery;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.stakeholder.XCheck;
import org.noticeboard.ui.shell.Feedback;

/**
 * The organisation's stakeholder directory: search and filters over a grid that loads a page at a
 * time, and for curators and organisation admins adding, editing, removing, checking against X,
 * and importing. Everyone may export what the filters show.
 */
@Route("stakeholders")
@PageTitle("Stakeholders | Noticeboard")
@Menu(title = "Stakeholders", order = 55, icon = "vaadin:user-card")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class StakeholdersView extends VerticalLayout implements BeforeEnterObserver {

    /** Rows fetched per request as the grid scrolls. */
    static final int PAGE = 50;
    /** The most the directory returns at once. */
    static final int MAX_PAGE = 500;

    /** The political filter: either way, or only one of them. */
    enum Political {
        ANY("Political or not"),
        YES("Political only"),
        NO("Not political");

        final String label;

        Political(String label) {
            this.label = label;
        }

        @Nullable Boolean value() {
            return this == ANY ? null : this == YES;
        }
    }

    private final StakeholderService stakeholders;
    private final ZoneId zone;
    private final boolean canEdit;
    private final TextField search = new TextField();
    private final ComboBox<StakeholderCategory> category = new ComboBox<>("Category");
    private final ComboBox<String> region = new ComboBox<>("Region");
    private final ComboBox<String> topic = new ComboBox<>("Topic");
    private final Select<Political> political = new Select<>();
    private final Grid<Stakeholder> grid = new Grid<>();
    private final Span total = new Span();
    private final Button refresh = new Button("Refresh from X");
    private final CallbackDataProvider<Stakeholder, Void> rows;
    // read by the export's download request as well as by the grid
    private volatile StakeholderQuery query = StakeholderQuery.all();

    public StakeholdersView(StakeholderService stakeholders, StakeholderCsv csv, MemberService members,
            OrganisationService organisations) {
        this.stakeholders = stakeholders;
        this.zone = organisations.current().timeZone();
        this.canEdit = members.me().grants().stream().anyMatch(g -> g.role() == Role.CURATOR || g.role() == Role.ORG_ADMIN);
        add(new H2("Stakeholders"));
        add(new Paragraph("People and organisations worth following or influencing: MPs, NHS bodies, think tanks, "
                + "charities, patient groups and more. Handles are checked against X. "
                + (canEdit ? "Curators and organisation admins keep the directory; everyone may read and export it."
                        : "Curators keep the directory; you may search and export it.")));

        search.setId("stakeholder-search");
        search.setLabel("Search");
        search.setPlaceholder("Name or handle");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        category.setId("filter-category");
        category.setItems(StakeholderCategory.values());
        category.setItemLabelGenerator(StakeholderCategory::label);
        category.setClearButtonVisible(true);
        category.setPlaceholder("Any");
        category.addValueChangeListener(e -> filter());
        region.setId("filter-region");
        region.setClearButtonVisible(true);
        region.setPlaceholder("Any");
        region.addValueChangeListener(e -> filter());
        topic.setId("filter-topic");
        topic.setClearButtonVisible(true);
        topic.setPlaceholder("Any");
        topic.addValueChangeListener(e -> filter());
        political.setId("filter-political");
        political.setLabel("Political");
        political.setItems(Political.values());
        political.setItemLabelGenerator(p -> p.label);
        political.setValue(Political.ANY);
        political.addValueChangeListener(e -> filter());
        var filters = new HorizontalLayout(search, category, region, topic, political);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);

        var actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (canEdit) {
            var addButton = new Button("Add stakeholder", e -> open(null));
            addButton.setId("add-stakeholder");
            addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            refresh.setId("refresh-x");
            refresh.setEnabled(false);
            refresh.addClickListener(e -> refreshSelected());
            var importButton = new Button("Import CSV", e -> getUI().ifPresent(ui -> ui.navigate(StakeholderImportView.class)));
            importButton.setId("import-csv");
            actions.add(addButton, refresh, importButton);
        }
        Anchor export = Csv.download("export-csv", "Export CSV", "stakeholders.csv", () -> csv.exportDirectory(query));
        total.setId("stakeholder-total");
        actions.add(export, total);
        add(actions);

        grid.setId("stakeholders");
        grid.setPageSize(PAGE);
        grid.addColumn(s -> s.handle().toString()).setHeader("Handle").setKey("handle").setAutoWidth(true);
        grid.addColumn(Stakeholder::name).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(s -> s.category().label()).setHeader("Category").setKey("category").setAutoWidth(true);
        grid.addColumn(s -> s.region() == null ? "" : s.region()).setHeader("Region").setKey("region");
        grid.addColumn(s -> String.join(", ", s.topics())).setHeader("Topics").setKey("topics").setFlexGrow(2);
        grid.addColumn(s -> Shown.followers(s.followersCount())).setHeader("Followers").setKey("followers")
                .setAutoWidth(true);
        grid.addColumn(s -> Shown.onX(s, zone)).setHeader("On X?").setKey("x").setAutoWidth(true);
        grid.addColumn(s -> s.political() ? "Political" : "").setHeader("Political").setKey("political")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        if (canEdit) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(e -> refresh.setEnabled(!e.getAllSelectedItems().isEmpty()));
        }
        rows = new CallbackDataProvider<>(
                q -> fetch(stakeholders, query, q.getOffset(), q.getLimit()).stream(),
                q -> stakeholders.search(query, 0, 1).total(),
                Stakeholder::id);
        grid.setItems(rows);
        grid.setHeight("32rem");
        add(grid);
        reloadFilters();
        showTotal();
    }

    /**
     * Stakeholders {@code offset} to {@code offset + limit}, asked for in pages the directory allows
     * (a test or a quick scroll may ask for more at once).
     */
    static List<Stakeholder> fetch(StakeholderService stakeholders, StakeholderQuery query, int offset, int limit) {
        var found = new ArrayList<Stakeholder>();
        while (found.size() < limit) {
            int asked = Math.min(limit - found.size(), MAX_PAGE);
            var page = stakeholders.search(query, offset + found.size(), asked).stakeholders();
            found.addAll(page);
            if (page.size() < asked) {
                break;
            }
        }
        return found;
    }

    /** {@code ?open=<id>} opens that entry, so that other pages can link to it. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("open").ifPresent(id -> {
            try {
                openExisting(Long.parseLong(id));
            } catch (NumberFormatException e) {
                Feedback.error("There is no stakeholder " + id + ".");
            }
        });
    }

    private HorizontalLayout actions(Stakeholder s) {
        var open = new Button(canEdit ? "Edit" : "Details", e -> open(s));
        open.setId("open-" + s.handle().value());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var cell = new HorizontalLayout(open);
        if (canEdit) {
            var remove = new Button("Remove", e -> remove(s));
            remove.setId("remove-" + s.handle().value());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            cell.add(remove);
        }
        return cell;
    }

    private void filter() {
        query = new StakeholderQuery(search.getValue().isBlank() ? null : search.getValue(), category.getValue(),
                region.getValue(), topic.getValue(), political.getValue() == null ? null : political.getValue().value());
        grid.deselectAll();
        rows.refreshAll();
        showTotal();
    }

    private void showTotal() {
        int n = stakeholders.search(query, 0, 1).total();
        total.setText(n == 1 ? "1 stakeholder" : n + " stakeholders");
    }

    /** The regions and topics offered as filters are those in use, which change as people edit. */
    private void reloadFilters() {
        region.setItems(stakeholders.regions());
        topic.setItems(stakeholders.topics());
    }

    private void changed() {
        rows.refreshAll();
        showTotal();
        reloadFilters();
    }

    private void open(@Nullable Stakeholder existing) {
        new StakeholderDialog(stakeholders, zone, canEdit, existing, this::changed, this::openExisting).open();
    }

    private void openExisting(long id) {
        try {
            open(stakeholders.get(id));
        } catch (DomainException e) {
            Feedback.error(e.getMessage());
        }
    }

    private void remove(Stakeholder s) {
        var confirm = new ConfirmDialog("Remove " + s.handle() + " from the directory?",
                s.name() + " leaves the directory; nothing changes on X. A stakeholder on a follow list is kept until it "
                        + "is removed from the list. The audit trail keeps the entry as it was.",
                "Remove", e -> {
                    if (Feedback.attempt(() -> stakeholders.remove(s.id(), s.version()))) {
                        Feedback.success(s.handle() + " removed from the directory.");
                    }
                    changed();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refreshSelected() {
        List<Long> ids = grid.getSelectedItems().stream().map(Stakeholder::id).toList();
        var results = new ArrayList<CheckedStakeholder>();
        if (Feedback.attempt(() -> results.addAll(stakeholders.refresh(ids)))) {
            Feedback.success(summary(results));
            grid.deselectAll();
            changed();
        }
    }

    /** What a check against X found, in a sentence or two. */
    static String summary(List<CheckedStakeholder> results) {
        if (results.isEmpty()) {
            return "Nothing to check.";
        }
        if (results.size() == 1) {
            return results.getFirst().message();
        }
        if (results.stream().map(CheckedStakeholder::message).distinct().count() == 1) {
            // X was not asked: every result carries the same reason
            return results.getFirst().message();
        }
        long onX = results.stream().filter(r -> r.check() == XCheck.ON_X).count();
        long notOnX = results.stream().filter(r -> r.check() == XCheck.NOT_ON_X).count();
        var text = new StringBuilder(results.size() + " handles checked against X: " + onX + " on X, " + notOnX
                + " not on X.");
        results.stream().map(CheckedStakeholder::message).filter(m -> m.contains("same X user")).distinct()
                .forEach(m -> text.append(' ').append(m));
        return text.toString();
    }
}
