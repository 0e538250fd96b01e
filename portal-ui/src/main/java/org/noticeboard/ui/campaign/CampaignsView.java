package org.noticeboard.ui.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.noticeboard.access.Role;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.member.MemberService;
import org.noticeboard.ui.shell.Feedback;

/** Campaigns: their hashtags, dates and goal; approvers and organisation admins create them. */
@Route("campaigns")
@PageTitle("Campaigns | Noticeboard")
@Menu(title = "Campaigns", order = 48, icon = "vaadin:flag")
@RolesAllowed({"STAFF", "APPROVER", "ORG_ADMIN"})
public class CampaignsView extends VerticalLayout {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final CampaignService campaigns;
    private final Grid<Campaign> grid = new Grid<>();

    public CampaignsView(CampaignService campaigns, MemberService members) {
        this.campaigns = campaigns;
        add(new H2("Campaigns"));
        var chats = new Anchor("tweet-chats", "Tweet chats");
        chats.setId("campaigns-tweet-chats");
        add(chats);
        grid.setId("campaigns-grid");
        grid.addColumn(Campaign::name).setHeader("Campaign").setAutoWidth(true);
        grid.addColumn(c -> String.join(" ", c.hashtags())).setHeader("Hashtags").setAutoWidth(true);
        grid.addColumn(c -> (c.startsOn() == null ? "" : DAY.format(c.startsOn())) + " – "
                + (c.endsOn() == null ? "" : DAY.format(c.endsOn()))).setHeader("Dates").setAutoWidth(true);
        grid.addColumn(c -> c.goal() == null ? "" : c.goal()).setHeader("Goal").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        org.noticeboard.ui.shell.OpenRows.open(grid, "Campaigns: Enter or a click opens one", item -> getUI().ifPresent(
                ui -> ui.navigate(CampaignView.class, new RouteParameters("id", String.valueOf(item.id())))));
        add(grid);
        refresh();
        var roles = members.me().grants().stream().map(g -> g.role()).toList();
        if (roles.contains(Role.APPROVER) || roles.contains(Role.ORG_ADMIN)) {
            add(createForm());
        }
    }

    private VerticalLayout createForm() {
        var name = new TextField("Name");
        name.setId("campaign-name");
        var hashtags = new TextField("Hashtags");
        hashtags.setId("campaign-hashtags");
        hashtags.setHelperText("Separated by spaces, e.g. #FallsAwareness #PhysioWorks");
        var starts = new DatePicker("Starts");
        starts.setId("campaign-starts");
        var ends = new DatePicker("Ends");
        ends.setId("campaign-ends");
        var goal = new TextArea("Goal");
        goal.setId("campaign-goal");
        goal.setHelperText("What the campaign should achieve, e.g. \"Three ICBs fund community falls clinics\"");
        goal.setWidth("40em");
        var create = new Button("Create campaign", e -> {
            if (Feedback.attempt(() -> campaigns.create(name.getValue(),
                    Arrays.asList(hashtags.getValue().split("[\\s,]+")), starts.getValue(), ends.getValue(), goal.getValue()),
                    Map.of("name", name, "hashtags", hashtags, "endsOn", ends, "goal", goal))) {
                Feedback.success("Campaign \"" + name.getValue().strip() + "\" created.");
                name.clear();
                hashtags.clear();
                starts.clear();
                ends.clear();
                goal.clear();
                refresh();
            }
        });
        create.setId("campaign-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(name, hashtags, starts, ends);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        var form = new VerticalLayout(new H3("New campaign"), row, goal, create);
        form.setPadding(false);
        return form;
    }

    private void refresh() {
        grid.setItems(campaigns.list());
    }
}
