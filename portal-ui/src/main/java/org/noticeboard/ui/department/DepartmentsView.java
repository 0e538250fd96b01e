package org.noticeboard.ui.department;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.ui.shell.Feedback;

/** Organisation admins add, rename and remove departments. */
@Route("departments")
@PageTitle("Departments | Noticeboard")
@Menu(title = "Departments", order = 10, icon = "vaadin:sitemap")
@RolesAllowed("ORG_ADMIN")
public class DepartmentsView extends VerticalLayout {

    private final DepartmentService departments;
    private final Grid<Department> grid = new Grid<>();
    private final TextField name = new TextField("New department");

    public DepartmentsView(DepartmentService departments) {
        this.departments = departments;
        add(new H2("Departments"));

        name.setId("department-name");
        name.setPlaceholder("e.g. Older People's Rehabilitation");
        name.setMaxLength(120);
        name.setWidth("24rem");
        var add = new Button("Add department", e -> create());
        add.setId("add-department");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        var form = new HorizontalLayout(name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(form);

        grid.setId("departments");
        grid.addColumn(Department::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(3);
        grid.addColumn(Department::members).setHeader("Members").setKey("members");
        grid.addColumn(Department::accounts).setHeader("Official accounts").setKey("accounts");
        grid.addComponentColumn(d -> {
            var rename = new Button("Rename", e -> rename(d));
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var delete = new Button("Delete", e -> delete(d));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(rename, delete);
        }).setHeader("").setKey("actions").setAutoWidth(true);
        add(grid);
        refresh();
    }

    private void create() {
        if (Feedback.attempt(() -> {
            var created = departments.create(name.getValue());
            Feedback.success("Department \"" + created.name() + "\" added.");
        }, Map.of("name", name))) {
            name.clear();
            refresh();
        }
    }

    private void rename(Department department) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Rename \"" + department.name() + "\"");
        var field = new TextField("Name", department.name(), "");
        field.setId("rename-department");
        field.setWidth("24rem");
        field.setMaxLength(120);
        var save = new Button("Save", e -> {
            if (Feedback.attempt(() -> departments.rename(department.id(), field.getValue(), department.version()),
                    Map.of("name", field))) {
                dialog.close();
                Feedback.success("Department renamed.");
                refresh();
            }
        });
        save.setId("save-rename");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(field);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void delete(Department department) {
        var confirm = new ConfirmDialog("Delete \"" + department.name() + "\"?",
                "The department goes; its history stays in the audit trail.", "Delete",
                e -> {
                    if (Feedback.attempt(() -> departments.delete(department.id(), department.version()))) {
                        Feedback.success("Department \"" + department.name() + "\" deleted.");
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        grid.setItems(departments.list());
    }
}
