package org.noticeboard.ui.campaign;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignPost;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.PostState;
import org.noticeboard.shared.NotFoundException;

/** One campaign: its goal, hashtags and dates, and the posts in it with their state and engagement. */
@Route("campaigns/:id")
@PageTitle("Campaign | Noticeboard")
@RolesAllowed({"STAFF", "APPROVER", "ORG_ADMIN"})
public class CampaignView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final CampaignService campaigns;
    private final ZoneId zone;

    public CampaignView(CampaignService campaigns, OrganisationService organisations) {
        this.campaigns = campaigns;
        this.zone = organisations.current().timeZone();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id;
        Campaign campaign;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            campaign = campaigns.get(id);
        } catch (NumberFormatException | NotFoundException e) {
            var missing = new Paragraph("There is no such campaign in your organisation.");
            missing.setId("campaign-missing");
            add(new H2("Campaign"), missing);
            return;
        }
        var title = new H2(campaign.name());
        title.setId("campaign-title");
        var goal = new Paragraph(campaign.goal() == null ? "No goal written down yet." : "Goal: " + campaign.goal());
        goal.setId("campaign-goal-text");
        var tags = new Paragraph("Hashtags: " + (campaign.hashtags().isEmpty() ? "none" : String.join(" ", campaign.hashtags()))
                + (campaign.startsOn() == null && campaign.endsOn() == null ? ""
                        : "; from " + (campaign.startsOn() == null ? "…" : campaign.startsOn()) + " to "
                                + (campaign.endsOn() == null ? "…" : campaign.endsOn())));
        var impact = new Anchor("impact?campaign=" + campaign.id(), "Impact of this campaign");
        impact.setId("campaign-impact");
        add(title, goal, tags, impact);
        var posts = campaigns.posts(campaign.id());
        if (posts.isEmpty()) {
            // the list holds only the posts the member may see (their own, their accounts' as approver, all as auditor)
            var none = new Paragraph("No posts of this campaign that you can see yet: choose the campaign when you "
                    + "write a post.");
            none.setId("campaign-no-posts");
            add(none);
            return;
        }
        var grid = new Grid<CampaignPost>();
        grid.setId("campaign-posts");
        grid.addColumn(CampaignPost::accountHandle).setHeader("Account").setAutoWidth(true);
        grid.addColumn(CampaignPost::text).setHeader("Post").setFlexGrow(1);
        grid.addColumn(p -> PostState.valueOf(p.state()).label() + (p.goneFromX() ? " (deleted on X)" : ""))
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(p -> p.publishedAt() != null ? "Published " + WHEN.format(p.publishedAt().atZone(zone))
                : p.scheduledAt() != null ? "Scheduled " + WHEN.format(p.scheduledAt().atZone(zone)) : "")
                .setHeader("When").setAutoWidth(true);
        grid.addColumn(p -> p.engagements() == null ? "" : String.valueOf(p.engagements())).setHeader("Engagements").setAutoWidth(true);
        grid.addColumn(p -> p.impressions() == null ? "" : String.valueOf(p.impressions())).setHeader("Impressions").setAutoWidth(true);
        grid.setItems(posts);
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
