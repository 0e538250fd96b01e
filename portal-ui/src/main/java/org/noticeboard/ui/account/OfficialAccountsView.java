package org.noticeboard.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.server.VaadinSession;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.x.oauth.ConnectFlash;
import org.noticeboard.x.oauth.XDisconnect;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.ui.shell.Feedback;

/**
 * Account admins register the organisation's official X accounts and connect them to X (OAuth 2.0:
 * the browser leaves for X's consent page and comes back here with the outcome).
 */
@Route("accounts")
@PageTitle("Official accounts | Noticeboard")
@Menu(title = "Official accounts", order = 30, icon = "vaadin:megaphone")
@RolesAllowed("ACCOUNT_ADMIN")
public class OfficialAccountsView extends VerticalLayout {

    private final OfficialAccountService accounts;
    private final DepartmentService departments;
    private final XDisconnect disconnector;
    private final Grid<OfficialAccount> grid = new Grid<>();

    public OfficialAccountsView(OfficialAccountService accounts, DepartmentService departments, XDisconnect disconnector) {
        this.accounts = accounts;
        this.disconnector = disconnector;
        this.departments = departments;
        add(new H2("Official accounts"));
        add(new Paragraph("Each official X account belongs to the organisation or to one department. "
                + "Register it here, then connect it to X: you sign in to X as the account and allow Noticeboard "
                + "to post for it. Approved posts are published only to connected accounts."));
        var register = new Button("Register account", e -> openEditor(null));
        register.setId("register-account");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(register);

        grid.setId("accounts");
        grid.addColumn(a -> a.handle().toString()).setHeader("Handle").setKey("handle").setSortable(true);
        grid.addColumn(OfficialAccount::displayName).setHeader("Name").setKey("name");
        grid.addColumn(a -> Optional.ofNullable(a.departmentName()).orElse("Whole organisation"))
                .setHeader("Owned by").setKey("department");
        grid.addColumn(OfficialAccountsView::connection).setHeader("Connection to X").setKey("connection")
                .setFlexGrow(2);
        grid.addComponentColumn(a -> {
            var edit = new Button("Edit", e -> openEditor(a));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var workflow = new Button("Workflow", e -> edit.getUI().ifPresent(ui -> ui.navigate(WorkflowView.class,
                    new com.vaadin.flow.router.RouteParameters("accountId", String.valueOf(a.id())))));
            workflow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var remove = new Button("Remove", e -> remove(a));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            var connect = new Button(a.connectionState() == ConnectionState.NOT_CONNECTED ? "Connect to X" : "Reconnect",
                    e -> connect(a));
            connect.setId("connect-" + a.handle().value());
            connect.addThemeVariants(ButtonVariant.LUMO_SMALL,
                    a.connectionState() == ConnectionState.CONNECTED ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
            var actions = new HorizontalLayout(connect, edit, workflow, remove);
            if (a.connectionState() != ConnectionState.NOT_CONNECTED) {
                var disconnect = new Button("Disconnect", e -> disconnect(a));
                disconnect.setId("disconnect-" + a.handle().value());
                disconnect.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                actions.addComponentAtIndex(1, disconnect);
            }
            return actions;
        }).setKey("actions").setAutoWidth(true);
        add(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        var session = VaadinSession.getCurrent().getSession();
        ConnectFlash flash = ConnectFlash.take(session::getAttribute, session::removeAttribute);
        if (flash != null) {
            if (flash.connected()) {
                Feedback.success(flash.message());
            } else {
                Feedback.error(flash.message());
            }
            refresh();
        }
    }

    static String connection(OfficialAccount account) {
        var x = account.connection();
        return switch (account.connectionState()) {
            case NOT_CONNECTED -> "Not connected";
            case CONNECTED -> x == null ? "Connected" : "Connected as @" + x.username() + " (" + x.name() + ")";
            case NEEDS_RECONNECT -> "Needs reconnecting" + (account.connectionProblem() == null ? ""
                    : ": " + account.connectionProblem());
        };
    }

    private void connect(OfficialAccount account) {
        // checked here for a clear message; the connect endpoint and the domain check again
        if (Feedback.attempt(() -> accounts.requireConnectable(account.id()))) {
            getUI().ifPresent(ui -> ui.getPage().setLocation("/x/connect/" + account.id()));
        }
    }

    private void disconnect(OfficialAccount account) {
        var confirm = new ConfirmDialog("Disconnect " + account.handle() + " from X?",
                "Noticeboard revokes the account's tokens at X, forgets them, and cannot publish to it until it is "
                        + "connected again. "
                        + "Scheduled posts stay scheduled and fail at their time if it is still disconnected.",
                "Disconnect", e -> {
                    if (Feedback.attempt(() -> disconnector.disconnect(account.id()))) {
                        Feedback.success(account.handle() + " disconnected from X.");
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void openEditor(@Nullable OfficialAccount existing) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "Register an official account" : "Edit " + existing.handle());
        var handle = new TextField("X handle");
        handle.setId("account-handle");
        handle.setPrefixComponent(new com.vaadin.flow.component.html.Span("@"));
        handle.setHelperText("1 to 15 letters, digits or underscores");
        var name = new TextField("Name shown in Noticeboard");
        name.setId("account-name");
        var department = new ComboBox<Department>("Owned by department");
        department.setId("account-department");
        department.setItems(departments.list());
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        department.setHelperText("Leave empty for an account of the whole organisation");
        if (existing != null) {
            handle.setValue(existing.handle().value());
            name.setValue(existing.displayName());
            department.setValue(departments.list().stream()
                    .filter(d -> Objects.equals(d.id(), existing.departmentId())).findFirst().orElse(null));
        }
        var save = new Button(existing == null ? "Register" : "Save", e -> {
            Long departmentId = department.getValue() == null ? null : department.getValue().id();
            if (Feedback.attempt(() -> {
                var saved = existing == null
                        ? accounts.register(handle.getValue(), name.getValue(), departmentId)
                        : accounts.update(existing.id(), handle.getValue(), name.getValue(), departmentId, existing.version());
                Feedback.success(saved.handle() + (existing == null ? " registered." : " saved."));
            }, Map.of("handle", handle, "displayName", name))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("save-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(handle, name, department));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void remove(OfficialAccount account) {
        var confirm = new ConfirmDialog("Remove " + account.handle() + "?",
                "Noticeboard forgets the account; nothing changes on X. Its history stays in the audit trail.",
                "Remove", e -> {
                    if (Feedback.attempt(() -> accounts.remove(account.id(), account.version()))) {
                        Feedback.success(account.handle() + " removed.");
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }
}
