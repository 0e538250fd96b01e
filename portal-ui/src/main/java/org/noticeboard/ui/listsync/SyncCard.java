package org.noticeboard.ui.listsync;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.noticeboard.listsync.ListSync;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.listsync.SyncState;
import org.noticeboard.ui.shell.Feedback;

/** One sync as people follow it: state, a progress bar, the estimated finish, and what they may do with it. */
class SyncCard extends Div {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final Set<SyncState> OPEN = Set.of(SyncState.AWAITING_APPROVAL, SyncState.QUEUED, SyncState.RUNNING);

    SyncCard(ListSync sync, ListSyncService syncs, ZoneId zone, Runnable changed) {
        setId("sync-" + sync.id());
        addClassName("list-sync");
        getStyle().set("border", "1px solid #cfd9de").set("border-radius", "12px").set("padding", "0.75em 1em")
                .set("margin-bottom", "0.75em");
        add(new H4(sync.kind().label() + " for @" + sync.accountHandle().replace("@", "") + " — " + sync.listName()));
        var state = new Span(sync.state().label());
        state.setId("sync-state-" + sync.id());
        state.getStyle().set("font-weight", "600");
        add(new Paragraph(state, new Span(" · asked by " + sync.requestedByName()
                + (sync.approvedByName() == null ? "" : ", approved by " + sync.approvedByName()))));
        var bar = new ProgressBar(0, 100, sync.percent());
        bar.setId("sync-progress-" + sync.id());
        // a progress bar needs a name for screen readers; the component says the value itself
        bar.getElement().setAttribute("aria-label", "Progress of the sync");
        bar.setWidthFull();
        add(bar);
        String counts = sync.total() == 0 ? "Not planned yet." : sync.done() + " of " + sync.total() + " changes ("
                + sync.percent() + "%): " + sync.added() + " added, " + sync.removed() + " removed, " + sync.followed()
                + " followed, " + sync.failed() + " refused by X, " + sync.skipped() + " skipped (no X account known).";
        var progress = new Paragraph(counts);
        progress.setId("sync-counts-" + sync.id());
        add(progress);
        if (sync.estimatedFinish() != null) {
            var eta = new Paragraph((sync.state() == SyncState.AWAITING_APPROVAL ? "If approved now, it would finish by "
                    : "Estimated finish: ") + TIME.format(sync.estimatedFinish().atZone(zone))
                    + " (X allows 300 list changes or 50 follows per 15 minutes).");
            eta.setId("sync-eta-" + sync.id());
            add(eta);
        }
        var summary = new Paragraph(sync.summary());
        summary.setId("sync-summary-" + sync.id());
        add(summary);
        if (sync.message() != null) {
            add(new Paragraph(sync.message()));
        }
        if (sync.failed() > 0) {
            var problems = new UnorderedList();
            syncs.problems(sync.id()).forEach(p -> problems.add(new ListItem("@" + p.handle() + " (" + p.name() + "): "
                    + p.detail())));
            add(problems);
        }
        var actions = new HorizontalLayout();
        // Approve only for those who may approve it (an account admin of the account who did not ask for it)
        boolean mayApprove = sync.state() == SyncState.AWAITING_APPROVAL
                && syncs.awaitingApproval().stream().anyMatch(s -> s.id() == sync.id());
        if (mayApprove) {
            var approve = new Button("Approve", e -> {
                if (Feedback.attempt(() -> syncs.approve(sync.id()))) {
                    Feedback.success("Approved: the sync starts within seconds and goes at X's pace.");
                    changed.run();
                }
            });
            approve.setId("approve-sync-" + sync.id());
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(approve);
        }
        if (OPEN.contains(sync.state())) {
            var cancel = new Button("Cancel", e -> {
                if (Feedback.attempt(() -> syncs.cancel(sync.id()))) {
                    Feedback.success("Cancelled; changes already made on X stay.");
                    changed.run();
                }
            });
            cancel.setId("cancel-sync-" + sync.id());
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        add(actions);
    }

    static boolean open(ListSync sync) {
        return OPEN.contains(sync.state());
    }
}
