package org.noticeboard.ui.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.noticeboard.audit.AuditEvent;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailViewTest extends KaribuTest {

    @Autowired DepartmentService departments;
    @Autowired DSLContext db;

    @Test
    void the_auditor_sees_changes_newest_first_and_filters_them() {
        signIn("olu.admin");
        var dept = departments.create("Podiatry");
        departments.rename(dept.id(), "Podiatry and Foot Health", dept.version());
        signIn("aud.auditor");
        UI.getCurrent().navigate(AuditTrailView.class);

        Grid<AuditEvent> grid = grid();
        assertThat(GridKt._size(grid)).isGreaterThan(20);
        // opening the trail is itself recorded, just before the list is read
        assertThat(GridKt._get(grid, 0).action()).isEqualTo("audit.viewed");
        assertThat(GridKt._get(grid, 0).summary()).isEqualTo("Audrey Okafor opened the audit trail");
        assertThat(GridKt._get(grid, 1).action()).isEqualTo("department.renamed");

        _get(TextField.class, spec -> spec.withId("audit-text")).setValue("Podiatry");
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "who")).isEqualTo("Olu Adeyemi");
        assertThat(GridKt._get(grid, 0).changes()).containsExactly("name: \"Podiatry\" \u2192 \"Podiatry and Foot Health\"");

        @SuppressWarnings("unchecked")
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("audit-action"));
        action.setValue("department.created");
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }

    @Test
    void the_integrity_check_reports_intact_then_the_first_altered_event() {
        signIn("aud.auditor");
        UI.getCurrent().navigate(AuditTrailView.class);
        _click(_get(Button.class, spec -> spec.withId("verify-integrity")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("integrity-result")).getText()).startsWith("Intact: all ");

        // someone with the database password, who may switch the insert-only trigger off for a moment
        behindThePortalsBack("update audit_event set actor_name = 'Someone else' where seq = 3 "
                + "and organisation_id = (select id from organisation where slug = 'northshire')");
        try {
            _click(_get(Button.class, spec -> spec.withId("verify-integrity")));
            assertThat(_get(Paragraph.class, spec -> spec.withId("integrity-result")).getText())
                    .startsWith("Broken at event #3: ");
        } finally {
            behindThePortalsBack("update audit_event set actor_name = 'Demo set-up' where seq = 3 "
                    + "and organisation_id = (select id from organisation where slug = 'northshire')");
        }
    }

    @Test
    void filters_by_account_say_how_many_match_refuse_reversed_dates_and_offer_the_export() {
        signIn("aud.auditor");
        UI.getCurrent().navigate(AuditTrailView.class);
        @SuppressWarnings("unchecked")
        ComboBox<org.noticeboard.account.OfficialAccount> account = _get(ComboBox.class, spec -> spec.withId("audit-account"));
        account.setValue(account.getListDataView().getItems().filter(a -> a.handle().value().equals("NShirePhysio"))
                .findFirst().orElseThrow());
        Grid<AuditEvent> grid = grid();
        assertThat(GridKt._size(grid)).isPositive();
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._get(grid, i).subjectType()).isIn("official_account", "post");
        }
        assertThat(_get(Paragraph.class, spec -> spec.withId("audit-matches")).getText()).contains(" match")
                .doesNotStartWith("More than");

        var from = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("From"));
        var to = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withLabel("To (inclusive)"));
        from.setValue(java.time.LocalDate.of(2026, 3, 1));
        to.setValue(java.time.LocalDate.of(2026, 2, 1));
        assertThat(to.isInvalid()).isTrue();
        assertThat(GridKt._size(grid)).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withId("audit-matches")).getText()).contains("wrong way round");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-audit-csv")).getHref()).isNotBlank();
    }

    /** Someone with the database password: the table's owner may switch the insert-only trigger off for a moment. */
    private void behindThePortalsBack(String sql) {
        db.transaction(c -> {
            c.dsl().execute("alter table audit_event disable trigger user");
            c.dsl().execute(sql);
            c.dsl().execute("alter table audit_event enable trigger user");
        });
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEvent> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-events"));
    }
}
