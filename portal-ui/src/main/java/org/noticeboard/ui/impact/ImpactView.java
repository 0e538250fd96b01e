package org.noticeboard.ui.impact;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.impact.Dashboard;
import org.noticeboard.impact.ImpactQuery;
import org.noticeboard.impact.ImpactService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;

/**
 * The impact dashboard of one account or campaign for a chosen period: figures, four charts (each
 * with a text alternative and its data as a table), decision-makers' replies, and a CSV export.
 */
@Route("impact")
@PageTitle("Impact | Noticeboard")
@Menu(title = "Impact", order = 57, icon = "vaadin:chart")
@RolesAllowed({"APPROVER", "ACCOUNT_ADMIN", "ORG_ADMIN"})
public class ImpactView extends VerticalLayout implements BeforeEnterObserver {

    /** An account or a campaign to show. */
    record Scope(String label, @Nullable Long accountId, @Nullable Long campaignId) {

        ImpactQuery query(@Nullable LocalDate from, @Nullable LocalDate to) {
            return new ImpactQuery(accountId, campaignId, from, to);
        }
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final ImpactService impact;
    private final ZoneId zone;
    private final ComboBox<Scope> scope = new ComboBox<>("Account or campaign");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Div content = new Div();
    private final List<Scope> scopes = new ArrayList<>();

    public ImpactView(ImpactService impact, OfficialAccountService accounts, CampaignService campaigns,
            OrganisationService organisations) {
        this.impact = impact;
        this.zone = organisations.current().timeZone();
        add(new H2("Impact"));
        accounts.list().forEach(a -> scopes.add(new Scope("Account " + a.handle(), a.id(), null)));
        campaigns.list().forEach(c -> scopes.add(new Scope("Campaign " + c.name(), null, c.id())));
        scope.setId("impact-scope");
        scope.setItems(scopes);
        scope.setItemLabelGenerator(Scope::label);
        scope.setWidth("22em");
        if (!scopes.isEmpty()) {
            scope.setValue(scopes.getFirst());
        }
        LocalDate today = LocalDate.now(zone);
        from.setId("impact-from");
        to.setId("impact-to");
        from.setValue(today.minusWeeks(12).plusDays(1));
        to.setValue(today);
        from.setLocale(Locale.UK);
        to.setLocale(Locale.UK);
        var show = new Button("Show", e -> draw());
        show.setId("impact-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            Scope chosen = scope.getValue();
            if (chosen == null) {
                return DownloadResponse.error(400, "Choose an account or a campaign first.");
            }
            try {
                byte[] bytes = impact.csv(chosen.query(from.getValue(), to.getValue()));
                return new DownloadResponse(new ByteArrayInputStream(bytes), "impact.csv", "text/csv; charset=UTF-8",
                        bytes.length);
            } catch (DomainException e) {
                return DownloadResponse.error(400, e.getMessage());
            }
        }), AttachmentType.DOWNLOAD, "Export CSV");
        csv.setId("impact-csv");
        var controls = new HorizontalLayout(scope, from, to, show, csv);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        add(controls);
        content.setId("impact-content");
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("campaign").flatMap(ImpactView::id).ifPresent(id ->
                scopes.stream().filter(s -> id.equals(s.campaignId())).findFirst().ifPresent(scope::setValue));
        parameters.getSingleParameter("account").flatMap(ImpactView::id).ifPresent(id ->
                scopes.stream().filter(s -> id.equals(s.accountId())).findFirst().ifPresent(scope::setValue));
        draw();
    }

    private static java.util.Optional<Long> id(String value) {
        try {
            return java.util.Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    void draw() {
        content.removeAll();
        from.setInvalid(false);
        to.setInvalid(false);
        Scope chosen = scope.getValue();
        if (chosen == null) {
            content.add(message("Choose an account or a campaign to see its impact."));
            return;
        }
        Dashboard d;
        try {
            d = impact.dashboard(chosen.query(from.getValue(), to.getValue()));
        } catch (DomainException e) {
            if (e instanceof org.noticeboard.shared.InvalidInputException invalid) {
                DatePicker field = "from".equals(invalid.field()) ? from : to;
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
            content.add(message(e.getMessage()));
            return;
        }
        if (d.empty()) {
            content.add(message("Nothing to chart: " + d.scope() + " published no posts and had no mentions between "
                    + DAY.format(d.from()) + " and " + DAY.format(d.to()) + ". Choose another period or account."));
            return;
        }
        content.add(figures(d));
        var charts = new FlexLayout();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-l)");
        charts.add(postsPerWeek(d), engagementRate(d), topPosts(d), mentionsByCategory(d));
        content.add(charts, decisionMakers(d));
    }

    private Component figures(Dashboard d) {
        var row = new FlexLayout();
        row.setId("impact-figures");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        row.add(figure("figure-posts", "Posts published", String.valueOf(d.postsPublished()),
                d.postsMeasured() + " with metrics"));
        row.add(figure("figure-engagement-rate", "Engagement rate", percent(d.engagementRate()),
                d.engagements() + " engagements, " + d.impressions() + " impressions"));
        row.add(figure("figure-broadcast", "Broadcast only", percent(d.broadcastOnlyShare()), d.broadcastOnly() + " of "
                + d.postsPublished() + " posts mention, ask or reply to nobody. Don't broadcast: engage."));
        row.add(figure("figure-mentions", "Mentions", String.valueOf(d.mentions()),
                d.repliesFromDecisionMakers() + " replies from decision-makers"));
        row.add(figure("figure-first-response", "Median first response", duration(d.medianFirstResponse()),
                d.mentionsAnswered() + " mentions answered"));
        return row;
    }

    private static Component figure(String id, String label, String value, String detail) {
        var box = new Div();
        box.setId(id);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("flex", "0 0 14em").set("box-sizing", "border-box");
        var big = new Span(value);
        big.addClassName("figure-value");
        big.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700").set("display", "block");
        var small = new Span(detail);
        small.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        box.add(new Span(label), big, small);
        return box;
    }

    private Component postsPerWeek(Dashboard d) {
        var points = d.weeks().stream().map(w -> new Charts.Point(WEEK.format(w.startsOn()), w.posts())).toList();
        String title = "Posts per week";
        String alt = title + " from " + DAY.format(d.from()) + " to " + DAY.format(d.to()) + ": "
                + String.join(", ", points.stream().map(p -> "week of " + p.label() + " " + p.value()).toList()) + ".";
        return chart("chart-posts-per-week", title, Charts.bars(title, "Week starting", "Posts", points, false, false), alt,
                table(d.weeks(), List.of(column("Week starting", w -> DAY.format(w.startsOn())),
                        column("Posts", w -> String.valueOf(w.posts())))));
    }

    private Component engagementRate(Dashboard d) {
        var measured = d.weeks().stream().filter(w -> w.engagementRate() != null).toList();
        String title = "Engagement rate per week";
        if (measured.isEmpty()) {
            return note("chart-engagement-rate", title, "No post of this period has impressions from X yet: metrics are "
                    + "fetched 1 hour, 1 day and 7 days after a post goes out.");
        }
        var points = measured.stream().map(w -> new Charts.Point(WEEK.format(w.startsOn()), w.engagementRate())).toList();
        String alt = title + " (engagements divided by impressions): " + String.join(", ", measured.stream()
                .map(w -> "week of " + WEEK.format(w.startsOn()) + " " + percent(w.engagementRate())).toList()) + ".";
        return chart("chart-engagement-rate", title, Charts.line(title, "Week starting", "Engagement rate", points, true), alt,
                table(d.weeks(), List.of(column("Week starting", w -> DAY.format(w.startsOn())),
                        column("Engagements", w -> String.valueOf(w.engagements())),
                        column("Impressions", w -> String.valueOf(w.impressions())),
                        column("Engagement rate", w -> percent(w.engagementRate())))));
    }

    private Component topPosts(Dashboard d) {
        String title = "Top posts by engagements";
        if (d.topPosts().isEmpty()) {
            return note("chart-top-posts", title, "No post of this period has metrics yet.");
        }
        var points = new ArrayList<Charts.Point>();
        for (int i = 0; i < d.topPosts().size(); i++) {
            var p = d.topPosts().get(i);
            points.add(new Charts.Point("#" + (i + 1) + " " + shorten(p.text(), 28), p.engagements()));
        }
        String alt = title + ": " + String.join("; ", d.topPosts().stream()
                .map(p -> "\"" + shorten(p.text(), 60) + "\" " + p.engagements() + " engagements").toList()) + ".";
        return chart("chart-top-posts", title, Charts.bars(title, "Post", "Engagements", points, true, false), alt,
                table(d.topPosts(), List.of(column("Post", Dashboard.TopPost::text),
                        column("Published", p -> WHEN.format(p.publishedAt().atZone(zone))),
                        column("Likes", p -> String.valueOf(p.likes())), column("Reposts", p -> String.valueOf(p.reposts())),
                        column("Replies", p -> String.valueOf(p.replies())), column("Quotes", p -> String.valueOf(p.quotes())),
                        column("Impressions", p -> p.impressions() == null ? "not given" : String.valueOf(p.impressions())),
                        column("On X", p -> p.goneFromX() ? "deleted on X" : "yes"))));
    }

    private Component mentionsByCategory(Dashboard d) {
        String title = "Mentions by stakeholder category";
        if (d.mentionsByCategory().isEmpty()) {
            return note("chart-mentions", title, "No mentions in this period.");
        }
        var points = d.mentionsByCategory().stream().map(c -> new Charts.Point(c.category(), c.mentions())).toList();
        String alt = title + ": " + String.join(", ", points.stream().map(p -> p.label() + " " + p.value()).toList()) + ".";
        return chart("chart-mentions", title, Charts.bars(title, "Category", "Mentions", points, true, false), alt,
                table(d.mentionsByCategory(), List.of(column("Category", Dashboard.CategoryCount::category),
                        column("Mentions", c -> String.valueOf(c.mentions())))));
    }

    private Component decisionMakers(Dashboard d) {
        var section = new Div();
        section.setId("impact-decision-makers");
        section.add(new H3("Replies from decision-makers (" + d.repliesFromDecisionMakers() + ")"));
        if (d.decisionMakerReplies().isEmpty()) {
            section.add(new Paragraph("No MP, minister, member of a devolved parliament or ICB / health board replied to "
                    + "these posts in this period."));
            return section;
        }
        // text from X: shown as plain text only
        section.add(table(d.decisionMakerReplies(), List.of(column("When", r -> WHEN.format(r.postedAt().atZone(zone))),
                column("Who", r -> r.stakeholderName() + " (@" + r.authorUsername() + ")"),
                column("Category", Dashboard.DecisionMakerReply::category),
                column("Reply", Dashboard.DecisionMakerReply::text))));
        return section;
    }

    private Component chart(String id, String title, String svg, String alt, Component data) {
        var box = new Div();
        box.setId(id);
        box.getStyle().set("flex", "1 1 600px").set("max-width", "680px");
        var image = new Image(Charts.dataUri(svg), alt);
        image.setWidth(Charts.WIDTH + "px");
        image.getStyle().set("max-width", "100%");
        var details = new Details("Data table: " + title, data);
        details.setId(id + "-data");
        box.add(image, details);
        return box;
    }

    private static Component note(String id, String title, String text) {
        var box = new Div(new H3(title), new Paragraph(text));
        box.setId(id);
        box.getStyle().set("flex", "1 1 600px").set("max-width", "680px");
        return box;
    }

    private record Column<T>(String header, Function<T, String> value) {}

    private static <T> Column<T> column(String header, Function<T, String> value) {
        return new Column<>(header, value);
    }

    private static <T> Grid<T> table(List<T> rows, List<Column<T>> columns) {
        var grid = new Grid<T>();
        columns.forEach(c -> grid.addColumn(c.value()::apply).setHeader(c.header()).setAutoWidth(true));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Paragraph message(String text) {
        var paragraph = new Paragraph(text);
        paragraph.setId("impact-message");
        return paragraph;
    }

    static String percent(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.UK, "%.1f%%", share * 100);
    }

    static String duration(@Nullable Duration duration) {
        if (duration == null) {
            return "–";
        }
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
