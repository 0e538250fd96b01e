package org.noticeboard.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.noticeboard.audit.AuditEvent;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;

/**
 * The audit trail, newest first, loaded page by page from the database; filters by who, what,
 * when and free text; and the hash-chain integrity check on demand.
 */
@Route("audit")
@PageTitle("Audit trail | Noticeboard")
@Menu(title = "Audit trail", order = 90, icon = "vaadin:book")
@RolesAllowed({"AUDITOR", "ORG_ADMIN"})
public class AuditTrailView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

    private final AuditService audit;
    private final ZoneId zone;
    private final Grid<AuditEvent> grid = new Grid<>();
    private final TextField text = new TextField();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");
    private final Paragraph integrity = new Paragraph();
    private final ComboBox<OfficialAccount> account = new ComboBox<>("Official account");
    private final TextField subject = new TextField("Subject");
    private final Paragraph matches = new Paragraph();
    private final Div checks = new Div();

    public AuditTrailView(AuditService audit, OrganisationService organisations, OfficialAccountService accounts) {
        this.audit = audit;
        this.zone = organisations.current().timeZone();
        add(new H2("Audit trail"));
        account.setId("audit-account");
        account.setItems(accounts.list());
        account.setItemLabelGenerator(a -> a.handle().value());
        account.setClearButtonVisible(true);
        account.addValueChangeListener(e -> refresh());
        subject.setId("audit-subject");
        subject.setPlaceholder("post 42, official_account 3...");
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.addValueChangeListener(e -> refresh());

        text.setId("audit-text");
        text.setLabel("Contains");
        text.setPlaceholder("name, handle, department...");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setId("audit-actor");
        actor.setLabel("By");
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-action");
        action.setLabel("Action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(text, actor, action, account, subject, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        var verify = new Button("Check integrity", e -> verify());
        verify.setId("verify-integrity");
        verify.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        integrity.setId("integrity-result");
        var export = Downloads.link("export-audit-csv", "Export CSV", () -> "audit-trail.csv", "text/csv; charset=UTF-8",
                out -> audit.exportCsv(query(), out));
        matches.setId("audit-matches");
        checks.setId("integrity-checks");
        checks.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var actions = new HorizontalLayout(verify, export, integrity);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters, actions, checks, matches);

        grid.setId("audit-events");
        grid.addColumn(AuditEvent::seq).setHeader("#").setKey("seq").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.occurredAt().atZone(zone))).setHeader("When").setKey("when").setAutoWidth(true);
        grid.addColumn(AuditEvent::actorName).setHeader("Who").setKey("who").setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader("Action").setKey("action").setAutoWidth(true);
        grid.addColumn(AuditEvent::summary).setHeader("What").setKey("what").setFlexGrow(2);
        grid.addComponentColumn(e -> {
            var changes = new Div();
            e.changes().forEach(line -> changes.add(new Div(line)));
            return changes;
        }).setHeader("Changes").setKey("changes").setFlexGrow(2);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setSizeFull();
        add(grid);
        setSizeFull();
        audit.opened("the audit trail", "audit_trail", "search");
        showChecks();
        refresh();
    }

    AuditQuery query() {
        String[] subjectParts = subject.getValue() == null ? new String[0] : subject.getValue().strip().split("\\s+", 2);
        String subjectType = subjectParts.length > 0 && !subjectParts[0].isEmpty() ? subjectParts[0] : null;
        String subjectId = subjectParts.length > 1 ? subjectParts[1].replace("#", "") : null;
        return new AuditQuery(actor.getValue(), action.getValue(), subjectType, text.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                account.getValue() == null ? null : account.getValue().id(), subjectId);
    }

    private void refresh() {
        to.setInvalid(false);
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            // a reversed range would match nothing: say so on the field instead of showing an empty list
            to.setErrorMessage("The last day is before the first day.");
            to.setInvalid(true);
            grid.setItems(java.util.List.of());
            matches.setText("No search: the dates are the wrong way round.");
            return;
        }
        AuditQuery query = query();
        var counted = audit.matches(query);
        matches.setText(counted.describe());
        grid.setItems(
                page -> audit.search(query, page.getOffset(), page.getLimit()).stream(),
                page -> (int) counted.counted());
    }

    private void showChecks() {
        checks.removeAll();
        var recent = audit.checks(3);
        if (recent.isEmpty()) {
            checks.add(new Div("The chain has not been verified yet; it is verified every night."));
        }
        recent.forEach(c -> checks.add(new Div((c.scheduled() ? "Daily check" : "Checked by " + c.checkedByName()) + ", "
                + TIME.format(c.report().checkedAt().atZone(zone)) + ": " + c.report().describe())));
    }

    private void verify() {
        var report = audit.verify();
        integrity.setText(report.describe());
        integrity.getStyle().set("color", report.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        showChecks();
    }
}
