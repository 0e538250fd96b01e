package org.noticeboard.ui.policy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.PolicyVersion;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class PolicyViewTest extends KaribuTest {

    @Autowired PolicyService policy;

    @Test
    void an_admin_saves_a_change_as_a_new_version_and_sees_the_difference() {
        signIn("olu.admin");
        UI.getCurrent().navigate(PolicyView.class);
        int before = policy.current().version();
        _get(TextArea.class, spec -> spec.withId("param-banned")).setValue("scandal\ncover-up");
        _get(TextField.class, spec -> spec.withId("policy-note")).setValue("Words the board asked us not to use");
        _click(_get(Button.class, spec -> spec.withId("save-policy")));

        NotificationsKt.expectNotifications("Policy version " + (before + 1) + " saved and in force.");
        @SuppressWarnings("unchecked")
        Grid<PolicyVersion> versions = _get(Grid.class, spec -> spec.withId("policy-versions"));
        assertThat(GridKt._get(versions, 0).version()).isEqualTo(before + 1);
        assertThat(GridKt._getFormatted(versions, 0, "note")).isEqualTo("Words the board asked us not to use");
        assertThat(_get(Div.class, spec -> spec.withId("policy-differences")).getElement().getTextRecursively())
                .contains("Banned terms: (none) \u2192 scandal, cover-up");
    }

    @Test
    void an_invalid_pattern_is_marked_on_its_field_and_no_version_is_saved() {
        signIn("olu.admin");
        UI.getCurrent().navigate(PolicyView.class);
        int before = policy.current().version();
        var hospital = _get(TextField.class, spec -> spec.withId("param-hospital"));
        hospital.setValue("RX[0-9{6");
        _click(_get(Button.class, spec -> spec.withId("save-policy")));
        assertThat(hospital.isInvalid()).isTrue();
        assertThat(hospital.getErrorMessage()).startsWith("The hospital-number pattern is not a valid regular expression");
        assertThat(policy.current().version()).isEqualTo(before);
    }

    @Test
    void a_malformed_pre_election_line_is_named() {
        signIn("olu.admin");
        UI.getCurrent().navigate(PolicyView.class);
        var periods = _get(TextArea.class, spec -> spec.withId("param-periods"));
        periods.setValue("2027-04-01 to 2027-05-06\nnext spring");
        _click(_get(Button.class, spec -> spec.withId("save-policy")));
        assertThat(periods.isInvalid()).isTrue();
        assertThat(periods.getErrorMessage()).startsWith("Line 2 of the pre-election periods, \"next spring\"");
    }

    @Test
    void an_auditor_reads_the_policy_but_cannot_change_it() {
        signIn("aud.auditor");
        UI.getCurrent().navigate(PolicyView.class);
        _assertNone(Button.class, spec -> spec.withId("save-policy"));
        assertThat(_get(Checkbox.class, spec -> spec.withId("rule-nhs-number-on")).isReadOnly()).isTrue();
    }
}
