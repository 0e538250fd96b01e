package org.noticeboard.ui.post;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.post.Publication;
import org.noticeboard.publish.Publisher;
import org.noticeboard.ui.shell.Feedback;
import org.noticeboard.x.XEndpoints;

/**
 * Where a post stands with X: its link once published; otherwise what went wrong in words, what to
 * do next, and "Publish again" for a failed post. Every attempt is listed.
 */
public class PublicationPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");
    private static final Set<PostState> SHOWN = Set.of(PostState.SCHEDULED, PostState.PUBLISHING, PostState.PUBLISHED,
            PostState.FAILED);

    public PublicationPanel(Post post, Publisher publisher, XEndpoints endpoints, ZoneId zone, Runnable changed) {
        setPadding(false);
        setId("publication");
        setVisible(SHOWN.contains(post.state()));
        if (!isVisible()) {
            return;
        }
        Publication publication = post.publication();
        add(new H3("On X"));
        if (publication.published()) {
            String username = publication.xUsername() != null ? publication.xUsername() : post.accountHandle().substring(1);
            var link = new Anchor(endpoints.postLink(username, publication.xPostId()),
                    endpoints.sandbox() ? "See it on the sandbox timeline" : "Open it on X");
            link.setTarget(AnchorTarget.BLANK);
            link.setId("x-link");
            var text = new Paragraph("Published as @" + username + (publication.publishedAt() == null ? ""
                    : " on " + TIME.format(publication.publishedAt().atZone(zone))) + "; X post id " + publication.xPostId() + ". ");
            text.setId("x-post-id");
            text.add(link);
            add(text);
        } else if (publication.problem() != null) {
            var problem = new Paragraph(publication.problem());
            problem.setId("publication-problem");
            problem.getStyle().set("color", post.state() == PostState.FAILED ? "var(--lumo-error-text-color)"
                    : "var(--lumo-body-text-color)");
            add(problem);
        } else if (post.state() == PostState.PUBLISHING) {
            add(new Paragraph("Being published now."));
        } else {
            add(new Paragraph(post.scheduledAt() == null ? "Approved to go out now: it is published within seconds."
                    : "Will be published at " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").format(post.scheduledAt()
                            .withZoneSameInstant(zone)) + "."));
        }
        if (post.state() == PostState.FAILED) {
            var again = new Button("Publish again", e -> {
                var after = new PostState[1];
                if (Feedback.attempt(() -> after[0] = publisher.publishAgain(post.id()))) {
                    Feedback.success(after[0] == PostState.IN_REVIEW
                            ? "Sent back to review: its approvals are out of date (it failed more than a day ago, or the "
                                    + "policy has changed since). It goes out as soon as it is approved again."
                            : "Back in the queue: it goes out within seconds. If an earlier attempt reached X, "
                                    + "Noticeboard finds it there and does not post it twice.");
                    changed.run();
                }
            });
            again.setId("publish-again");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(again);
        }
        var attempts = publisher.attempts(post.id());
        if (!attempts.isEmpty()) {
            var list = new UnorderedList();
            list.setId("publication-attempts");
            attempts.forEach(a -> list.add(new ListItem(TIME.format(a.startedAt().atZone(zone)) + ": attempt " + a.attempt()
                    + ", " + a.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (a.detail() == null ? "" : " (" + a.detail() + ")"))));
            add(list);
        }
    }
}
