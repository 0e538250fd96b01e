package org.noticeboard.ui.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.noticeboard.template.ReplyTemplate;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.post.ComposerView;

class ReplyTemplatesTest extends KaribuTest {

    @Test
    void an_approver_approves_a_template_and_staff_start_a_reply_from_it() {
        signIn("alex.approver");
        UI.getCurrent().navigate(ReplyTemplatesView.class);
        _get(TextField.class, spec -> spec.withId("template-name")).setValue("Thanks for the feedback");
        _get(TextArea.class, spec -> spec.withId("template-text")).setValue("Thank you for telling us. Read more: {link}");
        _click(_get(Button.class, spec -> spec.withId("save-template")));
        @SuppressWarnings("unchecked")
        Grid<ReplyTemplate> grid = _get(Grid.class, spec -> spec.withId("templates"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(2);

        signIn("sam.staff");
        UI.getCurrent().navigate(ComposerView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ReplyTemplate> template = _get(ComboBox.class, spec -> spec.withId("reply-template"));
        template.setValue(template.getListDataView().getItems().filter(t -> t.name().equals("Care Opinion invitation"))
                .findFirst().orElseThrow());
        assertThat(_get(TextArea.class, spec -> spec.withId("post-text")).getValue()).startsWith("We're sorry to hear")
                .endsWith("{link}");
    }
}
