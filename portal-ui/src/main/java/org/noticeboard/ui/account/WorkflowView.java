package org.noticeboard.ui.account;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.ui.shell.Feedback;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.StepCondition;
import org.noticeboard.workflow.Workflow;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;

/**
 * An account admin edits an account's approval workflow: ordered steps, who approves each, ANY
 * or ALL, and when a step applies. Each save is a new version; posts in review keep theirs.
 */
@Route("accounts/:accountId/workflow")
@PageTitle("Approval workflow | Noticeboard")
@RolesAllowed("ACCOUNT_ADMIN")
public class WorkflowView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    /** The fields of one step on screen. */
    record StepRow(TextField name, Select<ApproverKind> kind, Select<Role> role, ComboBox<Department> department,
            MultiSelectComboBox<Long> members, Select<Quorum> quorum, Select<StepCondition> condition) {}

    private final WorkflowService workflows;
    private final OfficialAccountService accounts;
    private final DepartmentService departments;
    private final OrganisationService organisations;
    private final List<StepRow> rows = new ArrayList<>();
    private final VerticalLayout stepsBox = new VerticalLayout();
    private final Checkbox templatesSingleStep = new Checkbox("Replies from a pre-approved template need only the first step");
    private final Grid<Workflow> versions = new Grid<>();
    private OfficialAccount account;
    private int basedOn;

    public WorkflowView(WorkflowService workflows, OfficialAccountService accounts, DepartmentService departments,
            OrganisationService organisations) {
        this.workflows = workflows;
        this.accounts = accounts;
        this.departments = departments;
        this.organisations = organisations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            account = accounts.get(Long.parseLong(event.getRouteParameters().get("accountId").orElse("")));
            draw(workflows.current(account.id()));
        } catch (NumberFormatException | DomainException e) {
            Feedback.error(e instanceof DomainException d ? d.getMessage() : "There is no such account.");
            event.forwardTo(OfficialAccountsView.class);
        }
    }

    private void draw(Workflow workflow) {
        removeAll();
        rows.clear();
        stepsBox.removeAll();
        stepsBox.setPadding(false);
        stepsBox.setId("workflow-steps");
        basedOn = workflow.version();
        add(new H2("Approval workflow for " + account.handle()));
        var version = new Paragraph("Version " + workflow.version() + ", saved by " + workflow.createdByName() + ". Posts already "
                + "in review keep the version they were submitted under.");
        version.setId("workflow-version");
        add(version, stepsBox);
        workflow.definition().steps().forEach(this::addRow);
        var addStep = new Button("Add a step", e -> addRow(WorkflowStep.anyApprover("Step " + (rows.size() + 1))));
        addStep.setId("add-step");
        templatesSingleStep.setId("templates-single-step");
        templatesSingleStep.setValue(workflow.definition().templateRepliesSingleStep());
        var save = new Button("Save as a new version", e -> save());
        save.setId("save-workflow");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(addStep, templatesSingleStep, save);

        add(new H3("Versions"));
        versions.removeAllColumns();
        versions.setId("workflow-versions");
        versions.addColumn(Workflow::version).setHeader("Version").setKey("version").setAutoWidth(true);
        versions.addColumn(Workflow::createdByName).setHeader("Saved by").setKey("by");
        versions.addColumn(w -> TIME.format(w.createdAt().atZone(organisations.current().timeZone()))).setHeader("When").setKey("when");
        versions.addColumn(w -> w.definition().steps().size() + " step(s)").setHeader("Steps").setKey("steps");
        versions.setItems(workflows.versions(account.id()));
        versions.setAllRowsVisible(true);
        add(versions);
    }

    private void addRow(WorkflowStep step) {
        int index = rows.size();
        var name = new TextField("Step " + (index + 1));
        name.setId("step-" + index + "-name");
        name.setValue(step.name());
        var kind = new Select<ApproverKind>();
        kind.setId("step-" + index + "-kind");
        kind.setLabel("Approved by");
        kind.setItems(ApproverKind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case ROLE -> "A role";
            case DEPARTMENT -> "A department's approvers";
            case MEMBERS -> "Named members";
        });
        var role = new Select<Role>();
        role.setId("step-" + index + "-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        var department = new ComboBox<Department>("Department");
        department.setId("step-" + index + "-department");
        department.setItems(departments.list());
        department.setItemLabelGenerator(Department::name);
        var members = new MultiSelectComboBox<Long>("Members");
        members.setId("step-" + index + "-members");
        var approvers = workflows.eligibleApprovers(account.id(), WorkflowStep.anyApprover("any"));
        Map<Long, String> names = workflows.approverNames(account.id());
        members.setItems(new ArrayList<>(approvers));
        members.setItemLabelGenerator(id -> names.getOrDefault(id, "Member #" + id));
        var quorum = new Select<Quorum>();
        quorum.setId("step-" + index + "-quorum");
        quorum.setLabel("Needs");
        quorum.setItems(Quorum.values());
        quorum.setItemLabelGenerator(q -> q == Quorum.ANY ? "Any one of them" : "All of them");
        var condition = new Select<StepCondition>();
        condition.setId("step-" + index + "-condition");
        condition.setLabel("Applies");
        condition.setItems(StepCondition.values());
        condition.setItemLabelGenerator(StepCondition::label);
        kind.addValueChangeListener(e -> {
            role.setVisible(e.getValue() == ApproverKind.ROLE);
            department.setVisible(e.getValue() == ApproverKind.DEPARTMENT);
            members.setVisible(e.getValue() == ApproverKind.MEMBERS);
        });
        kind.setValue(step.kind());
        role.setValue(step.role());
        department.setValue(departments.list().stream().filter(d -> Objects.equals(d.id(), step.departmentId())).findFirst().orElse(null));
        members.setValue(step.memberIds().stream().filter(approvers::contains).toList());
        quorum.setValue(step.quorum());
        condition.setValue(step.condition());
        var row = new StepRow(name, kind, role, department, members, quorum, condition);
        var remove = new Button("Remove", e -> {
            rows.remove(row);
            var kept = rows.stream().map(this::toStep).toList();
            rows.clear();
            stepsBox.removeAll();
            kept.forEach(this::addRow);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var line = new HorizontalLayout(name, kind, role, department, members, quorum, condition, remove);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        rows.add(row);
        stepsBox.add(line);
    }

    private WorkflowStep toStep(StepRow row) {
        ApproverKind kind = row.kind().getValue() == null ? ApproverKind.ROLE : row.kind().getValue();
        return new WorkflowStep(row.name().getValue(), kind, row.role().getValue(),
                row.department().getValue() == null ? null : row.department().getValue().id(),
                new ArrayList<>(row.members().getValue()), row.quorum().getValue() == null ? Quorum.ANY : row.quorum().getValue(),
                row.condition().getValue() == null ? StepCondition.ALWAYS : row.condition().getValue());
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            fields.put("steps[" + i + "].name", rows.get(i).name());
            fields.put("steps[" + i + "].role", rows.get(i).role());
            fields.put("steps[" + i + "].departmentId", rows.get(i).department());
            fields.put("steps[" + i + "].memberIds", rows.get(i).members());
            fields.put("steps[" + i + "].condition", rows.get(i).condition());
        }
        var definition = new WorkflowDefinition(rows.stream().map(this::toStep).toList(), templatesSingleStep.getValue());
        Feedback.attempt(() -> {
            var saved = workflows.save(account.id(), definition, basedOn);
            Feedback.success("Workflow version " + saved.version() + " saved.");
            draw(saved);
        }, fields);
    }
}
