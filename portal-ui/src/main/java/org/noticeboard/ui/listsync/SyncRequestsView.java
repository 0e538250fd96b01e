package org.noticeboard.ui.listsync;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.organisation.OrganisationService;

/** Account admins' desk: syncs of follow lists to X waiting for their approval. */
@Route("list-syncs")
@PageTitle("Sync requests | Noticeboard")
@Menu(title = "Sync requests", order = 31, icon = "vaadin:refresh")
@RolesAllowed("ACCOUNT_ADMIN")
public class SyncRequestsView extends VerticalLayout {

    private final ListSyncService syncs;
    private final ZoneId zone;
    private final VerticalLayout cards = new VerticalLayout();

    public SyncRequestsView(ListSyncService syncs, OrganisationService organisations) {
        this.syncs = syncs;
        this.zone = organisations.current().timeZone();
        setMaxWidth("60rem");
        add(new H2("Sync requests"));
        add(new Paragraph("Curators ask for a follow list to be synced to an official account's X List, or for the "
                + "account to follow everyone on it. What goes out is public under the organisation's name, so an "
                + "account admin other than the one who asked approves it."));
        cards.setId("sync-requests");
        cards.setPadding(false);
        add(cards);
        refresh();
    }

    private void refresh() {
        cards.removeAll();
        var waiting = syncs.awaitingApproval();
        waiting.forEach(s -> {
            cards.add(new SyncCard(s, syncs, zone, this::refresh));
            cards.add(new Anchor("lists/" + s.listId() + "/sync", "Follow this sync"));
        });
        if (waiting.isEmpty()) {
            cards.add(new Paragraph("Nothing is waiting for your approval."));
        }
    }
}
