package org.noticeboard.ui.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.demo.DemoData;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.department.DepartmentsView;

class LoginViewTest extends KaribuTest {

    @Test
    void someone_not_signed_in_is_sent_to_sign_in_which_lists_every_demo_member() {
        UI.getCurrent().navigate(DepartmentsView.class);
        _assertOne(LoginView.class);
        _assertOne(LoginForm.class);
        @SuppressWarnings("unchecked")
        Grid<DemoData.DemoUser> users = _get(Grid.class, spec -> spec.withId("demo-users"));
        assertThat(GridKt._size(users)).isEqualTo(DemoData.USERS.size());
        var roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < GridKt._size(users); i++) {
            roles.addAll(GridKt._get(users, i).roles());
        }
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(GridKt._getFormattedRow(users, 0)).contains("olu.admin", "Olu Adeyemi", "Organisation admin");
    }

    @Test
    void a_failed_sign_in_and_an_ended_session_are_explained() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
        UI.getCurrent().navigate("login", QueryParameters.of("expired", ""));
        assertThat(_get(Paragraph.class, spec -> spec.withId("login-notice")).getText())
                .isEqualTo("Your session had ended. Sign in again; everything you saved is kept.");
    }
}
