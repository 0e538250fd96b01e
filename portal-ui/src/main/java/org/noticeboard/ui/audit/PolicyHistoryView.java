package org.noticeboard.ui.audit;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.noticeboard.audit.AuditService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.policy.PolicyDescription;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.PolicyVersion;

/**
 * Every version of the organisation's policy (who saved it, when, why, and what it changed from the
 * one before), and any two versions side by side, setting by setting.
 */
@Route("policy-history")
@PageTitle("Policy history | Noticeboard")
@Menu(title = "Policy history", order = 93, icon = "vaadin:time-backward")
@RolesAllowed({"AUDITOR", "ORG_ADMIN"})
public class PolicyHistoryView extends VerticalLayout {

    /** One setting in two versions. */
    public record Row(String setting, String left, String right) {

        public boolean changed() {
            return !left.equals(right);
        }
    }

    private final PolicyService policy;
    private final ComboBox<Integer> left = new ComboBox<>("Version");
    private final ComboBox<Integer> right = new ComboBox<>("Compared with version");
    private final Checkbox onlyChanges = new Checkbox("Only settings that differ", true);
    private final Grid<Row> sideBySide = new Grid<>();

    public PolicyHistoryView(PolicyService policy, OrganisationService organisations, AuditService audit) {
        this.policy = policy;
        ZoneId zone = organisations.current().timeZone();
        add(new H2("Policy history"));
        List<PolicyVersion> versions = policy.versions();
        var history = new Grid<PolicyVersion>();
        history.setId("policy-history");
        history.addColumn(PolicyVersion::version).setHeader("Version").setKey("version").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(PolicyVersion::createdByName).setHeader("Saved by").setKey("by").setAutoWidth(true);
        history.addColumn(v -> AuditTrailView.TIME.format(v.createdAt().atZone(zone))).setHeader("When").setKey("when").setAutoWidth(true);
        history.addColumn(v -> v.note() == null ? "" : v.note()).setHeader("Note").setKey("note");
        history.addColumn(v -> changesFromPrevious(versions, v)).setHeader("Changed from the version before").setKey("changes")
                .setFlexGrow(3);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setItems(versions);
        history.setAllRowsVisible(true);
        add(history);

        add(new H3("Side by side"));
        var numbers = versions.stream().map(PolicyVersion::version).toList();
        left.setId("history-left");
        right.setId("history-right");
        left.setItems(numbers);
        right.setItems(numbers);
        if (!numbers.isEmpty()) {
            right.setValue(numbers.getFirst());
            left.setValue(numbers.size() > 1 ? numbers.get(1) : numbers.getFirst());
        }
        onlyChanges.setId("history-only-changes");
        left.addValueChangeListener(e -> compare());
        right.addValueChangeListener(e -> compare());
        onlyChanges.addValueChangeListener(e -> compare());
        var choose = new HorizontalLayout(left, right, onlyChanges);
        choose.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        sideBySide.setId("policy-side-by-side");
        sideBySide.addColumn(Row::setting).setHeader("Setting").setKey("setting").setAutoWidth(true);
        sideBySide.addColumn(Row::left).setHeader("Earlier").setKey("left").setFlexGrow(2);
        sideBySide.addColumn(Row::right).setHeader("Later").setKey("right").setFlexGrow(2);
        sideBySide.setPartNameGenerator(r -> r.changed() ? "changed" : null);
        sideBySide.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        sideBySide.setAllRowsVisible(true);
        add(choose, sideBySide);
        compare();
        audit.opened("the policy history", "policy", "history");
    }

    private static String changesFromPrevious(List<PolicyVersion> versions, PolicyVersion version) {
        var previous = versions.stream().filter(v -> v.version() == version.version() - 1).findFirst();
        if (previous.isEmpty()) {
            return "first version";
        }
        var lines = PolicyDescription.differences(previous.get().settings(), version.settings());
        return lines.isEmpty() ? "no change" : String.join("; ", lines);
    }

    void compare() {
        if (left.getValue() == null || right.getValue() == null) {
            sideBySide.setItems(List.of());
            return;
        }
        int a = Math.min(left.getValue(), right.getValue());
        int b = Math.max(left.getValue(), right.getValue());
        sideBySide.getColumnByKey("left").setHeader("Version " + a);
        sideBySide.getColumnByKey("right").setHeader("Version " + b);
        var was = PolicyDescription.describe(policy.version(a).settings());
        var now = PolicyDescription.describe(policy.version(b).settings());
        var rows = new ArrayList<Row>();
        now.forEach((setting, value) -> {
            var row = new Row(setting, show(was.getOrDefault(setting, "")), show(value));
            if (!onlyChanges.getValue() || row.changed()) {
                rows.add(row);
            }
        });
        sideBySide.setItems(rows);
    }

    private static String show(String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
