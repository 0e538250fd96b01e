package org.noticeboard.ui.review;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.noticeboard.publish.Publisher;
import org.noticeboard.ui.post.PublicationPanel;
import org.noticeboard.x.XEndpoints;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.compliance.WordDiff;
import org.noticeboard.post.CheckedFinding;
import org.noticeboard.post.Decision;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.ui.post.TextMarkup;
import org.noticeboard.ui.shell.Feedback;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;

/**
 * One post under review: its text with the findings marked, images with their alt text, every
 * finding and justification, the revision history with differences, the decisions so far, and
 * approve or reject (with a reason) for the revision on screen.
 */
@Route("review/post/:postId")
@PageTitle("Review a post | Noticeboard")
@RolesAllowed("APPROVER")
public class ReviewPostView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final PostService posts;
    private final ReviewService review;
    private final WorkflowService workflows;
    private final MediaService media;
    private final Publisher publisher;
    private final XEndpoints endpoints;
    private final ZoneId zone;
    private @Nullable Post post;

    public ReviewPostView(PostService posts, ReviewService review, WorkflowService workflows, MediaService media,
            OrganisationService organisations, Publisher publisher, XEndpoints endpoints) {
        this.publisher = publisher;
        this.endpoints = endpoints;
        this.posts = posts;
        this.review = review;
        this.workflows = workflows;
        this.media = media;
        this.zone = organisations.current().timeZone();
        setMaxWidth("70rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("postId").orElse(""));
            draw(posts.get(id));
        } catch (NumberFormatException | DomainException e) {
            Feedback.error(e instanceof DomainException d ? d.getMessage() : "There is no such post.");
            event.forwardTo(ReviewQueueView.class);
        }
    }

    private void draw(Post shown) {
        this.post = shown;
        removeAll();
        var revision = shown.current();
        add(new H2("Post for " + shown.accountHandle()));
        String stepText = "";
        if (shown.state() == PostState.IN_REVIEW && shown.workflowVersion() != null && shown.reviewStep() != null) {
            var steps = workflows.version(shown.accountId(), shown.workflowVersion()).definition().steps();
            WorkflowStep step = steps.get(shown.reviewStep() - 1);
            stepText = ", step " + shown.reviewStep() + " of " + steps.size() + " (\"" + step.name() + "\", " + step.quorum() + ")";
        }
        var facts = new Paragraph("By " + shown.authorName() + ". " + shown.state().label() + stepText + ". Revision "
                + revision.number() + " by " + revision.authorName() + ", checked with policy version " + revision.policyVersion()
                + (shown.submittedAt() == null ? "." : "; submitted " + TIME.format(shown.submittedAt().atZone(zone)) + "."));
        facts.setId("review-facts");
        add(facts);
        add(new PublicationPanel(shown, publisher, endpoints, zone, () -> draw(posts.get(shown.id()))));

        var text = new Div(new Html(TextMarkup.highlightedChecked(revision.text(), revision.findings())));
        text.setId("review-text");
        text.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        add(text);
        var preview = new Div(new Html(TextMarkup.asOnX(revision.text())));
        preview.setId("review-preview");
        preview.getStyle().set("border", "1px solid #cfd9de").set("border-radius", "16px").set("padding", "12px")
                .set("max-width", "34rem").set("white-space", "pre-wrap").set("font-family", "system-ui, sans-serif");
        add(new H3("As it will appear on X (" + shown.accountHandle() + ")"), preview);
        if (revision.replyToUrl() != null) {
            add(new Paragraph("Reply to " + revision.replyToUrl()));
        }
        if (shown.repost()) {
            var repost = new Paragraph("A repost: " + shown.accountHandle() + " reposts " + revision.quoteUrl()
                    + " as it is, with no text of its own.");
            repost.setId("review-repost");
            add(repost);
        } else if (revision.quoteUrl() != null) {
            add(new Paragraph("Quotes " + revision.quoteUrl()));
        }
        if (revision.campaignName() != null) {
            add(new Paragraph("Campaign: " + revision.campaignName()));
        }
        for (var image : revision.images()) {
            var picture = new Image(media.content(image.mediaId()), image.altText() == null ? "" : image.altText());
            picture.setMaxHeight("10rem");
            add(new HorizontalLayout(picture, new Paragraph("Alt text: " + (image.altText() == null ? "(none)" : image.altText()))));
        }

        add(new H3("Policy findings"));
        var findings = new VerticalLayout();
        findings.setId("review-findings");
        findings.setPadding(false);
        if (revision.findings().isEmpty()) {
            findings.add(new Paragraph("None."));
        }
        for (CheckedFinding finding : revision.findings()) {
            var line = new Div(new Html("<span><b>" + finding.finding().severity() + "</b> " + TextMarkup.escape(finding.finding().message())
                    + (finding.justification() == null ? "" : "<br><i>Justification: " + TextMarkup.escape(finding.justification()) + "</i>")
                    + "</span>"));
            findings.add(line);
        }
        add(findings);

        add(new H3("Revisions"));
        if (shown.revisions().size() > 1) {
            var compare = new Select<Integer>();
            compare.setId("compare-revision");
            compare.setLabel("Differences from revision");
            compare.setItems(shown.revisions().subList(0, shown.revisions().size() - 1));
            var diff = new Div();
            diff.setId("revision-diff");
            compare.addValueChangeListener(e -> {
                diff.removeAll();
                if (e.getValue() != null) {
                    var older = posts.revision(shown.id(), e.getValue());
                    diff.add(new Html(differenceHtml(older.text(), revision.text())));
                }
            });
            compare.setValue(shown.revisions().get(shown.revisions().size() - 2));
            add(compare, diff);
        } else {
            add(new Paragraph("This is the first revision."));
        }

        add(new H3("Decisions"));
        var decisions = new VerticalLayout();
        decisions.setId("review-decisions");
        decisions.setPadding(false);
        var all = review.decisions(shown.id());
        if (all.isEmpty()) {
            decisions.add(new Paragraph("No decisions yet."));
        }
        for (Decision d : all) {
            decisions.add(new Paragraph(TIME.format(d.at().atZone(zone)) + ": " + d.memberName() + (d.approved() ? " approved" : " rejected")
                    + " revision " + d.revision() + " at step " + d.step() + (d.reason() == null ? "" : ": " + d.reason())));
        }
        add(decisions);

        add(new H3("Comments"));
        var thread = new VerticalLayout();
        thread.setId("review-comments");
        thread.setPadding(false);
        review.comments(shown.id()).forEach(c -> thread.add(new Paragraph(TIME.format(c.at().atZone(zone)) + " " + c.memberName()
                + ": " + c.text())));
        var comment = new TextArea("Add a comment");
        comment.setId("comment-text");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        var send = new Button("Comment", e -> {
            if (Feedback.attempt(() -> review.comment(shown.id(), comment.getValue()), Map.of("comment", comment))) {
                draw(posts.get(shown.id()));
            }
        });
        send.setId("add-comment");
        add(thread, comment, send);

        if (shown.state() == PostState.IN_REVIEW) {
            var whyNot = review.whyNotApprove(shown.id());
            var reason = new TextArea("Reason for rejecting (the author sees it)");
            reason.setId("reject-reason");
            reason.setWidthFull();
            reason.setMaxLength(2000);
            var reject = new Button("Reject", e -> {
                if (Feedback.attempt(() -> post = review.reject(shown.id(), revision.number(), reason.getValue(), shown.version()),
                        Map.of("reason", reason))) {
                    Feedback.success("Rejected; " + shown.authorName() + " can revise it.");
                    draw(post);
                }
            });
            reject.setId("reject-post");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            if (whyNot.isPresent()) {
                // only those who may approve this step now are offered Approve; the others read why not
                var note = new Paragraph(whyNot.get());
                note.setId("approve-unavailable");
                add(note, reason, new HorizontalLayout(reject));
            } else {
                var approve = new Button("Approve revision " + revision.number(), e -> {
                    if (Feedback.attempt(() -> post = review.approve(shown.id(), revision.number(), shown.version()))) {
                        Feedback.success(post.state() == PostState.SCHEDULED ? "Approved: every step is done, the post is scheduled."
                                : "Approved; the post waits for step " + post.reviewStep() + ".");
                        draw(post);
                    }
                });
                approve.setId("approve-post");
                // primary, not success: white on Lumo's success green is below the 4.5:1 contrast text needs
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(reason, new HorizontalLayout(approve, reject));
            }

            var edit = new TextArea("Edit the text (a new revision in your name; review starts again at step 1, and you can "
                    + "no longer approve this post)");
            edit.setId("edit-text");
            edit.setWidthFull();
            edit.setMaxLength(25_000);
            edit.setValue(revision.text());
            var resubmit = new Button("Save my edit and restart review", e -> {
                var draft = revision.asDraft(shown.accountId()).withText(edit.getValue());
                if (Feedback.attempt(() -> post = review.editAndResubmit(shown.id(), revision.number(), draft, shown.version()),
                        Map.of("text", edit))) {
                    Feedback.success("Edited (revision " + post.current().number() + "); review starts again at step 1 with "
                            + "another approver.");
                    draw(post);
                }
            });
            resubmit.setId("edit-resubmit-post");
            add(edit, resubmit);
        }
    }

    /**
     * The differences word by word, removed words struck through and added ones underlined. The
     * domain's diff is capped: a long draft rewritten throughout shows as removed and added whole
     * instead of needing a table of its words squared.
     */
    static String differenceHtml(String before, String after) {
        var html = new StringBuilder("<div>");
        for (WordDiff.Part part : WordDiff.between(before, after)) {
            String text = TextMarkup.escape(part.text());
            html.append(switch (part.kind()) {
                case SAME -> text;
                case REMOVED -> "<del style=\"background:#ffd7d5\">" + text + "</del>";
                case ADDED -> "<ins style=\"background:#ccffd8\">" + text + "</ins>";
            }).append(' ');
        }
        return html.append("</div>").toString();
    }
}
