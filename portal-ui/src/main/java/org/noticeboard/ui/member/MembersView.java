package org.noticeboard.ui.member;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Grant;
import org.noticeboard.access.Role;
import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.Member;
import org.noticeboard.member.MemberService;
import org.noticeboard.ui.shell.Feedback;

/** Organisation admins add members, edit them, grant and revoke roles, deactivate and reactivate. */
@Route("members")
@PageTitle("Members and roles | Noticeboard")
@Menu(title = "Members and roles", order = 20, icon = "vaadin:users")
@RolesAllowed("ORG_ADMIN")
public class MembersView extends VerticalLayout {

    /** Stands for "the whole organisation" in the scope choice. */
    static final Department WHOLE_ORGANISATION = new Department(0, "The whole organisation", 0, 0, 0);

    private final MemberService members;
    private final DepartmentService departments;
    private final boolean demoMode;
    private final Grid<Member> grid = new Grid<>();

    public MembersView(MemberService members, DepartmentService departments, NoticeboardProperties properties) {
        this.members = members;
        this.departments = departments;
        this.demoMode = properties.demoMode();
        add(new H2("Members and roles"));
        add(new Paragraph("Members who sign in for the first time appear here with no roles. "
                + "Role changes take effect in the services at once and in the member's menu at their next sign-in."));
        var add = new Button("Add member", e -> openAdd());
        add.setId("add-member");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(add);

        grid.setId("members");
        grid.addColumn(Member::displayName).setHeader("Name").setKey("name").setSortable(true);
        grid.addColumn(m -> Optional.ofNullable(m.email()).orElse("")).setHeader("E-mail").setKey("email");
        grid.addColumn(m -> Optional.ofNullable(m.departmentName()).orElse("")).setHeader("Department").setKey("department");
        grid.addColumn(m -> describe(m.grants())).setHeader("Roles").setKey("roles").setFlexGrow(2);
        grid.addColumn(m -> m.active() ? "Active" : "Deactivated").setHeader("Status").setKey("status");
        grid.addComponentColumn(m -> {
            var manage = new Button("Manage", e -> openManage(m.id()));
            manage.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return manage;
        }).setKey("actions").setAutoWidth(true);
        org.noticeboard.ui.shell.OpenRows.open(grid, "Members: Enter or a click manages one", item -> openManage(item.id()));
        add(grid);
        refresh();
    }

    static String describe(List<Grant> grants) {
        return grants.stream()
                .map(g -> g.role().label() + (g.organisationWide() ? "" : " (" + g.departmentName() + ")"))
                .collect(Collectors.joining(", "));
    }

    private void openAdd() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Add a member");
        var name = new TextField("Name");
        name.setId("member-name");
        var email = new EmailField("E-mail");
        email.setId("member-email");
        email.setHelperText("When they first sign in with this verified address, they join this entry.");
        var department = departmentChoice("Department");
        var username = new TextField("Demo sign-in name");
        username.setId("member-username");
        username.setHelperText("Demo mode only: signs in with the demo password.");
        var form = new FormLayout(name, email, department);
        if (demoMode) {
            form.add(username);
        }
        var save = new Button("Add", e -> {
            if (Feedback.attempt(() -> {
                var created = members.create(name.getValue(), email.getValue(), idOf(department.getValue()),
                        demoMode ? username.getValue() : null);
                Feedback.success(created.displayName() + " added. Grant them a role with Manage.");
            }, Map.of("displayName", name, "email", email, "username", username))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("save-member");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openManage(long memberId) {
        var dialog = new Dialog();
        dialog.setWidth("44rem");
        dialog.setId("manage-member");
        fillManage(dialog, members.get(memberId));
        dialog.open();
    }

    private void fillManage(Dialog dialog, Member member) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.setHeaderTitle(member.displayName() + (member.active() ? "" : " (deactivated)"));

        var name = new TextField("Name", member.displayName(), "");
        name.setId("edit-name");
        var email = new EmailField("E-mail");
        email.setValue(Optional.ofNullable(member.email()).orElse(""));
        var department = departmentChoice("Department");
        department.setValue(departments.list().stream()
                .filter(d -> member.departmentId() != null && d.id() == member.departmentId()).findFirst().orElse(null));
        var save = new Button("Save details", e -> {
            if (Feedback.attempt(() -> members.update(member.id(), name.getValue(), email.getValue(),
                    idOf(department.getValue()), member.version()), Map.of("displayName", name, "email", email))) {
                Feedback.success("Details saved.");
                reopen(dialog, member.id());
            }
        });
        var details = new FormLayout(name, email, department);
        dialog.add(details, save);

        dialog.add(new H3("Roles"));
        if (member.grants().isEmpty()) {
            dialog.add(new Paragraph("No roles yet."));
        }
        for (Grant grant : member.grants()) {
            var revoke = new Button("Revoke", e -> {
                if (Feedback.attempt(() -> members.revoke(grant.id()))) {
                    Feedback.success(grant.role().label() + " revoked.");
                    reopen(dialog, member.id());
                }
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            var line = new HorizontalLayout(new Span(describe(List.of(grant))
                    + (grant.organisationWide() ? " (whole organisation)" : "")), revoke);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            dialog.add(line);
        }
        var role = new Select<Role>();
        role.setId("grant-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        var scopes = new ArrayList<Department>();
        scopes.add(WHOLE_ORGANISATION);
        scopes.addAll(departments.list());
        var scope = new Select<Department>();
        scope.setId("grant-scope");
        scope.setLabel("For");
        scope.setItems(scopes);
        scope.setItemLabelGenerator(Department::name);
        scope.setValue(WHOLE_ORGANISATION);
        // organisation admin and auditor apply to the whole organisation: no department is offered for them
        role.addValueChangeListener(e -> {
            boolean wide = e.getValue() != null && e.getValue().organisationWideOnly();
            if (wide) {
                scope.setValue(WHOLE_ORGANISATION);
            }
            scope.setEnabled(!wide);
            scope.setHelperText(wide ? e.getValue().label() + " applies to the whole organisation." : null);
        });
        var grant = new Button("Grant role", e -> {
            if (Feedback.attempt(() -> members.grant(member.id(), role.getValue(), idOf(scope.getValue())),
                    Map.of("role", role))) {
                Feedback.success(role.getValue().label() + " granted to " + member.displayName() + ".");
                reopen(dialog, member.id());
            }
        });
        grant.setId("grant-role-button");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var grantLine = new HorizontalLayout(role, scope, grant);
        grantLine.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        dialog.add(grantLine);

        var toggle = new Button(member.active() ? "Deactivate" : "Reactivate", e -> {
            if (Feedback.attempt(() -> members.setActive(member.id(), !member.active(), member.version()))) {
                Feedback.success(member.displayName() + (member.active() ? " deactivated." : " reactivated."));
                reopen(dialog, member.id());
            }
        });
        toggle.setId("toggle-active");
        toggle.addThemeVariants(member.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        var close = new Button("Close", e -> dialog.close());
        close.setId("close-manage");
        dialog.getFooter().add(toggle, close);
    }

    private void reopen(Dialog dialog, long memberId) {
        refresh();
        fillManage(dialog, members.get(memberId));
    }

    private ComboBox<Department> departmentChoice(String label) {
        var choice = new ComboBox<Department>(label);
        choice.setItems(departments.list());
        choice.setItemLabelGenerator(Department::name);
        choice.setClearButtonVisible(true);
        return choice;
    }

    private static @Nullable Long idOf(@Nullable Department department) {
        return department == null || department == WHOLE_ORGANISATION ? null : department.id();
    }

    private void refresh() {
        grid.setItems(members.list());
    }
}
