package org.noticeboard.ui.member;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.department.Department;
import org.noticeboard.member.Member;
import org.noticeboard.ui.KaribuTest;

class MembersViewTest extends KaribuTest {

    @BeforeEach
    void open() {
        signIn("olu.admin");
        UI.getCurrent().navigate(MembersView.class);
    }

    @Test
    void lists_members_with_their_roles() {
        int row = rowOf("Sam Patel");
        assertThat(GridKt._getFormatted(grid(), row, "roles")).isEqualTo("Staff (Physiotherapy)");
        assertThat(GridKt._getFormatted(grid(), row, "status")).isEqualTo("Active");
    }

    @Test
    void an_admin_adds_a_member_then_grants_a_role_for_a_department() {
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        _get(TextField.class, spec -> spec.withId("member-name")).setValue("Ife Bello");
        _get(EmailField.class, spec -> spec.withId("member-email")).setValue("ife.bello@northshire.example");
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        int row = rowOf("Ife Bello");
        assertThat(GridKt._getFormatted(grid(), row, "roles")).isEmpty();

        _click(_get(GridKt._getCellComponent(grid(), row, "actions"), Button.class, spec -> spec.withText("Manage")));
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withId("grant-role"));
        role.setValue(Role.APPROVER);
        @SuppressWarnings("unchecked")
        Select<Department> scope = _get(Select.class, spec -> spec.withId("grant-scope"));
        scope.setValue(scope.getListDataView().getItems().filter(d -> d.name().equals("Physiotherapy")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("grant-role-button")));

        NotificationsKt.expectNotifications("Ife Bello added. Grant them a role with Manage.", "Approver granted to Ife Bello.");
        assertThat(GridKt._getFormatted(grid(), rowOf("Ife Bello"), "roles")).isEqualTo("Approver (Physiotherapy)");
    }

    @Test
    void no_department_is_offered_for_the_organisation_wide_roles() {
        _click(_get(GridKt._getCellComponent(grid(), rowOf("Cara Byrne"), "actions"), Button.class,
                spec -> spec.withText("Manage")));
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withId("grant-role"));
        @SuppressWarnings("unchecked")
        Select<Department> scope = _get(Select.class, spec -> spec.withId("grant-scope"));
        scope.setValue(scope.getListDataView().getItems().filter(d -> d.name().equals("Physiotherapy")).findFirst().orElseThrow());
        for (Role wide : java.util.List.of(Role.ORG_ADMIN, Role.AUDITOR)) {
            role.setValue(wide);
            assertThat(scope.isEnabled()).as(wide.label()).isFalse();
            assertThat(scope.getValue().name()).isNotEqualTo("Physiotherapy");
            assertThat(scope.getHelperText()).isEqualTo(wide.label() + " applies to the whole organisation.");
        }
        role.setValue(Role.CURATOR);
        assertThat(scope.isEnabled()).isTrue();
    }

    @Test
    void a_bad_email_address_marks_the_field() {
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        _get(TextField.class, spec -> spec.withId("member-name")).setValue("Bad Address");
        var email = _get(EmailField.class, spec -> spec.withId("member-email"));
        email.setValue("bad-address");
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("is not an e-mail address");
    }

    @Test
    void granting_without_choosing_a_role_says_so() {
        _click(_get(GridKt._getCellComponent(grid(), rowOf("Cara Byrne"), "actions"), Button.class,
                spec -> spec.withText("Manage")));
        _click(_get(Button.class, spec -> spec.withId("grant-role-button")));
        NotificationsKt.expectNotifications("Choose the role to grant.");
    }

    @SuppressWarnings("unchecked")
    private Grid<Member> grid() {
        return _get(Grid.class, spec -> spec.withId("members"));
    }

    private int rowOf(String name) {
        var grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).displayName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not listed");
    }
}
