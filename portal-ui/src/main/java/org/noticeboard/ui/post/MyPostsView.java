package org.noticeboard.ui.post;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostSummary;
import org.noticeboard.x.XEndpoints;

/** The posts a member wrote, and for approvers the posts of the accounts they approve. */
@Route("posts")
@PageTitle("My posts | Noticeboard")
@Menu(title = "My posts", order = 45, icon = "vaadin:list")
@RolesAllowed({"STAFF", "APPROVER"})
public class MyPostsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final XEndpoints endpoints;

    public MyPostsView(PostService posts, MemberService members, OrganisationService organisations, XEndpoints endpoints) {
        this.endpoints = endpoints;
        ZoneId zone = organisations.current().timeZone();
        add(new H2("My posts"));
        var mine = grid("my-posts", posts.mine(), zone, false);
        add(mine);
        if (members.me().grants().stream().anyMatch(g -> g.role() == Role.APPROVER)) {
            add(new H3("Posts for the accounts I approve"));
            add(grid("account-posts", posts.forMyAccounts(), zone, true));
        }
    }

    /** The X link of a published post, or what holds publishing up, in words. */
    private com.vaadin.flow.component.Component onX(PostSummary p) {
        if (p.xPostId() != null) {
            String username = p.xUsername() != null ? p.xUsername() : p.accountHandle().substring(1);
            var link = new com.vaadin.flow.component.html.Anchor(endpoints.postLink(username, p.xPostId()), "View on X");
            link.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
            return link;
        }
        var text = new com.vaadin.flow.component.html.Span(p.publishProblem() == null ? "" : p.publishProblem());
        text.getStyle().set("white-space", "normal");
        return text;
    }

    private Grid<PostSummary> grid(String id, List<PostSummary> items, ZoneId zone, boolean withAuthor) {
        var grid = new Grid<PostSummary>();
        grid.setId(id);
        grid.addColumn(p -> p.state().label()).setHeader("State").setKey("state").setAutoWidth(true);
        grid.addColumn(PostSummary::accountHandle).setHeader("Account").setKey("account").setAutoWidth(true);
        if (withAuthor) {
            grid.addColumn(PostSummary::authorName).setHeader("Author").setKey("author").setAutoWidth(true);
        }
        grid.addColumn(PostSummary::excerpt).setHeader("Text").setKey("text").setFlexGrow(3);
        grid.addColumn(p -> p.blocked() ? "Blocked by policy" : p.unjustifiedWarnings() > 0
                ? p.unjustifiedWarnings() + " warning(s) to explain" : "Ready").setHeader("Policy").setKey("policy").setAutoWidth(true);
        grid.addColumn(p -> TIME.format(p.updatedAt().atZone(zone))).setHeader("Updated").setKey("updated").setAutoWidth(true);
        grid.addComponentColumn(this::onX).setHeader("On X").setKey("x").setFlexGrow(2);
        grid.setItems(items);
        org.noticeboard.ui.shell.Rows.fit(grid, items.size());
        org.noticeboard.ui.shell.OpenRows.open(grid, (withAuthor ? "Posts for the accounts I approve" : "My posts")
                + ": Enter or a click opens one", item -> grid.getUI().ifPresent(ui ->
                        ui.navigate(ComposerView.class, new RouteParameters("postId", String.valueOf(item.id())))));
        return grid;
    }
}
