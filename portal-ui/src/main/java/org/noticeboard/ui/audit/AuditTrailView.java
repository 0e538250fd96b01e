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

    public AuditTrailView(AuditService audit, OrganisationService organisations) {
        this.audit = audit;
        this.zone = organisations.current().timeZone();
        add(new H2("Audit trail"));

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
        var filters = new HorizontalLayout(text, actor, action, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        var verify = new Button("Check integrity", e -> verify());
        verify.setId("verify-integrity");
        verify.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        integrity.setId("integrity-result");
        add(filters, new HorizontalLayout(verify, integrity));

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
        refresh();
    }

    AuditQuery query() {
        return new AuditQuery(actor.getValue(), action.getValue(), null, text.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void refresh() {
        AuditQuery query = query();
        grid.setItems(
                page -> audit.search(query, page.getOffset(), page.getLimit()).stream(),
                page -> audit.count(query));
    }

    private void verify() {
        var report = audit.verify();
        integrity.setText(report.describe());
        integrity.getStyle().set("color", report.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }
}
