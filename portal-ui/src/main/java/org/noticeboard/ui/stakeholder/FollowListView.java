package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import org.noticeboard.ui.shell.Rows;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.department.Department;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListMember;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.ListChange;
import org.noticeboard.followlist.Subscription;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderQuery;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.shell.Feedback;

/**
 * One follow list: its details and who sees it, its members, and its whole history. Its own
 * department's curators change it; other departments' curators subscribe to it (then everyone in
 * their department sees what changed since they last looked) or fork it.
 */
@Route("lists/:listId")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class FollowListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String LIST_ID = "listId";

    private final FollowListService lists;
    private final StakeholderService stakeholders;
    private final ZoneId zone;
    private final boolean curator;
    private String title = "Follow list | Noticeboard";
    private long listId;

    public FollowListView(FollowListService lists, StakeholderService stakeholders, MemberService members,
            OrganisationService organisations) {
        this.lists = lists;
        this.stakeholders = stakeholders;
        this.zone = organisations.current().timeZone();
        this.curator = members.me().grants().stream().anyMatch(g -> g.role() == Role.CURATOR);
        setMaxWidth("80rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            listId = Long.parseLong(event.getRouteParameters().get(LIST_ID).orElse(""));
            draw();
        } catch (NumberFormatException | DomainException e) {
            Feedback.error(e instanceof DomainException d ? d.getMessage() : "There is no such list.");
            event.forwardTo(FollowListsView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void draw() {
        FollowList list = lists.get(listId);
        title = list.name() + " | Noticeboard";
        removeAll();
        var heading = new H2(list.name());
        heading.setId("list-title");
        var facts = new Paragraph(list.departmentName() + "'s list. Seen by: "
                + list.visibility().label().toLowerCase(Locale.ROOT) + ". " + list.memberCount()
                + (list.memberCount() == 1 ? " member" : " members") + ", changed "
                + Shown.time(list.updatedAt(), zone) + "." + (list.forkedFromId() == null ? ""
                        : " Forked from list #" + list.forkedFromId() + "."));
        facts.setId("list-facts");
        add(heading, facts);
        if (list.description() != null) {
            add(paragraph("list-description-text", list.description()));
        }
        if (list.purpose() != null) {
            add(paragraph("list-purpose-text", "Purpose: " + list.purpose()));
        }
        Optional<Subscription> subscription = subscription(list);
        add(actions(list, subscription.isPresent()));
        if (list.editable()) {
            add(editDetails(list));
        }
        add(visibility(list));
        subscription.ifPresent(s -> add(changesSince(list)));
        add(members(list));
        add(history(list));
    }

    private static Paragraph paragraph(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    private Optional<Subscription> subscription(FollowList list) {
        try {
            return lists.subscriptions().stream().filter(s -> s.listId() == list.id()).findFirst();
        } catch (DomainException e) {
            // no department to subscribe for: nothing subscribed
            return Optional.empty();
        }
    }

    private HorizontalLayout actions(FollowList list, boolean subscribed) {
        var bar = new HorizontalLayout();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        bar.add(Csv.download("export-list", "Export CSV", fileName(list), () -> lists.export(list.id())));
        // curators ask for a sync and everyone follows it there; the domain decides who may do what
        var sync = new Button("Sync to X…", e -> getUI().ifPresent(ui -> ui.navigate(
                org.noticeboard.ui.listsync.ListSyncView.class,
                new com.vaadin.flow.router.RouteParameters("listId", String.valueOf(list.id())))));
        sync.setId("sync-list");
        bar.add(sync);
        if (list.editable()) {
            var importInto = new Button("Import CSV into this list", e -> getUI().ifPresent(ui -> ui.navigate(
                    StakeholderImportView.class, QueryParameters.of("list", String.valueOf(list.id())))));
            importInto.setId("import-into-list");
            bar.add(importInto);
        }
        if (curator && !list.editable()) {
            if (subscribed) {
                var unsubscribe = new Button("Unsubscribe", e -> {
                    if (Feedback.attempt(() -> lists.unsubscribe(list.id()))) {
                        Feedback.success("Your department no longer follows the changes of \"" + list.name() + "\".");
                    }
                    draw();
                });
                unsubscribe.setId("unsubscribe");
                bar.add(unsubscribe);
            } else {
                var subscribe = new Button("Subscribe", e -> {
                    var done = new AtomicReference<Subscription>();
                    if (Feedback.attempt(() -> done.set(lists.subscribe(list.id())))) {
                        Feedback.success("Subscribed: this page shows what changes on \"" + list.name()
                                + "\" from now on, until your department has seen it.");
                    }
                    draw();
                });
                subscribe.setId("subscribe");
                subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                bar.add(subscribe);
            }
        }
        if (curator) {
            List<Department> curated = lists.curatedDepartments().stream()
                    .filter(d -> !list.editable() || d.id() != list.departmentId()).toList();
            if (!curated.isEmpty()) {
                var fork = new Button(curated.size() == 1 ? "Fork into " + curated.getFirst().name() : "Fork…",
                        e -> fork(list, curated));
                fork.setId("fork-list");
                bar.add(fork);
            }
        }
        if (list.editable()) {
            var delete = new Button("Delete list", e -> delete(list));
            delete.setId("delete-list");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(delete);
        }
        return bar;
    }

    private static String fileName(FollowList list) {
        String safe = list.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return (safe.isEmpty() ? "follow-list" : safe) + ".csv";
    }

    private Details editDetails(FollowList list) {
        var name = new TextField("Name");
        name.setId("edit-list-name");
        name.setValue(list.name());
        var description = new TextArea("Description");
        description.setId("edit-list-description");
        description.setValue(list.description() == null ? "" : list.description());
        var purpose = new TextArea("Purpose");
        purpose.setId("edit-list-purpose");
        purpose.setValue(list.purpose() == null ? "" : list.purpose());
        var save = new Button("Save details", e -> {
            if (Feedback.attempt(() -> lists.update(list.id(), name.getValue(), description.getValue(), purpose.getValue(),
                    list.version()), Map.of("name", name, "description", description, "purpose", purpose))) {
                Feedback.success("Saved.");
                draw();
            }
        });
        save.setId("save-list");
        var form = new FormLayout(name, description, purpose, save);
        form.setColspan(description, 2);
        form.setColspan(purpose, 2);
        return new Details("Edit name, description and purpose", form);
    }

    private VerticalLayout visibility(FollowList list) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Who sees it"));
        if (list.editable()) {
            var choice = new RadioButtonGroup<Visibility>();
            choice.setId("list-visibility");
            choice.setItems(Visibility.values());
            choice.setItemLabelGenerator(v -> switch (v) {
                case DEPARTMENT -> "Department: " + list.departmentName() + " only";
                case ORGANISATION -> "Organisation: every member of the organisation";
                case PUBLIC -> "Public link: anyone with the link, without signing in (no internal notes shown)";
            });
            choice.setValue(list.visibility());
            choice.addValueChangeListener(e -> {
                if (e.getValue() == null || e.getValue() == list.visibility()) {
                    return;
                }
                if (Feedback.attempt(() -> lists.setVisibility(list.id(), e.getValue(), list.version()))) {
                    Feedback.success("\"" + list.name() + "\" is now seen by: "
                            + e.getValue().label().toLowerCase(Locale.ROOT)
                            + (list.visibility() == Visibility.PUBLIC ? ". The old public link no longer works." : "."));
                }
                draw();
            });
            box.add(choice);
        } else {
            box.add(paragraph("list-visibility-text", list.visibility().label() + "."));
        }
        String token = list.publicToken();
        if (list.visibility() == Visibility.PUBLIC && token != null) {
            String url = PublicListView.url(token);
            var field = new TextField("Public link");
            field.setId("public-url");
            field.setValue(url);
            field.setReadOnly(true);
            field.setWidth("44rem");
            field.setHelperText("Anyone with this link sees the list's name, description, purpose and members, "
                    + "without the internal notes. Making the list private again ends the link for good.");
            var copy = new Button("Copy link", e -> e.getSource().getUI().ifPresent(ui -> {
                ui.getPage().executeJs("navigator.clipboard.writeText($0)", url);
                Feedback.success("Link copied.");
            }));
            copy.setId("copy-public-url");
            var open = new Anchor(url, "Open");
            open.setTarget(AnchorTarget.BLANK);
            var row = new HorizontalLayout(field, copy, open);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            box.add(row);
        }
        return box;
    }

    private VerticalLayout changesSince(FollowList list) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("changes-box");
        box.add(new H3("What changed since your department last looked"));
        List<ListChange> changes = lists.changesSince(list.id());
        if (changes.isEmpty()) {
            box.add(paragraph("changes-none", "Nothing has changed since your department last looked."));
            return box;
        }
        var grid = changeGrid("changes-since");
        grid.setItems(changes);
        Rows.fit(grid, changes.size());
        box.add(grid);
        if (curator) {
            // up to the newest change shown, so that one made while reading stays unseen
            long newest = changes.getFirst().id();
            var seen = new Button("Mark as seen", e -> {
                if (Feedback.attempt(() -> lists.markSeen(list.id(), newest))) {
                    Feedback.success("Marked as seen for your department.");
                }
                draw();
            });
            seen.setId("mark-seen");
            box.add(seen);
        }
        return box;
    }

    private Grid<ListChange> changeGrid(String id) {
        var grid = new Grid<ListChange>();
        grid.setId(id);
        grid.addColumn(c -> Shown.time(c.at(), zone)).setHeader("When").setKey("at").setAutoWidth(true);
        grid.addColumn(c -> Shown.kind(c.kind())).setHeader("What").setKey("kind").setAutoWidth(true);
        grid.addColumn(c -> Shown.handle(c.handle()) + " (" + c.stakeholderName() + ")").setHeader("Stakeholder")
                .setKey("stakeholder").setFlexGrow(2);
        grid.addColumn(ListChange::memberName).setHeader("By").setKey("by").setAutoWidth(true);
        grid.addColumn(c -> c.note() == null ? "" : c.note()).setHeader("Why").setKey("note").setFlexGrow(2);
        return grid;
    }

    private VerticalLayout members(FollowList list) {
        var box = new VerticalLayout();
        box.setPadding(false);
        List<FollowListMember> members = lists.members(list.id());
        box.add(new H3("Members (" + members.size() + ")"));
        if (list.editable()) {
            box.add(addMember(list));
        }
        var grid = new Grid<FollowListMember>();
        grid.setId("members");
        grid.addColumn(m -> m.stakeholder().handle().toString()).setHeader("Handle").setKey("handle").setAutoWidth(true);
        grid.addColumn(m -> m.stakeholder().name()).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(m -> m.stakeholder().category().label()).setHeader("Category").setKey("category");
        grid.addColumn(m -> Shown.onX(m.stakeholder(), zone)).setHeader("On X?").setKey("x").setAutoWidth(true);
        grid.addColumn(m -> (m.addedBy() == null ? "" : m.addedBy() + ", ") + Shown.time(m.addedAt(), zone))
                .setHeader("Added").setKey("added").setAutoWidth(true);
        grid.addColumn(m -> m.note() == null ? "" : m.note()).setHeader("Why").setKey("note").setFlexGrow(2);
        if (list.editable()) {
            grid.addComponentColumn(m -> {
                var remove = new Button("Remove", e -> remove(list, m.stakeholder()));
                remove.setId("remove-member-" + m.stakeholder().handle().value());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(members);
        Rows.fit(grid, members.size());
        box.add(grid);
        return box;
    }

    private HorizontalLayout addMember(FollowList list) {
        var who = new ComboBox<Stakeholder>("Add a stakeholder from the directory");
        who.setId("member-to-add");
        who.setPlaceholder("Type a name or handle");
        who.setWidth("26rem");
        who.setItems(query -> StakeholdersView.fetch(stakeholders,
                StakeholderQuery.all().withText(query.getFilter().filter(f -> !f.isBlank()).orElse(null)),
                query.getOffset(), query.getLimit()).stream());
        who.setItemLabelGenerator(s -> s.handle() + " – " + s.name() + " (" + s.category().label() + ")");
        var note = new TextField("Why (optional)");
        note.setId("member-note");
        note.setWidth("22rem");
        var add = new Button("Add to list", e -> {
            Stakeholder chosen = who.getValue();
            if (chosen == null) {
                who.setErrorMessage("Choose a stakeholder to add.");
                who.setInvalid(true);
                return;
            }
            if (Feedback.attempt(() -> lists.addMember(list.id(), chosen.id(), note.getValue()), Map.of("note", note))) {
                Feedback.success(chosen.handle() + " added to \"" + list.name() + "\".");
                draw();
            }
        });
        add.setId("add-member");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(who, note, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void remove(FollowList list, Stakeholder stakeholder) {
        var note = new TextField("Why (optional, kept in the history)");
        note.setId("remove-note");
        note.setWidthFull();
        var text = new VerticalLayout(new Paragraph(stakeholder.name() + " leaves the list and stays in the directory."),
                note);
        text.setPadding(false);
        var confirm = new ConfirmDialog();
        confirm.setHeader("Remove " + stakeholder.handle() + " from \"" + list.name() + "\"?");
        confirm.setText(text);
        confirm.setConfirmText("Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.addConfirmListener(e -> {
            if (Feedback.attempt(() -> lists.removeMember(list.id(), stakeholder.id(), note.getValue()))) {
                Feedback.success(stakeholder.handle() + " removed from \"" + list.name() + "\".");
            }
            draw();
        });
        confirm.open();
    }

    private VerticalLayout history(FollowList list) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("History"));
        List<ListChange> changes = lists.history(list.id());
        if (changes.isEmpty()) {
            box.add(paragraph("history-none", "No one has been added or removed yet."));
            return box;
        }
        var grid = changeGrid("history");
        grid.setItems(changes);
        Rows.fit(grid, changes.size());
        box.add(grid);
        return box;
    }

    private void fork(FollowList list, List<Department> curated) {
        if (curated.size() == 1) {
            forkInto(list, curated.getFirst());
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle("Fork \"" + list.name() + "\"");
        var department = new ComboBox<Department>("Into the department");
        department.setId("fork-department");
        department.setItems(curated);
        department.setItemLabelGenerator(Department::name);
        department.setValue(curated.getFirst());
        var go = new Button("Fork", e -> {
            if (department.getValue() != null) {
                dialog.close();
                forkInto(list, department.getValue());
            }
        });
        go.setId("confirm-fork");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("A copy with the same members, seen by the department until it is shared. Later changes "
                + "to either list do not reach the other."), department);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }

    private void forkInto(FollowList list, Department department) {
        var copy = new AtomicReference<@Nullable FollowList>();
        if (Feedback.attempt(() -> copy.set(lists.fork(list.id(), department.id())))) {
            FollowList made = java.util.Objects.requireNonNull(copy.get());
            Feedback.success("\"" + list.name() + "\" forked into " + made.departmentName() + " with "
                    + made.memberCount() + " members.");
            getUI().ifPresent(ui -> ui.navigate(FollowListView.class,
                    new RouteParameters(LIST_ID, String.valueOf(made.id()))));
        }
    }

    private void delete(FollowList list) {
        var confirm = new ConfirmDialog("Delete \"" + list.name() + "\"?",
                "The list, its history and other departments' subscriptions to it are deleted; the stakeholders stay in "
                        + "the directory and the audit trail keeps the list as it was.",
                "Delete", e -> {
                    if (Feedback.attempt(() -> lists.delete(list.id(), list.version()))) {
                        Feedback.success("\"" + list.name() + "\" deleted.");
                        getUI().ifPresent(ui -> ui.navigate(FollowListsView.class));
                    }
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
