package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.PublicFollowList;
import org.noticeboard.shared.NotFoundException;

/**
 * A list shared by public link, for anyone who has the link, signed in or not: its name,
 * description, purpose and members, and nothing internal (no notes, nor who added whom).
 */
@Route(value = "public/lists/:token", autoLayout = false)
@AnonymousAllowed
public class PublicListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String PATH = "public/lists/";

    private final FollowListService lists;
    private String title = "Follow list";

    public PublicListView(FollowListService lists) {
        this.lists = lists;
        setMaxWidth("70rem");
        setPadding(true);
        getStyle().set("margin", "0 auto");
    }

    /**
     * The link as people will paste it: this server's address as the browser reached it (behind a
     * proxy, as the proxy's forwarded headers say), so it works from anywhere that address does.
     */
    static String url(String token) {
        String path = "/" + PATH + token;
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            HttpServletRequest http = servlet.getHttpServletRequest();
            String scheme = http.getScheme();
            int port = http.getServerPort();
            boolean usual = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + http.getServerName() + (usual ? "" : ":" + port) + http.getContextPath() + path;
        }
        return path;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        PublicFollowList list;
        try {
            list = lists.publicView(token);
        } catch (NotFoundException e) {
            title = "No such list";
            add(new H1("No such list"));
            var missing = new Paragraph(e.getMessage() + " Ask whoever gave you the link for a new one.");
            missing.setId("public-missing");
            add(missing);
            return;
        }
        title = list.name() + " – " + list.organisationName();
        var heading = new H1(list.name());
        heading.setId("public-title");
        var owner = new Paragraph("A follow list of " + list.departmentName() + ", " + list.organisationName() + ". "
                + list.members().size() + (list.members().size() == 1 ? " stakeholder." : " stakeholders."));
        owner.setId("public-owner");
        add(heading, owner);
        if (list.description() != null) {
            add(new Paragraph(list.description()));
        }
        if (list.purpose() != null) {
            add(new Paragraph("Purpose: " + list.purpose()));
        }
        var grid = new Grid<PublicFollowList.Member>();
        grid.setId("public-members");
        grid.addColumn(m -> Shown.handle(m.handle())).setHeader("X handle").setKey("handle").setAutoWidth(true);
        grid.addColumn(PublicFollowList.Member::name).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(m -> m.category().label()).setHeader("Category").setKey("category");
        grid.addColumn(m -> m.region() == null ? "" : m.region()).setHeader("Region").setKey("region");
        grid.addColumn(m -> String.join(", ", m.topics())).setHeader("Topics").setKey("topics").setFlexGrow(2);
        grid.setItems(list.members());
        grid.setAllRowsVisible(list.members().size() <= 100);
        add(grid);
        add(Csv.download("public-export", "Download as CSV", "follow-list.csv", () -> lists.publicExport(token)));
        add(new Paragraph("Shared through Noticeboard. The list is read-only here and may change."));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
