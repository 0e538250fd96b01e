package org.noticeboard.ui.policy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.noticeboard.access.Role;
import org.noticeboard.guidance.GuidanceEntry;
import org.noticeboard.guidance.GuidanceService;
import org.noticeboard.member.MemberService;
import org.noticeboard.ui.shell.Feedback;

/**
 * The organisation's social-media guidance in plain words. Every finding in the composer links
 * to its section (guidance/&lt;section&gt;), which is then highlighted and scrolled to.
 */
@Route("guidance/:section?")
@PageTitle("Guidance | Noticeboard")
@Menu(title = "Guidance", order = 50, icon = "vaadin:lightbulb")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class GuidanceView extends VerticalLayout implements BeforeEnterObserver {

    private final GuidanceService guidance;
    private final boolean admin;
    private final VerticalLayout sections = new VerticalLayout();

    public GuidanceView(GuidanceService guidance, MemberService members) {
        this.guidance = guidance;
        this.admin = members.me().grants().stream().anyMatch(g -> g.role() == Role.ORG_ADMIN && g.organisationWide());
        setMaxWidth("60rem");
        add(new H2("Guidance"), new Paragraph("Only post on social media something that you would post on a public noticeboard."));
        // the sections at a glance, each a link to itself: found without scrolling, and reached with the keyboard
        var contents = new UnorderedList();
        contents.setId("guidance-contents");
        contents.getElement().setAttribute("aria-label", "Sections of the guidance");
        for (GuidanceEntry entry : guidance.sections()) {
            var link = org.noticeboard.ui.shell.Links.listed(new Anchor("guidance/" + entry.section().anchor(), entry.title()));
            contents.add(new ListItem(link));
        }
        sections.setPadding(false);
        add(contents, sections);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String wanted = event.getRouteParameters().get("section").orElse(null);
        draw(wanted);
        if (wanted != null) {
            sections.getChildren().filter(c -> c.getId().map(id -> id.equals("guidance-" + wanted)).orElse(false))
                    .findFirst().ifPresent(c -> c.getElement().callJsFunction("scrollIntoView"));
        }
    }

    private void draw(String highlighted) {
        sections.removeAll();
        for (GuidanceEntry entry : guidance.sections()) {
            var box = new Div();
            box.setId("guidance-" + entry.section().anchor());
            box.setWidthFull();
            var body = new Paragraph(entry.body());
            body.getStyle().set("white-space", "pre-wrap");
            box.add(new H3(entry.title()), body);
            if (entry.section().anchor().equals(highlighted)) {
                box.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s)")
                        .set("border-radius", "var(--lumo-border-radius-m)");
                box.addClassName("highlighted");
            }
            if (admin) {
                var edit = new Button("Edit", e -> edit(box, entry));
                edit.setId("edit-" + entry.section().anchor());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                box.add(edit);
            }
            sections.add(box);
        }
    }

    private void edit(Div box, GuidanceEntry entry) {
        box.removeAll();
        var text = new TextArea(entry.title());
        text.setId("guidance-text");
        text.setWidthFull();
        text.setMaxLength(5000);
        text.setValue(entry.body());
        var save = new Button("Save", e -> {
            if (Feedback.attempt(() -> guidance.update(entry.section(), text.getValue(), entry.version()), Map.of("body", text))) {
                Feedback.success("Guidance \"" + entry.title() + "\" saved.");
                draw(entry.section().anchor());
            }
        });
        save.setId("save-guidance");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(text, save, new Button("Cancel", e -> draw(null)));
    }
}
