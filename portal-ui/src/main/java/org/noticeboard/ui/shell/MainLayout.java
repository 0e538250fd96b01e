package org.noticeboard.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;

/**
 * The shell around every signed-in page: the organisation, the member, sign-out, and a menu
 * holding only the pages the member's roles open (Vaadin filters menu entries by the routes'
 * access annotations).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /**
     * Moves the focus to the page's heading, from where Tab goes on into the page. (Not to the
     * page itself: a negative tabindex on a Vaadin layout would take everything in it out of the
     * Tab order.)
     */
    static final String SKIP = "const heading = this.querySelector('h1, h2, h3');"
            + "const target = heading || this.querySelector('a[href], button, input, textarea, [tabindex=\"0\"]');"
            + "if (target) { if (target === heading) target.setAttribute('tabindex', '-1'); target.focus(); }";

    public MainLayout(AuthenticationContext authentication, OrganisationService organisations, MemberService members,
            org.noticeboard.notification.NotificationService notifications, org.noticeboard.x.XEndpoints x) {
        var title = new Span("Noticeboard");
        title.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-l)");
        var organisation = new Span(organisations.current().name());
        organisation.setId("shell-organisation");
        var me = members.me();
        var member = new Span(new Icon(VaadinIcon.USER), new Span(" " + me.displayName()));
        member.setId("shell-member");
        int unread = notifications.unread();
        var bell = new com.vaadin.flow.component.html.Anchor("notifications", unread == 0 ? "No new notifications"
                : unread + " new notification" + (unread == 1 ? "" : "s"));
        bell.setId("shell-notifications");
        var signOut = new Button("Sign out", e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var spacer = new Div();
        // the first stop of the keyboard on every page: past the header and the menu, to the page itself
        var skip = new Button("Skip to the page content", e -> getContent().getElement().executeJs(SKIP));
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var style = new com.vaadin.flow.dom.Element("style");
        style.setText(".skip-link:not(:focus){position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}");
        // notifications, like every page but Home, are for members holding a role
        boolean holdsARole = me.grants().stream().anyMatch(org.noticeboard.access.Grant::confersRole);
        bell.setVisible(holdsARole);
        var header = new HorizontalLayout(skip, new DrawerToggle(), title, organisation, spacer, bell, member, signOut);
        header.getElement().appendChild(style);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        addToNavbar(header);

        var nav = new SideNav();
        nav.setId("side-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            var item = new SideNavItem(entry.title(), entry.path());
            String icon = entry.icon();
            if (icon != null && icon.contains(":")) {
                item.setPrefixComponent(new Icon(icon.substring(0, icon.indexOf(':')), icon.substring(icon.indexOf(':') + 1)));
            }
            nav.addItem(item);
        });
        if (x.sandbox() && holdsARole) {
            // only where X is the sandbox: a live installation has no sandbox to show
            var sandbox = new SideNavItem("Sandbox timeline", "sandbox-timeline");
            sandbox.setPrefixComponent(new Icon("vaadin", "globe"));
            nav.addItem(sandbox);
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** Each page is the main landmark: screen readers jump to it past the header and the menu. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("role", "main");
    }
}
