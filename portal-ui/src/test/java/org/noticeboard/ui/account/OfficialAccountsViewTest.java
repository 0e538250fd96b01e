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
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.department.Department;
import org.noticeboard.ui.KaribuTest;

class OfficialAccountsViewTest extends KaribuTest {

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
