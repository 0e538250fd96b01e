package org.noticeboard.ui.policy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;
import org.noticeboard.ui.KaribuTest;

class GuidanceViewTest extends KaribuTest {

    @Test
    void a_finding_link_opens_its_section_highlighted() {
        signIn("sam.staff");
        UI.getCurrent().navigate(GuidanceView.class, new RouteParameters("section", "confidentiality"));
        var section = _get(Div.class, spec -> spec.withId("guidance-confidentiality"));
        assertThat(section.getClassNames()).contains("highlighted");
        assertThat(section.getElement().getTextRecursively()).contains("public noticeboard");
        _assertNone(Button.class, spec -> spec.withId("edit-confidentiality"));
    }

    @Test
    void an_admin_edits_a_section() {
        signIn("olu.admin");
        UI.getCurrent().navigate(GuidanceView.class);
        _click(_get(Button.class, spec -> spec.withId("edit-be-curious")));
        _get(TextArea.class, spec -> spec.withId("guidance-text")).setValue("Ask questions; answer people who ask us.");
        _click(_get(Button.class, spec -> spec.withId("save-guidance")));
        assertThat(_get(Div.class, spec -> spec.withId("guidance-be-curious")).getElement().getTextRecursively())
                .contains("Ask questions; answer people who ask us.");
    }
}
