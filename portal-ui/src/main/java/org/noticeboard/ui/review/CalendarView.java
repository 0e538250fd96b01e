package org.noticeboard.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.CalendarEntry;
import org.noticeboard.post.PostService;

/** Scheduled and published posts by week or month, in the organisation's time zone, per account or all. */
@Route("calendar")
@PageTitle("Calendar | Noticeboard")
@Menu(title = "Calendar", order = 46, icon = "vaadin:calendar")
@RolesAllowed({"STAFF", "APPROVER"})
public class CalendarView extends VerticalLayout {

    enum Span2 { WEEK, MONTH }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PostService posts;
    private final ZoneId zone;
    private final Select<Span2> span = new Select<>();
    private final ComboBox<OfficialAccount> account = new ComboBox<>("Account");
    private final Span title = new Span();
    private final Div days = new Div();
    private LocalDate anchor;
    private final boolean approver;

    public CalendarView(PostService posts, OfficialAccountService accounts, OrganisationService organisations,
            org.noticeboard.member.MemberService members) {
        this.posts = posts;
        this.approver = members.me().grants().stream().anyMatch(g -> g.role() == org.noticeboard.access.Role.APPROVER);
        this.zone = organisations.current().timeZone();
        this.anchor = LocalDate.now(zone);
        add(new H2("Calendar"));
        span.setId("calendar-span");
        span.setLabel("Show");
        span.setItems(Span2.values());
        span.setItemLabelGenerator(s -> s == Span2.WEEK ? "Week" : "Month");
        span.setValue(Span2.WEEK);
        span.addValueChangeListener(e -> draw());
        account.setId("calendar-account");
        account.setItems(accounts.list());
        account.setItemLabelGenerator(a -> a.handle().toString());
        account.setClearButtonVisible(true);
        account.setPlaceholder("All accounts");
        account.addValueChangeListener(e -> draw());
        var previous = new Button("Previous", e -> move(-1));
        previous.setId("calendar-previous");
        var today = new Button("Today", e -> {
            anchor = LocalDate.now(zone);
            draw();
        });
        var next = new Button("Next", e -> move(1));
        next.setId("calendar-next");
        title.setId("calendar-title");
        title.getStyle().set("font-weight", "700");
        var bar = new HorizontalLayout(span, account, previous, today, next, title);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        days.setId("calendar-days");
        days.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))").set("gap", "4px")
                .set("width", "100%");
        add(bar, days);
        draw();
    }

    /** Shows the week or month that holds this day. */
    void show(LocalDate day) {
        anchor = day;
        draw();
    }

    private void move(int direction) {
        anchor = span.getValue() == Span2.WEEK ? anchor.plusWeeks(direction) : anchor.plusMonths(direction);
        draw();
    }

    private void draw() {
        LocalDate first;
        LocalDate last;
        if (span.getValue() == Span2.WEEK) {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = first.plusDays(6);
            title.setText("Week of " + DAY.format(first) + " " + first.getYear() + " (" + zone.getId() + ")");
        } else {
            first = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = anchor.withDayOfMonth(anchor.lengthOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            title.setText(anchor.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + anchor.getYear() + " (" + zone.getId() + ")");
        }
        List<CalendarEntry> entries = posts.calendar(account.getValue() == null ? null : account.getValue().id(), first, last);
        Map<LocalDate, List<CalendarEntry>> byDay = entries.stream().collect(Collectors.groupingBy(e -> e.at().toLocalDate()));
        days.removeAll();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            var cell = new Div();
            cell.setId("day-" + day);
            cell.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("min-height", "6rem")
                    .set("padding", "4px").set("border-radius", "6px")
                    .set("background", day.equals(LocalDate.now(zone)) ? "var(--lumo-primary-color-10pct)" : "transparent");
            var heading = new Div(DAY.format(day));
            heading.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color",
                    span.getValue() == Span2.MONTH && day.getMonth() != anchor.getMonth() ? "var(--lumo-disabled-text-color)"
                            : "var(--lumo-secondary-text-color)");
            cell.add(heading);
            for (CalendarEntry entry : byDay.getOrDefault(day, List.of())) {
                var item = new Button((entry.atOnce() ? "at once" : TIME.format(entry.at())) + " " + entry.accountHandle() + " "
                        + entry.state().label() + ": " + entry.excerpt());
                item.addClassName("calendar-entry");
                item.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.getStyle().set("white-space", "normal").set("height", "auto").set("text-align", "left");
                var id = new RouteParameters("postId", String.valueOf(entry.postId()));
                item.addClickListener(e -> getUI().ifPresent(ui -> {
                    if (approver) {
                        ui.navigate(ReviewPostView.class, id);
                    } else {
                        ui.navigate(org.noticeboard.ui.post.ComposerView.class, id);
                    }
                }));
                cell.add(item);
            }
            days.add(cell);
        }
    }
}
