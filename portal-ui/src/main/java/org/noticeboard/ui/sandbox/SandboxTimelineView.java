package org.noticeboard.ui.sandbox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.ui.shell.Feedback;
import org.noticeboard.ui.shell.HomeView;
import org.noticeboard.x.sandbox.SandboxPost;
import org.noticeboard.x.sandbox.SandboxUser;
import org.noticeboard.x.sandbox.XSandbox;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the world would see on X, when X is the sandbox (demo and training): every post, newest
 * first, with its images and numbers, and a form to play someone else mentioning or answering an
 * official account, so staff can practise without anything reaching the real X. Text from X is
 * always shown as text, never as markup.
 */
@Route("sandbox-timeline")
@PageTitle("Sandbox timeline | Noticeboard")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class SandboxTimelineView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE = 50;
    private static final Pattern HANDLE = Pattern.compile("@?[A-Za-z0-9_]{1,15}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final @Nullable XSandbox sandbox;
    private final ZoneId zone;
    private final VerticalLayout posts = new VerticalLayout();
    private final Button older = new Button("Older posts");
    private final ComboBox<SandboxUser> author = new ComboBox<>("Show posts by");
    private @Nullable String highlighted;
    private @Nullable String oldestShown;

    public SandboxTimelineView(ObjectProvider<XSandbox> sandbox, OrganisationService organisations) {
        this.sandbox = sandbox.getIfAvailable();
        this.zone = organisations.current().timeZone();
        setMaxWidth("60rem");
        add(new H2("Sandbox timeline"));
        add(new Paragraph("This installation talks to the X sandbox, not to the real X: this page shows what the world "
                + "would see. Connect an official account, get a post approved, and watch it appear here. Nothing here "
                + "reaches X."));
        if (this.sandbox == null) {
            return;
        }
        add(simulateForm());
        author.setId("timeline-author");
        author.setItems(this.sandbox.users());
        author.setItemLabelGenerator(u -> "@" + u.username() + " (" + u.name() + ")");
        author.setClearButtonVisible(true);
        author.setPlaceholder("Everyone");
        author.addValueChangeListener(e -> reload());
        posts.setId("timeline");
        posts.setPadding(false);
        older.setId("timeline-older");
        older.addClickListener(e -> showMore());
        add(author, posts, older);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (sandbox == null) {
            Feedback.error("This installation publishes to the real X, so there is no sandbox timeline.");
            event.forwardTo(HomeView.class);
            return;
        }
        highlighted = event.getLocation().getQueryParameters().getSingleParameter("post").orElse(null);
        reload();
    }

    private Div simulateForm() {
        var form = new Div();
        form.add(new H3("Play someone else"));
        form.add(new Paragraph("Post as any X user (an MP, a patient, a journalist...) to mention or answer an official "
                + "account, so there is something in its inbox to practise on."));
        var handle = new TextField("As X user");
        handle.setId("simulate-handle");
        handle.setPlaceholder("JaneDoeMP");
        handle.setPrefixComponent(new Span("@"));
        var text = new TextArea("What they post");
        text.setId("simulate-text");
        text.setWidthFull();
        text.setMaxLength(280);
        text.setPlaceholder("@NorthshireNHS thank you to the staff on ward 7!");
        var replyTo = new TextField("In reply to post (id, optional)");
        replyTo.setId("simulate-reply-to");
        var post = new Button("Post as them", e -> {
            String who = handle.getValue().strip();
            if (!HANDLE.matcher(who).matches()) {
                handle.setInvalid(true);
                handle.setErrorMessage("An X handle is 1 to 15 letters, digits or underscores.");
                return;
            }
            handle.setInvalid(false);
            if (text.getValue().isBlank()) {
                text.setInvalid(true);
                text.setErrorMessage("Write what they post.");
                return;
            }
            text.setInvalid(false);
            String reply = replyTo.getValue().strip();
            try {
                var created = sandbox.simulatePost(who.startsWith("@") ? who.substring(1) : who, text.getValue(),
                        reply.isEmpty() ? null : reply, null);
                Feedback.success("Posted as @" + created.authorUsername() + ".");
                text.clear();
                replyTo.clear();
                replyTo.setInvalid(false);
                highlighted = created.id();
                reload();
            } catch (IllegalArgumentException ex) {
                replyTo.setInvalid(true);
                replyTo.setErrorMessage(ex.getMessage());
            }
        });
        post.setId("simulate-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(new HorizontalLayout(handle, replyTo), text, post);
        return form;
    }

    private void reload() {
        posts.removeAll();
        oldestShown = null;
        showMore();
    }

    private void showMore() {
        if (sandbox == null) {
            return;
        }
        List<SandboxPost> page = author.getValue() == null ? sandbox.timeline(PAGE, oldestShown)
                : sandbox.postsBy(author.getValue().username(), 1000).stream()
                        .filter(p -> oldestShown == null || Long.parseLong(p.id()) < Long.parseLong(oldestShown))
                        .limit(PAGE).toList();
        page.forEach(p -> posts.add(card(p)));
        if (!page.isEmpty()) {
            oldestShown = page.getLast().id();
        }
        if (posts.getComponentCount() == 0) {
            posts.add(new Paragraph("Nothing has been posted yet."));
        }
        older.setVisible(page.size() == PAGE);
    }

    private Div card(SandboxPost post) {
        var card = new Div();
        card.setId("post-" + post.id());
        card.addClassName("sandbox-post");
        card.getStyle().set("border", "1px solid #cfd9de").set("border-radius", "12px")
                .set("padding", "var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
        if (post.id().equals(highlighted)) {
            card.getStyle().set("border", "2px solid #1d6fb8").set("background", "#f3f8fd");
            card.getElement().setAttribute("aria-current", "true");
        }
        var who = new Span(post.authorName() + " @" + post.authorUsername() + " · "
                + TIME.format(post.createdAt().atZone(zone)));
        who.getStyle().set("font-weight", "600");
        card.add(who);
        if (post.inReplyToId() != null) {
            card.add(new Paragraph("Replying to post " + post.inReplyToId()));
        }
        if (post.deleted()) {
            card.add(new Paragraph("This post was deleted."));
            return card;
        }
        // plain text: whatever anyone posts on X is never markup here
        var text = new Paragraph(post.text());
        text.addClassName("sandbox-post-text");
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        card.add(text);
        if (post.quotedId() != null) {
            card.add(new Paragraph("Quoting post " + post.quotedId()));
        }
        for (String mediaId : post.mediaIds()) {
            sandbox.media(mediaId).ifPresent(media -> {
                var image = new Image(media.bytes(), media.altText() != null ? media.altText() : "Image without alt text, attached by @" + post.authorUsername());
                image.setMaxWidth("100%");
                image.setMaxHeight("20rem");
                card.add(image);
            });
        }
        var m = post.metrics();
        var numbers = new Span(m.likes() + " likes · " + m.reposts() + " reposts · " + m.replies() + " replies · "
                + m.quotes() + " quotes · " + m.impressions() + " views · post " + post.id());
        numbers.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(numbers);
        return card;
    }
}
