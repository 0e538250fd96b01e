package org.noticeboard.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.noticeboard.compliance.DossierService;
import org.noticeboard.compliance.PostDossier;
import org.noticeboard.compliance.WordDiff;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.CheckedFinding;
import org.noticeboard.post.Decision;
import org.noticeboard.shared.DomainException;

/**
 * One post's whole life, on one printable page: revisions with their differences and policy checks,
 * justifications, decisions, publication and every recorded event. Opening it is recorded.
 */
@Route("dossier")
@PageTitle("Post dossier | Noticeboard")
@RolesAllowed("AUDITOR")
public class PostDossierView extends VerticalLayout implements HasUrlParameter<Long> {

    private final DossierService dossiers;
    private final ZoneId zone;

    public PostDossierView(DossierService dossiers, OrganisationService organisations) {
        this.dossiers = dossiers;
        this.zone = organisations.current().timeZone();
    }

    @Override
    public void setParameter(BeforeEvent event, Long postId) {
        removeAll();
        try {
            show(dossiers.dossier(postId));
        } catch (DomainException e) {
            var problem = new Paragraph(e.getMessage());
            problem.setId("dossier-problem");
            add(new H2("Post dossier"), problem);
        }
    }

    private void show(PostDossier dossier) {
        var post = dossier.post();
        var print = new Button("Print", e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("print-dossier");
        add(new H2("Post #" + post.id() + " for " + post.accountHandle()), print);
        add(line("dossier-summary", "Written by " + post.authorName() + ". Now " + post.state().label().toLowerCase(java.util.Locale.ROOT)
                + (post.workflowVersion() == null ? "" : ", reviewed under workflow version " + post.workflowVersion()) + "."));
        var publication = post.publication();
        add(line("dossier-publication", publication.xPostId() == null ? "Not published on X."
                : "Published on X as post " + publication.xPostId() + (publication.xUsername() == null ? "" : " by @" + publication.xUsername())
                        + " at " + time(publication.publishedAt()) + "."));
        var deletion = dossier.deletion();
        if (deletion != null) {
            add(line("dossier-deletion", "Deleted: " + deletion.summary() + " (" + time(deletion.occurredAt()) + ", "
                    + deletion.actorName() + ")"));
        }

        add(new H3("Revisions (" + dossier.revisions().size() + ")"));
        var revisions = new Div();
        revisions.setId("dossier-revisions");
        for (var entry : dossier.revisions()) {
            var r = entry.revision();
            var box = new Div();
            box.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)").set("padding-left", "0.75em")
                    .set("margin-bottom", "1em");
            box.add(new Div("Revision " + r.number() + " by " + r.authorName() + ", " + time(r.createdAt())
                    + ", checked with policy version " + r.policyVersion() + (r.blocked() ? " (blocked)" : "")));
            box.add(diff(entry));
            var text = new Div(r.text());
            text.getStyle().set("white-space", "pre-wrap").set("font-family", "var(--lumo-font-family)");
            box.add(text);
            if (r.findings().isEmpty()) {
                box.add(new Div("Policy check: no findings."));
            }
            for (CheckedFinding f : r.findings()) {
                box.add(new Div("Policy " + f.finding().severity() + " (" + f.finding().ruleId() + "): " + f.finding().message()
                        + (f.justification() == null ? "" : " Justification: \u201c" + f.justification() + "\u201d")));
            }
            revisions.add(box);
        }
        add(revisions);

        add(new H3("Approvals and rejections (" + dossier.decisions().size() + ")"));
        var decisions = new Div();
        decisions.setId("dossier-decisions");
        if (dossier.decisions().isEmpty()) {
            decisions.add(new Div("None."));
        }
        for (Decision d : dossier.decisions()) {
            decisions.add(new Div((d.approved() ? "Approved" : "Rejected") + " at step " + d.step() + " by " + d.memberName()
                    + ", " + time(d.at()) + ", revision " + d.revision() + (d.reason() == null ? "" : ": " + d.reason())));
        }
        add(decisions);

        add(new H3("Publication attempts (" + dossier.attempts().size() + ")"));
        var attempts = new Div();
        attempts.setId("dossier-attempts");
        dossier.attempts().forEach(a -> attempts.add(new Div("Attempt " + a.attempt() + ", " + time(a.startedAt()) + ": " + a.outcome()
                + (a.xPostId() == null ? "" : ", X id " + a.xPostId()) + (a.detail() == null ? "" : " (" + a.detail() + ")"))));
        add(attempts);

        if (!dossier.comments().isEmpty()) {
            add(new H3("Comments (" + dossier.comments().size() + ")"));
            var comments = new Div();
            comments.setId("dossier-comments");
            dossier.comments().forEach(c -> comments.add(new Div(c.memberName() + ", " + time(c.at()) + ": " + c.text())));
            add(comments);
        }

        add(new H3("Recorded events (" + dossier.events().size() + ")"));
        var events = new Div();
        events.setId("dossier-events");
        dossier.events().forEach(e -> {
            var row = new Div(time(e.occurredAt()) + " \u2014 " + e.actorName() + " \u2014 " + e.summary());
            e.changes().forEach(change -> row.add(new Div("\u2003" + change)));
            events.add(row);
        });
        add(events);
    }

    private static Div diff(PostDossier.RevisionEntry entry) {
        var box = new Div();
        box.addClassName("dossier-diff");
        if (entry.difference() == null) {
            box.add(new Span("First revision."));
            return box;
        }
        box.add(new Span("Changes: "));
        for (var part : entry.difference()) {
            var span = new Span(part.text() + " ");
            if (part.kind() == WordDiff.Kind.REMOVED) {
                span.getStyle().set("text-decoration", "line-through").set("color", "var(--lumo-error-text-color)");
            } else if (part.kind() == WordDiff.Kind.ADDED) {
                span.getStyle().set("font-weight", "600").set("color", "var(--lumo-success-text-color)");
            }
            box.add(span);
        }
        box.add(new Div("In words: " + entry.differenceInWords()));
        return box;
    }

    private static Paragraph line(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    private String time(@Nullable Instant at) {
        return at == null ? "-" : AuditTrailView.TIME.format(at.atZone(zone));
    }
}
