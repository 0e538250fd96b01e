package org.noticeboard.ui.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.notification.Notification;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.ui.post.ComposerView;
import org.noticeboard.ui.review.ReviewPostView;

/** What needs the member: posts to review, decisions on their posts. Opening one marks it read. */
@Route("notifications")
@PageTitle("Notifications | Noticeboard")
@Menu(title = "Notifications", order = 5, icon = "vaadin:bell")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class NotificationsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final NotificationService notifications;
    private final Grid<Notification> grid = new Grid<>();

    public NotificationsView(NotificationService notifications, MemberService members, OrganisationService organisations) {
        this.notifications = notifications;
        ZoneId zone = organisations.current().timeZone();
        boolean approver = members.me().grants().stream().anyMatch(g -> g.role() == Role.APPROVER);
        add(new H2("Notifications"));
        grid.setId("notifications");
        grid.addColumn(n -> n.read() ? "" : "New").setHeader("").setKey("new").setAutoWidth(true);
        grid.addColumn(n -> TIME.format(n.createdAt().atZone(zone))).setHeader("When").setKey("when").setAutoWidth(true);
        grid.addColumn(Notification::text).setHeader("What").setKey("text").setFlexGrow(3);
        grid.addComponentColumn(n -> {
            var open = new Button(n.postId() == null ? "Mark read" : "Open", e -> {
                notifications.markRead(n.id());
                if (n.postId() != null) {
                    var id = new RouteParameters("postId", String.valueOf(n.postId()));
                    if (approver && n.text().contains("waits for your review")) {
                        getUI().ifPresent(ui -> ui.navigate(ReviewPostView.class, id));
                    } else {
                        getUI().ifPresent(ui -> ui.navigate(ComposerView.class, id));
                    }
                } else {
                    refresh();
                }
            });
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return open;
        }).setKey("open").setAutoWidth(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        var mine = notifications.mine();
        grid.setItems(mine);
        org.noticeboard.ui.shell.Rows.fit(grid, mine.size());
    }
}
