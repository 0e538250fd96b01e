package org.noticeboard.ui.inbox;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.inbox.Assignee;
import org.noticeboard.inbox.InboxFilter;
import org.noticeboard.inbox.Mention;
import org.noticeboard.inbox.MentionNote;
import org.noticeboard.inbox.MentionService;
import org.noticeboard.inbox.MentionState;
import org.noticeboard.inbox.PollOutcome;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.template.ReplyTemplate;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.ui.post.ComposerView;
import org.noticeboard.ui.shell.Feedback;

/**
 * The mentions inbox of the accounts the member writes for or approves. Everything that comes from
 * X (text, names, handles) is put on the page as text, never as markup. A mention from a known
 * stakeholder is highlighted with the stakeholder's category.
 */
@Route("inbox")
@PageTitle("Inbox | Noticeboard")
@Menu(title = "Inbox", order = 41, icon = "vaadin:inbox")
@RolesAllowed({"STAFF", "APPROVER"})
public class InboxView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** Age choices for the filter. */
    enum Age {
        ANY("Any age", null, null),
        LAST_HOUR("Within the last hour", null, Duration.ofHours(1)),
        OVER_HOUR("Waiting over an hour", Duration.ofHours(1), null),
        OVER_DAY("Waiting over a day", Duration.ofDays(1), null);

        final String label;
        final @Nullable Duration olderThan;
        final @Nullable Duration newerThan;

        Age(String label, @Nullable Duration olderThan, @Nullable Duration newerThan) {
            this.label = label;
            this.olderThan = olderThan;
            this.newerThan = newerThan;
        }
    }

    private final MentionService inbox;
    private final ReplyTemplateService templates;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    private final boolean approver;

    private final ComboBox<OfficialAccount> account = new ComboBox<>("Account");
    private final Select<@Nullable MentionState> state = new Select<>();
    private final ComboBox<Assignee> assignee = new ComboBox<>("Assigned to");
    private final ComboBox<StakeholderCategory> category = new ComboBox<>("Stakeholder category");
    private final Checkbox onlyStakeholders = new Checkbox("Only stakeholders");
    private final Select<Age> age = new Select<>();
    private final Grid<Mention> grid = new Grid<>();
    private final Div status = new Div();
    private final VerticalLayout detail = new VerticalLayout();
    private final List<Assignee> assignees;
    private @Nullable Long selected;

    public InboxView(MentionService inbox, ReplyTemplateService templates, OrganisationService organisations,
            MemberService members) {
        this.inbox = inbox;
        this.templates = templates;
        this.zone = organisations.current().timeZone();
        this.approver = members.me().grants().stream().anyMatch(g -> g.role() == Role.APPROVER);
        this.assignees = inbox.assignees();
        add(new H2("Inbox"));
        add(new Paragraph("Posts on X that mention your official accounts. What people wrote is shown exactly as "
                + "they wrote it, as plain text."));

        account.setId("inbox-account");
        account.setItems(inbox.accounts());
        account.setItemLabelGenerator(a -> a.handle().toString());
        account.setClearButtonVisible(true);
        state.setId("inbox-state");
        state.setLabel("State");
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any state");
        state.setItems(MentionState.values());
        state.setItemLabelGenerator(s -> s == null ? "Any state" : s.label());
        assignee.setId("inbox-assignee");
        assignee.setItems(assignees);
        assignee.setItemLabelGenerator(Assignee::label);
        assignee.setClearButtonVisible(true);
        category.setId("inbox-category");
        category.setItems(StakeholderCategory.values());
        category.setItemLabelGenerator(StakeholderCategory::label);
        category.setClearButtonVisible(true);
        onlyStakeholders.setId("inbox-only-stakeholders");
        age.setId("inbox-age");
        age.setLabel("Age");
        age.setItems(Age.values());
        age.setItemLabelGenerator(a -> a.label);
        age.setValue(Age.ANY);
        account.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        assignee.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        onlyStakeholders.addValueChangeListener(e -> refresh());
        age.addValueChangeListener(e -> refresh());
        var check = new Button("Check X now", e -> checkNow());
        check.setId("inbox-check-now");
        var filters = new HorizontalLayout(account, state, assignee, category, age, onlyStakeholders, check);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);
        status.setId("inbox-status");
        status.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(status);

        grid.setId("inbox-grid");
        grid.addComponentColumn(this::authorCell).setHeader("From").setKey("author").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            var text = new Span(m.text());
            text.addClassName("mention-text");
            text.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere").set("unicode-bidi", "isolate");
            return text;
        }).setHeader("Mention").setKey("text").setFlexGrow(3);
        grid.addColumn(InboxView::handle)
                .setHeader("Account").setKey("account").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> TIME.format(m.postedAt().atZone(zone))).setHeader("Posted").setKey("posted").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> m.deletedOnX() ? m.state().label() + " (deleted on X)" : m.state().label())
                .setHeader("State").setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> Objects.toString(m.assigneeLabel(), "")).setHeader("Assigned to").setKey("assignee")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.responseTime() == null ? "" : Mention.describe(m.responseTime()))
                .setHeader("First response").setKey("response").setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(m -> m.fromStakeholder() ? "stakeholder-mention" : null);
        // up to 500 mentions: the grid scrolls, so that only the rows in sight are built and sent to the browser
        grid.setHeight("32rem");
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.asSingleSelect().addValueChangeListener(e -> {
            selected = e.getValue() == null ? null : e.getValue().id();
            showDetail();
        });
        add(grid);
        detail.setId("mention-detail");
        detail.setPadding(false);
        add(detail);
        refresh();
    }

    private HorizontalLayout authorCell(Mention m) {
        var name = new Span(Objects.requireNonNullElse(m.authorName(), m.authorUsername()));
        name.getStyle().set("font-weight", "600").set("unicode-bidi", "isolate");
        var handle = new Span("@" + m.authorUsername());
        handle.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var cell = new HorizontalLayout(name, handle);
        cell.setSpacing(true);
        cell.setPadding(false);
        if (m.stakeholderCategory() != null) {
            cell.add(stakeholderBadge(m));
        }
        return cell;
    }

    static String handle(Mention m) {
        return m.accountHandle().startsWith("@") ? m.accountHandle() : "@" + m.accountHandle();
    }

    static Span stakeholderBadge(Mention m) {
        var badge = new Span(Objects.requireNonNull(m.stakeholderCategory()).label());
        // styled here: the portal has no front-end build for Lumo's badge styles
        badge.getStyle().set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
                .set("border-radius", "var(--lumo-border-radius-s)").set("padding", "0 0.4em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "600");
        badge.addClassName("stakeholder-badge");
        badge.getElement().setAttribute("title", "Known stakeholder: " + m.stakeholderName());
        return badge;
    }

    InboxFilter filter() {
        Assignee who = assignee.getValue();
        Age chosen = age.getValue() == null ? Age.ANY : age.getValue();
        return new InboxFilter(state.getValue(), account.getValue() == null ? null : account.getValue().id(),
                who == null ? null : who.memberId(), who == null ? null : who.departmentId(), category.getValue(),
                onlyStakeholders.getValue(), chosen.olderThan, chosen.newerThan);
    }

    void refresh() {
        Long keep = selected;
        List<Mention> items = inbox.inbox(filter());
        // new items clear the selection; the mention being worked on stays open when it is still listed
        grid.setItems(items);
        selected = keep;
        var lines = new ArrayList<String>();
        for (OfficialAccount a : inbox.accounts()) {
            if (a.connection() == null) {
                lines.add(a.handle() + ": not connected to X, so its mentions are not fetched.");
                continue;
            }
            var poll = inbox.pollStatus(a.id());
            if (poll == null || poll.lastPolledAt() == null) {
                lines.add(a.handle() + ": mentions not fetched yet.");
            } else {
                lines.add(a.handle() + ": mentions fetched " + TIME.format(poll.lastPolledAt().atZone(zone))
                        + (poll.catchingUp() ? " (catching up on older pages)" : "")
                        + (poll.problem() == null ? "." : ". " + poll.problem()));
            }
        }
        status.setText(String.join(" ", lines));
        if (keep != null) {
            items.stream().filter(m -> m.id() == keep).findFirst().ifPresentOrElse(grid::select, () -> {
                selected = null;
                showDetail();
            });
        }
    }

    private void checkNow() {
        List<PollOutcome> outcomes = inbox.checkNow();
        int added = outcomes.stream().mapToInt(PollOutcome::added).sum();
        var problems = outcomes.stream().map(PollOutcome::problem).filter(Objects::nonNull).toList();
        if (problems.isEmpty()) {
            Feedback.success(added == 0 ? "No new mentions." : added + " new mention(s).");
        } else {
            Feedback.error(String.join(" ", problems));
        }
        refresh();
    }

    private void reload(Mention changed) {
        selected = changed.id();
        refresh();
    }

    void showDetail() {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        Mention m = inbox.get(selected);
        var heading = new H3("@" + m.authorUsername() + " to " + handle(m));
        heading.setId("detail-heading");
        detail.add(heading);
        if (m.stakeholderCategory() != null) {
            var known = new Paragraph();
            known.setId("detail-stakeholder");
            known.add(stakeholderBadge(m), new Span(" " + m.stakeholderName() + " is one of your stakeholders ("
                    + m.stakeholderCategory().label() + ")."));
            detail.add(known);
        }
        var text = new Paragraph(m.text());
        text.setId("detail-text");
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("unicode-bidi", "isolate")
                .set("border-left", "3px solid var(--lumo-contrast-30pct)").set("padding-left", "var(--lumo-space-s)");
        detail.add(text);
        var facts = new Paragraph("Posted " + TIME.format(m.postedAt().atZone(zone)) + ". " + m.state().label()
                + (m.assigneeLabel() == null ? "" : ", assigned to " + m.assigneeLabel()) + "."
                + (m.responseTime() == null ? "" : " First response after " + Mention.describe(m.responseTime()) + ".")
                + (m.likedAt() == null ? "" : " Liked by " + m.likedByName() + "."));
        facts.setId("detail-facts");
        detail.add(facts);
        if (m.deletedOnX()) {
            var gone = new Paragraph("@" + m.authorUsername() + " deleted this post on X. It can no longer be replied to, "
                    + "quoted, liked or reposted; you can still note it or mark it as needing no action.");
            gone.setId("detail-deleted");
            gone.getStyle().set("color", "var(--lumo-error-text-color)");
            detail.add(gone);
        }
        detail.add(triage(m), notes(m));
        if (!m.deletedOnX()) {
            detail.add(answer(m));
        }
    }

    private HorizontalLayout triage(Mention m) {
        var who = new ComboBox<Assignee>("Assign to");
        who.setId("detail-assignee");
        who.setItems(assignees);
        who.setItemLabelGenerator(Assignee::label);
        who.setClearButtonVisible(true);
        assignees.stream().filter(a -> Objects.equals(a.memberId(), m.assigneeMemberId())
                        && Objects.equals(a.departmentId(), m.assigneeDepartmentId()) && m.assigneeLabel() != null)
                .findFirst().ifPresent(who::setValue);
        var assign = new Button("Assign", e -> {
            Assignee chosen = who.getValue();
            if (Feedback.attempt(() -> reload(inbox.assign(m.id(), chosen == null ? null : chosen.memberId(),
                    chosen == null ? null : chosen.departmentId(), m.version())))) {
                Feedback.success(chosen == null ? "Unassigned." : "Assigned to " + chosen.label() + ".");
            }
        });
        assign.setId("detail-assign");
        var next = new Select<MentionState>();
        next.setId("detail-state");
        next.setLabel("Mark as");
        next.setItems(MentionState.NEW, MentionState.ESCALATED, MentionState.NO_ACTION);
        next.setItemLabelGenerator(MentionState::label);
        var mark = new Button("Mark", e -> {
            MentionState chosen = next.getValue();
            if (chosen == null) {
                Feedback.error("Choose what to mark the mention as.");
                return;
            }
            if (Feedback.attempt(() -> reload(inbox.setState(m.id(), chosen, m.version())))) {
                Feedback.success("Marked " + chosen.label().toLowerCase(Locale.ROOT) + ".");
            }
        });
        mark.setId("detail-mark");
        var row = new HorizontalLayout(who, assign, next, mark);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private VerticalLayout notes(Mention m) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.add(new H3("Internal notes"));
        var list = new Div();
        list.setId("detail-notes");
        List<MentionNote> notes = inbox.notes(m.id());
        if (notes.isEmpty()) {
            list.add(new Paragraph("No notes yet. Notes stay inside Noticeboard: they are never sent to X."));
        }
        for (MentionNote note : notes) {
            var line = new Paragraph(note.authorName() + ", " + TIME.format(note.createdAt().atZone(zone)) + ": " + note.body());
            line.addClassName("mention-note");
            line.getStyle().set("white-space", "pre-wrap");
            list.add(line);
        }
        var body = new TextArea("New note");
        body.setId("detail-note");
        body.setWidthFull();
        body.setMaxLength(5000);
        var add = new Button("Add note", e -> {
            if (Feedback.attempt(() -> inbox.addNote(m.id(), body.getValue()), Map.of("note", body))) {
                Feedback.success("Note added.");
                reload(inbox.get(m.id()));
            }
        });
        add.setId("detail-add-note");
        box.add(list, body, add);
        return box;
    }

    private VerticalLayout answer(Mention m) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Answer"));
        var template = new ComboBox<ReplyTemplate>("Reply template");
        template.setId("detail-template");
        template.setItems(templates.list());
        template.setItemLabelGenerator(ReplyTemplate::name);
        template.setClearButtonVisible(true);
        template.setWidth("24rem");
        var placeholders = new HorizontalLayout();
        placeholders.setId("detail-placeholders");
        Map<String, TextField> fields = new LinkedHashMap<>();
        template.addValueChangeListener(e -> {
            placeholders.removeAll();
            fields.clear();
            if (e.getValue() != null) {
                for (String name : e.getValue().placeholders()) {
                    var field = new TextField("{" + name + "}");
                    field.setId("placeholder-" + name);
                    field.setWidth(name.equals("link") ? "28rem" : "16rem");
                    if (name.equals("link")) {
                        field.setPlaceholder("https://www.careopinion.org.uk/…");
                    }
                    fields.put(name, field);
                    placeholders.add(field);
                }
            }
        });
        var reply = new Button("Reply", e -> {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((name, field) -> values.put(name, field.getValue()));
            ReplyTemplate chosen = template.getValue();
            Map<String, TextField> byField = new LinkedHashMap<>();
            fields.forEach((name, field) -> byField.put("placeholders." + name, field));
            if (chosen != null && !chosen.placeholders().isEmpty()) {
                byField.put("placeholders", fields.values().iterator().next());
            }
            var post = new org.noticeboard.post.Post[1];
            if (Feedback.attempt(() -> post[0] = inbox.startReply(m.id(), chosen == null ? null : chosen.id(), values),
                    byField)) {
                UI.getCurrent().navigate(ComposerView.class, new RouteParameters("postId", String.valueOf(post[0].id())));
            }
        });
        reply.setId("detail-reply");
        reply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var quote = new Button("Quote", e -> {
            var post = new org.noticeboard.post.Post[1];
            if (Feedback.attempt(() -> post[0] = inbox.startQuote(m.id()))) {
                UI.getCurrent().navigate(ComposerView.class, new RouteParameters("postId", String.valueOf(post[0].id())));
            }
        });
        quote.setId("detail-quote");
        var buttons = new HorizontalLayout(reply, quote);
        if (approver) {
            var like = new Button(m.likedAt() == null ? "Like" : "Liked", e -> {
                if (Feedback.attempt(() -> reload(inbox.like(m.id())))) {
                    Feedback.success(m.accountHandle() + " liked it on X.");
                }
            });
            like.setId("detail-like");
            like.setEnabled(m.likedAt() == null);
            var repost = new Button(m.repostPostId() == null ? "Repost" : "Repost requested", e -> {
                if (Feedback.attempt(() -> reload(inbox.repost(m.id()) == null ? m : inbox.get(m.id())))) {
                    Feedback.success("Repost sent for approval: it goes out once another approver approves it.");
                }
            });
            repost.setId("detail-repost");
            repost.setEnabled(m.repostPostId() == null);
            buttons.add(like, repost);
        }
        box.add(new HorizontalLayout(template), placeholders, buttons);
        box.add(new Paragraph("A reply or quote opens in the composer with the same policy checks, and goes through "
                + m.accountHandle() + "'s approval workflow. A reply that follows a template word for word may need one "
                + "approval step only."));
        return box;
    }
}
