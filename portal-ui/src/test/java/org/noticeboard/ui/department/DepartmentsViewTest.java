package org.noticeboard.ui.department;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.department.Department;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class DepartmentsViewTest extends KaribuTest {

    @Autowired AuditService audit;

    @BeforeEach
    void open() {
        signIn("olu.admin");
        UI.getCurrent().navigate(DepartmentsView.class);
    }

    @Test
    void lists_the_departments_with_their_members_and_accounts() {
        assertThat(names()).contains("Communications", "Physiotherapy", "Older People's Rehabilitation");
        Grid<Department> grid = grid();
        var physio = rows(grid).stream().filter(d -> d.name().equals("Physiotherapy")).findFirst().orElseThrow();
        assertThat(physio.members()).isPositive();
        assertThat(physio.accounts()).isPositive();
        int row = names().indexOf("Physiotherapy");
        assertThat(GridKt._getFormatted(grid, row, "members")).isEqualTo(String.valueOf(physio.members()));
        assertThat(GridKt._getFormatted(grid, row, "accounts")).isEqualTo(String.valueOf(physio.accounts()));
    }

    @Test
    void adding_a_department_shows_it_and_records_it_in_the_audit_trail() {
        _get(TextField.class, spec -> spec.withId("department-name")).setValue("Speech and Language Therapy");
        _click(_get(Button.class, spec -> spec.withId("add-department")));

        assertThat(names()).contains("Speech and Language Therapy");
        NotificationsKt.expectNotifications("Department \"Speech and Language Therapy\" added.");
        assertThat(_get(TextField.class, spec -> spec.withId("department-name")).getValue()).isEmpty();
        assertThat(audit.search(AuditQuery.all().withText("Speech and Language Therapy\""), 0, 5))
                .extracting(e -> e.action()).containsExactly("department.created");
    }

    @Test
    void an_empty_name_marks_the_field_and_keeps_nothing() {
        int before = names().size();
        var field = _get(TextField.class, spec -> spec.withId("department-name"));
        field.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("add-department")));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("The department's name must not be empty.");
        assertThat(names()).hasSize(before);
    }

    @Test
    void a_duplicate_name_is_refused_with_a_message_and_the_input_is_kept() {
        var field = _get(TextField.class, spec -> spec.withId("department-name"));
        field.setValue("physiotherapy");
        _click(_get(Button.class, spec -> spec.withId("add-department")));
        NotificationsKt.expectNotifications("A department called \"Physiotherapy\" already exists.");
        assertThat(field.getValue()).isEqualTo("physiotherapy");
    }

    @Test
    void renaming_through_the_dialog() {
        _get(TextField.class, spec -> spec.withId("department-name")).setValue("Estates");
        _click(_get(Button.class, spec -> spec.withId("add-department")));
        NotificationsKt.clearNotifications();
        int row = names().indexOf("Estates");
        var actions = GridKt._getCellComponent(grid(), row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Rename")));
        _get(TextField.class, spec -> spec.withId("rename-department")).setValue("Estates and Facilities");
        _click(_get(Button.class, spec -> spec.withId("save-rename")));
        assertThat(names()).contains("Estates and Facilities").doesNotContain("Estates");
    }

    @SuppressWarnings("unchecked")
    private Grid<Department> grid() {
        return _get(Grid.class, spec -> spec.withId("departments"));
    }

    private List<String> names() {
        return rows(grid()).stream().map(Department::name).toList();
    }

    private static List<Department> rows(Grid<Department> grid) {
        var rows = new ArrayList<Department>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }
}
