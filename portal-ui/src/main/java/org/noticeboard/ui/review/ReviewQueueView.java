package org.noticeboard.ui.review;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.PostService;
import org.noticeboard.post.QueueFilter;
import org.noticeboard.post.QueueItem;
import org.noticeboard.post.ReviewService;

/** Approvers' review queue: what waits for them, soonest scheduled first, filtered as they need. */
@Route("review")
@PageTitle("Review queue | Noticeboard")
@Menu(title = "Review queue", order = 42, icon = "vaadin:check-square-o")
@RolesAllowed("APPROVER")
public class ReviewQueueView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    /** Age choices for the filter. */
    enum Age {
        ANY("Any age", null), HOUR("Waiting over an hour", Duration.ofHours(1)), DAY("Waiting over a day", Duration.ofDays(1));

        final String label;
        final Duration olderThan;

        Age(String label, Duration olderThan) {
            this.label = label;
            this.olderThan = olderThan;
        }
    }

    private final ReviewService review;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    private final Grid<QueueItem> grid = new Grid<>();
    private final ComboBox<OfficialAccount> account = new ComboBox<>("Account");
    private final Select<Integer> step = new Select<>();
    private final ComboBox<Campaign> campaign = new ComboBox<>("Campaign");
    private final Select<Age> age = new Select<>();
    private final ComboBox<QueueItem> author = new ComboBox<>("Author");

    public ReviewQueueView(ReviewService review, PostService posts, CampaignService campaigns, OrganisationService organisations,
            org.noticeboard.account.OfficialAccountService accounts) {
        this.review = review;
        this.zone = organisations.current().timeZone();
        add(new H2("Review queue"));
        account.setId("queue-account");
        account.setItems(accounts.list());
        account.setItemLabelGenerator(a -> a.handle().toString());
        account.setClearButtonVisible(true);
        step.setId("queue-step");
        step.setLabel("Step");
        step.setItems(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        step.setEmptySelectionAllowed(true);
        step.setEmptySelectionCaption("Any step");
        step.setItemLabelGenerator(s -> s == null ? "Any step" : "Step " + s);
        campaign.setId("queue-campaign");
        campaign.setItems(campaigns.list());
        campaign.setItemLabelGenerator(Campaign::name);
        campaign.setClearButtonVisible(true);
        age.setId("queue-age");
        age.setLabel("Waiting");
        age.setItems(Age.values());
        age.setItemLabelGenerator(a -> a.label);
        age.setValue(Age.ANY);
        author.setId("queue-author");
        author.setItems(review.queue(QueueFilter.all(), 0, 200).stream()
                .collect(java.util.stream.Collectors.toMap(QueueItem::authorId, i -> i, (a, b) -> a)).values().stream()
                .sorted(java.util.Comparator.comparing(QueueItem::authorName)).toList());
        author.setItemLabelGenerator(QueueItem::authorName);
        author.setClearButtonVisible(true);
        author.addValueChangeListener(e -> refresh());
        account.addValueChangeListener(e -> refresh());
        step.addValueChangeListener(e -> refresh());
        campaign.addValueChangeListener(e -> refresh());
        age.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(account, step, author, campaign, age);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.setId("review-queue");
        grid.addColumn(i -> i.scheduledAt() == null ? "As soon as approved" : TIME.format(i.scheduledAt().atZone(zone)))
                .setHeader("Goes out").setKey("scheduled").setAutoWidth(true);
        grid.addColumn(QueueItem::accountHandle).setHeader("Account").setKey("account").setAutoWidth(true);
        grid.addColumn(QueueItem::authorName).setHeader("Author").setKey("author").setAutoWidth(true);
        grid.addColumn(i -> "Step " + i.step()).setHeader("Step").setKey("step").setAutoWidth(true);
        grid.addColumn(QueueItem::excerpt).setHeader("Text").setKey("text").setFlexGrow(3);
        grid.addColumn(i -> i.campaignName() == null ? "" : i.campaignName()).setHeader("Campaign").setKey("campaign");
        grid.addColumn(i -> waited(i.waited(clock.instant()))).setHeader("Waiting").setKey("waiting").setAutoWidth(true);
        org.noticeboard.ui.shell.OpenRows.open(grid, "Posts waiting for your review: Enter or a click opens one",
                item -> grid.getUI().ifPresent(ui -> ui.navigate(ReviewPostView.class,
                        new RouteParameters("postId", String.valueOf(item.postId())))));
        add(grid, new Paragraph("Open a post to read it in full and approve or reject it: click it, or reach it with Tab "
                + "and the arrow keys and press Enter."));
        refresh();
    }

    static String waited(Duration waited) {
        if (waited.toDays() > 0) {
            return waited.toDays() + " d " + waited.toHoursPart() + " h";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + " h " + waited.toMinutesPart() + " min";
        }
        return Math.max(0, waited.toMinutes()) + " min";
    }

    private void refresh() {
        var filter = new QueueFilter(account.getValue() == null ? null : account.getValue().id(), step.getValue(),
                author.getValue() == null ? null : author.getValue().authorId(),
                campaign.getValue() == null ? null : campaign.getValue().id(), age.getValue() == null ? null : age.getValue().olderThan);
        List<QueueItem> items = review.queue(filter, 0, 50);
        grid.setItems(items);
        org.noticeboard.ui.shell.Rows.fit(grid, items.size());
    }
}
