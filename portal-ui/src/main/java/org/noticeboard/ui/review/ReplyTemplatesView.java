package org.noticeboard.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.noticeboard.template.ReplyTemplate;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.ui.shell.Feedback;

/** Approvers approve reply templates in advance; a reply that follows one may need only the first step. */
@Route("templates")
@PageTitle("Reply templates | Noticeboard")
@Menu(title = "Reply templates", order = 47, icon = "vaadin:comment-o")
@RolesAllowed({"APPROVER", "ORG_ADMIN"})
public class ReplyTemplatesView extends VerticalLayout {

    private final ReplyTemplateService templates;
    private final Grid<ReplyTemplate> grid = new Grid<>();

    public ReplyTemplatesView(ReplyTemplateService templates) {
        this.templates = templates;
        add(new H2("Reply templates"), new Paragraph("Write {link} where the author puts an https address. A reply that follows "
                + "a template word for word needs only the first approval step on accounts whose workflow allows it."));
        var name = new TextField("Name");
        name.setId("template-name");
        var text = new TextArea("Text");
        text.setId("template-text");
        text.setWidth("40rem");
        text.setMaxLength(1000);
        var save = new Button("Approve template", e -> {
            if (Feedback.attempt(() -> templates.create(name.getValue(), text.getValue()), Map.of("name", name, "text", text))) {
                Feedback.success("Template \"" + name.getValue().strip() + "\" approved.");
                name.clear();
                text.clear();
                refresh();
            }
        });
        save.setId("save-template");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("templates");
        grid.addColumn(ReplyTemplate::name).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addColumn(ReplyTemplate::text).setHeader("Text").setKey("text").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        add(name, text, save, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(templates.list());
    }
}
