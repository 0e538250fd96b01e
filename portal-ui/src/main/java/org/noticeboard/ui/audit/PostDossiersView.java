package org.noticeboard.ui.audit;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditService;
import org.noticeboard.compliance.DossierService;
import org.noticeboard.compliance.PostFound;
import org.noticeboard.organisation.OrganisationService;

/** Any post of the organisation, found by number, words, X id or account, to open its dossier. */
@Route("dossiers")
@PageTitle("Post dossiers | Noticeboard")
@Menu(title = "Post dossiers", order = 91, icon = "vaadin:folder-open")
@RolesAllowed("AUDITOR")
public class PostDossiersView extends VerticalLayout {

    private final DossierService dossiers;
    private final Grid<PostFound> grid = new Grid<>();
    private final TextField text = new TextField("Post number, words or X id");
    private final ComboBox<OfficialAccount> account = new ComboBox<>("Account");

    public PostDossiersView(DossierService dossiers, OfficialAccountService accounts, OrganisationService organisations,
            AuditService audit) {
        this.dossiers = dossiers;
        ZoneId zone = organisations.current().timeZone();
        add(new H2("Post dossiers"));
        text.setId("dossier-search");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        account.setId("dossier-account");
        account.setItems(accounts.list());
        account.setItemLabelGenerator(a -> a.handle().value());
        account.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        account.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(text, account);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setId("dossier-posts");
        grid.addColumn(p -> "#" + p.id()).setHeader("Post").setKey("id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PostFound::accountHandle).setHeader("Account").setKey("account").setAutoWidth(true);
        grid.addColumn(PostFound::authorName).setHeader("Author").setKey("author").setAutoWidth(true);
        grid.addColumn(PostFound::state).setHeader("State").setKey("state").setAutoWidth(true);
        grid.addColumn(p -> p.publishedAt() == null ? "" : AuditTrailView.TIME.format(p.publishedAt().atZone(zone)))
                .setHeader("Published").setKey("published").setAutoWidth(true);
        grid.addColumn(PostFound::text).setHeader("Text").setKey("text").setFlexGrow(3);
        // a click that lands while the list is being replaced by a new search has no item: OpenRows ignores it
        org.noticeboard.ui.shell.OpenRows.open(grid, "Posts found: Enter or a click opens the dossier",
                item -> UI.getCurrent().navigate(PostDossierView.class, item.id()));
        grid.setSizeFull();
        add(filters, grid);
        setSizeFull();
        refresh();
        audit.opened("the list of post dossiers", "post", "search");
    }

    private void refresh() {
        String words = text.getValue();
        Long accountId = account.getValue() == null ? null : account.getValue().id();
        grid.setItems(query -> dossiers.find(words, accountId, query.getOffset(), query.getLimit()).stream());
    }
}
