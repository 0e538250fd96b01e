package org.noticeboard.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.noticeboard.access.Role;
import org.noticeboard.compliance.PreElectionPeriod;
import org.noticeboard.compliance.PreElectionPeriodService;
import org.noticeboard.member.MemberService;
import org.noticeboard.ui.shell.Feedback;

/** The organisation's named pre-election periods: organisation admins add and remove them, auditors read them. */
@Route("pre-election-periods")
@PageTitle("Pre-election periods | Noticeboard")
@Menu(title = "Pre-election periods", order = 94, icon = "vaadin:calendar-clock")
@RolesAllowed({"ORG_ADMIN", "AUDITOR"})
public class PreElectionPeriodsView extends VerticalLayout {

    private final PreElectionPeriodService periods;
    private final Grid<PreElectionPeriod> grid = new Grid<>();

    public PreElectionPeriodsView(PreElectionPeriodService periods, MemberService members,
            org.noticeboard.audit.AuditService audit) {
        this.periods = periods;
        audit.opened("the pre-election periods", "pre_election_period", "list");
        boolean admin = members.me().grants().stream().anyMatch(g -> g.role() == Role.ORG_ADMIN);
        add(new H2("Pre-election periods"), new Paragraph("Posts naming a political stakeholder (an MP, a minister, a devolved "
                + "member, or anyone marked political) published in one of these periods are listed in the compliance report."));
        grid.setId("periods");
        grid.addColumn(PreElectionPeriod::name).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addColumn(p -> p.startsOn().toString()).setHeader("From").setKey("from").setAutoWidth(true);
        grid.addColumn(p -> p.endsOn().toString()).setHeader("To (inclusive)").setKey("to").setAutoWidth(true);
        grid.addColumn(PreElectionPeriod::createdByName).setHeader("Added by").setKey("by").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(p -> {
                var remove = new Button("Remove", e -> {
                    if (Feedback.attempt(() -> periods.remove(p.id()))) {
                        Feedback.success("\u201c" + p.name() + "\u201d removed.");
                        refresh();
                    }
                });
                remove.setId("remove-period-" + p.id());
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                return remove;
            }).setKey("remove").setAutoWidth(true);
            var name = new TextField("Name");
            name.setId("period-name");
            var from = new DatePicker("From");
            from.setId("period-from");
            var to = new DatePicker("To (inclusive)");
            to.setId("period-to");
            var add = new Button("Add period", e -> {
                if (Feedback.attempt(() -> periods.add(name.getValue(), from.getValue(), to.getValue()),
                        Map.of("name", name, "startsOn", from, "endsOn", to))) {
                    Feedback.success("\u201c" + name.getValue().strip() + "\u201d added.");
                    name.clear();
                    from.clear();
                    to.clear();
                    refresh();
                }
            });
            add.setId("add-period");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var form = new HorizontalLayout(name, from, to, add);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(form);
        }
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(periods.list());
    }
}
