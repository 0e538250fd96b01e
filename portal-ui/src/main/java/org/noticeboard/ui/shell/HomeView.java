package org.noticeboard.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.noticeboard.access.Grant;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;

/** Says who you are here and what your roles let you do, with the way in to each. */
@Route("")
@PageTitle("Home | Noticeboard")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    /** The pages each role opens (more arrive with the composer, approvals, follow lists...). */
    private static final Map<Role, String> PAGES = Map.of(
            Role.STAFF, "New post, My posts, Calendar, Guidance",
            Role.APPROVER, "Review queue, My posts (with the posts of the accounts you approve), Calendar, Reply templates",
            Role.ORG_ADMIN, "Departments, Members and roles, Policy, Guidance (editable), Audit trail",
            Role.ACCOUNT_ADMIN, "Official accounts and their approval workflows",
            Role.CURATOR, "Stakeholders (with CSV import and export), Follow lists",
            Role.AUDITOR, "Policy (read-only), Audit trail");

    public HomeView(MemberService members, OrganisationService organisations) {
        var me = members.me();
        add(new H2("Welcome, " + me.displayName()));
        var where = new Paragraph("You are signed in to " + organisations.current().name()
                + (me.departmentName() == null ? "." : ", " + me.departmentName() + "."));
        where.setId("home-where");
        add(where);
        // a department's grant of an organisation-wide role (stored before they were refused) confers nothing
        var grants = me.grants().stream().filter(Grant::confersRole).toList();
        if (grants.isEmpty()) {
            var none = new Paragraph("You have no roles yet, so there is nothing here for you to do. "
                    + "Ask your organisation admin to grant you a role, then sign in again.");
            none.setId("home-no-roles");
            add(none);
            return;
        }
        add(new Paragraph("What you can do here:"));
        var list = new UnorderedList();
        list.setId("home-roles");
        for (Grant grant : grants) {
            Role role = grant.role();
            String scope = grant.organisationWide() ? "across the organisation" : "in " + grant.departmentName();
            var item = new ListItem(new Span(role.label() + " (" + scope + "): " + role.description()));
            String pages = PAGES.get(role);
            if (pages != null) {
                item.add(new Span(" Pages: " + pages + "."));
            }
            list.add(item);
        }
        add(list);
        var links = new UnorderedList();
        links.setId("home-links");
        MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> !entry.path().isEmpty())
                .forEach(entry -> links.add(new ListItem(Links.listed(new Anchor(entry.path(), entry.title())))));
        add(new Paragraph("Go to:"), links);
    }
}
