package org.noticeboard.ui.listsync;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.listsync.ListSync;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.listsync.SyncKind;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.ui.shell.Feedback;
import org.noticeboard.ui.shell.HomeView;

/**
 * Sync a follow list to X: a curator asks for an official account's X List to match the list (or
 * for the account to follow everyone on it), an account admin approves, and everyone watches the
 * progress bar and the estimated finish while it goes at X's pace. The page refreshes itself while
 * a sync is open.
 */
@Route("lists/:listId/sync")
@PageTitle("Sync to X | Noticeboard")
@RolesAllowed({"CURATOR", "ACCOUNT_ADMIN"})
public class ListSyncView extends VerticalLayout implements BeforeEnterObserver {

    static final int POLL_MILLIS = 2000;

    private final ListSyncService syncs;
    private final FollowListService lists;
    private final OfficialAccountService accounts;
    private final ZoneId zone;
    private final VerticalLayout cards = new VerticalLayout();
    private long listId;
    private @Nullable Registration polling;

    public ListSyncView(ListSyncService syncs, FollowListService lists, OfficialAccountService accounts,
            OrganisationService organisations) {
        this.syncs = syncs;
        this.lists = lists;
        this.accounts = accounts;
        this.zone = organisations.current().timeZone();
        setMaxWidth("60rem");
        cards.setId("syncs");
        cards.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            listId = Long.parseLong(event.getRouteParameters().get("listId").orElse(""));
            draw(lists.get(listId));
        } catch (NumberFormatException | DomainException e) {
            Feedback.error(e instanceof DomainException d ? d.getMessage() : "There is no such list.");
            event.forwardTo(HomeView.class);
        }
    }

    private void draw(FollowList list) {
        removeAll();
        add(new H2("Sync \"" + list.name() + "\" to X"));
        add(new Paragraph("An official account's X List can be made to hold exactly this list's stakeholders, or the "
                + "account can follow everyone on it. An account admin approves first; then Noticeboard works at X's "
                + "pace (300 list changes or 50 follows every 15 minutes), survives restarts, and shows how far it got."));
        List<OfficialAccount> connected = accounts.list().stream()
                .filter(a -> a.connectionState() == ConnectionState.CONNECTED).toList();
        var account = new ComboBox<OfficialAccount>("Official account");
        account.setId("sync-account");
        account.setItems(connected);
        account.setItemLabelGenerator(a -> a.handle() + " (" + a.displayName() + ")");
        account.setHelperText(connected.isEmpty() ? "No official account is connected to X yet." : null);
        var kind = new RadioButtonGroup<SyncKind>("What to do");
        kind.setId("sync-kind");
        kind.setItems(SyncKind.values());
        kind.setItemLabelGenerator(SyncKind::label);
        kind.setValue(SyncKind.SYNC_LIST);
        var ask = new Button("Ask for approval", e -> {
            if (account.getValue() == null) {
                account.setInvalid(true);
                account.setErrorMessage("Choose the official account.");
                return;
            }
            account.setInvalid(false);
            if (Feedback.attempt(() -> syncs.request(listId, account.getValue().id(), kind.getValue()))) {
                Feedback.success("Asked: the account's admins are told, and the sync starts once one approves.");
                refresh();
            }
        });
        ask.setId("request-sync");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(account, kind), ask);
        add(new H3("Syncs of this list"), cards);
        refresh();
    }

    void refresh() {
        cards.removeAll();
        List<ListSync> all = syncs.forList(listId);
        all.forEach(s -> cards.add(new SyncCard(s, syncs, zone, this::refresh)));
        if (all.isEmpty()) {
            cards.add(new Paragraph("This list has not been synced to X yet."));
        }
        boolean anyOpen = all.stream().anyMatch(SyncCard::open);
        getUI().ifPresent(ui -> ui.setPollInterval(anyOpen ? POLL_MILLIS : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
