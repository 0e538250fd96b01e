package org.noticeboard.ui.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.server.VaadinSession;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.ui.shell.HomeView;
import org.noticeboard.x.oauth.ConnectFlash;
import org.springframework.beans.factory.annotation.Autowired;
import org.noticeboard.department.Department;
import org.noticeboard.ui.KaribuTest;

class OfficialAccountsViewTest extends KaribuTest {

    @Autowired OfficialAccountService accounts;

    @BeforeEach
    void open() {
        signIn("ash.accounts");
        UI.getCurrent().navigate(OfficialAccountsView.class);
    }

    @Test
    void lists_the_organisations_accounts_only() {
        assertThat(handles()).contains("@NorthshireNHS", "@NShirePhysio", "@NorthshireOPR").doesNotContain("@ValleyHealth");
        assertThat(GridKt._getFormatted(grid(), handles().indexOf("@NorthshireNHS"), "connection")).isEqualTo("Not connected");
    }

    @Test
    void registering_an_account_for_a_department() {
        _click(_get(Button.class, spec -> spec.withId("register-account")));
        _get(TextField.class, spec -> spec.withId("account-handle")).setValue("@NShireSLT");
        _get(TextField.class, spec -> spec.withId("account-name")).setValue("Northshire Speech Therapy");
        @SuppressWarnings("unchecked")
        ComboBox<Department> department = _get(ComboBox.class, spec -> spec.withId("account-department"));
        department.setValue(department.getListDataView().getItems()
                .filter(d -> d.name().equals("Physiotherapy")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("save-account")));

        NotificationsKt.expectNotifications("@NShireSLT registered.");
        int row = handles().indexOf("@NShireSLT");
        assertThat(GridKt._getFormatted(grid(), row, "department")).isEqualTo("Physiotherapy");
    }

    @Test
    void a_malformed_handle_marks_the_field_and_nothing_is_registered() {
        int before = handles().size();
        _click(_get(Button.class, spec -> spec.withId("register-account")));
        var handle = _get(TextField.class, spec -> spec.withId("account-handle"));
        handle.setValue("northshire physio");
        _click(_get(Button.class, spec -> spec.withId("save-account")));
        assertThat(handle.isInvalid()).isTrue();
        assertThat(handle.getErrorMessage()).contains("is not an X handle");
        assertThat(handles()).hasSize(before);
    }

    @Test
    void a_connected_account_shows_its_x_user_and_an_admin_disconnects_it() {
        var account = accounts.register("NShireConnect", "Northshire Connect", null);
        accounts.connect(account.id(), "1777000000000000001", "NShireConnect", "Northshire Connect (X)");
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(OfficialAccountsView.class);

        int row = handles().indexOf("@NShireConnect");
        assertThat(GridKt._getFormatted(grid(), row, "connection")).isEqualTo("Connected as @NShireConnect (Northshire Connect (X))");
        _click(action("@NShireConnect", "disconnect-NShireConnect"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        NotificationsKt.expectNotifications("@NShireConnect disconnected from X.");
        assertThat(GridKt._getFormatted(grid(), handles().indexOf("@NShireConnect"), "connection")).isEqualTo("Not connected");
        assertThat(action("@NShireConnect", "connect-NShireConnect").getText()).isEqualTo("Connect to X");
    }

    @Test
    void an_account_x_stopped_accepting_says_why_and_offers_to_reconnect() {
        var account = accounts.register("NShireExpired", "Northshire Expired", null);
        accounts.connect(account.id(), "1777000000000000002", "NShireExpired", "Northshire Expired");
        accounts.markNeedsReconnect(account.id(), "X refused to renew the connection (invalid_request)");
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(OfficialAccountsView.class);

        assertThat(GridKt._getFormatted(grid(), handles().indexOf("@NShireExpired"), "connection"))
                .isEqualTo("Needs reconnecting: X refused to renew the connection (invalid_request)");
        assertThat(action("@NShireExpired", "connect-NShireExpired").getText()).isEqualTo("Reconnect");
    }

    @Test
    void coming_back_from_x_shows_what_happened_once() {
        VaadinSession.getCurrent().getSession().setAttribute(ConnectFlash.ATTRIBUTE, new ConnectFlash(1, false,
                "You did not authorise Noticeboard on X's page, so nothing was connected."));
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(OfficialAccountsView.class);
        NotificationsKt.expectNotifications("You did not authorise Noticeboard on X's page, so nothing was connected.");

        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(OfficialAccountsView.class);
        NotificationsKt.expectNoNotifications();
    }

    /** A button in the account's row (grid cells are rendered on demand). */
    private Button action(String handle, String id) {
        var cell = GridKt._getCellComponent(grid(), handles().indexOf(handle), "actions");
        return _get(cell, Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private Grid<OfficialAccount> grid() {
        return _get(Grid.class, spec -> spec.withId("accounts"));
    }

    private List<String> handles() {
        var handles = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid()); i++) {
            handles.add(GridKt._get(grid(), i).handle().toString());
        }
        return handles;
    }
}
