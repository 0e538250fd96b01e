package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.noticeboard.department.Department;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Subscription;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.ui.shell.Feedback;

/**
 * The follow lists a member sees: their department's, those shared with the organisation, and the
 * other departments' lists their department subscribes to with how much changed since it last
 * looked. Curators start new lists here.
 */
@Route("lists")
@PageTitle("Follow lists | Noticeboard")
@Menu(title = "Follow lists", order = 56, icon = "vaadin:list-ul")
// every role, and no member without one: anyone the identity provider lets in sees Home only
@RolesAllowed({"STAFF", "APPROVER", "ACCOUNT_ADMIN", "CURATOR", "AUDITOR", "ORG_ADMIN"})
public class FollowListsView extends VerticalLayout {

    private final FollowListService lists;

    public FollowListsView(FollowListService lists, OrganisationService organisations) {
        this.lists = lists;
        ZoneId zone = organisations.current().timeZone();
        add(new H2("Follow lists"));
        add(new Paragraph("Stakeholders a department follows, each list seen by its department, the whole organisation, "
                + "or anyone with its public link. Other departments subscribe to a list to see what changed, or fork a "
                + "copy of their own. Every change is kept: who added or removed whom, when and why."));
        List<Department> curated = lists.curatedDepartments();
        if (!curated.isEmpty()) {
            var create = new Button("New list", e -> create(curated));
            create.setId("new-list");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }

        List<Subscription> subscriptions = subscriptions();
        Map<Long, Subscription> subscribed = new HashMap<>();
        subscriptions.forEach(s -> subscribed.put(s.listId(), s));
        var grid = new Grid<FollowList>();
        grid.setId("lists");
        grid.addComponentColumn(l -> link(l.id(), l.name())).setHeader("List").setKey("name").setFlexGrow(2);
        grid.addColumn(FollowList::departmentName).setHeader("Department").setKey("department");
        grid.addColumn(l -> l.visibility().label()).setHeader("Seen by").setKey("visibility");
        grid.addColumn(FollowList::memberCount).setHeader("Members").setKey("members").setAutoWidth(true);
        grid.addColumn(l -> Shown.time(l.updatedAt(), zone)).setHeader("Changed").setKey("updated").setAutoWidth(true);
        grid.addColumn(l -> subscribed.containsKey(l.id()) ? unseen(subscribed.get(l.id())) : "")
                .setHeader("Your department's subscription").setKey("subscription").setAutoWidth(true);
        grid.setItems(lists.list());
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H3("Subscriptions of your department"));
        if (subscriptions.isEmpty()) {
            add(new Paragraph("Your department subscribes to no other department's list. Open a list shared with the "
                    + "organisation and subscribe to it to see what changes."));
        } else {
            var subs = new Grid<Subscription>();
            subs.setId("subscriptions");
            subs.addComponentColumn(s -> link(s.listId(), s.listName())).setHeader("List").setKey("name").setFlexGrow(2);
            subs.addColumn(Subscription::listDepartmentName).setHeader("Of").setKey("department");
            subs.addColumn(FollowListsView::unseen).setHeader("Since you last looked").setKey("unseen");
            subs.addColumn(s -> Shown.time(s.subscribedAt(), zone)).setHeader("Subscribed").setKey("since");
            subs.setItems(subscriptions);
            subs.setAllRowsVisible(true);
            add(subs);
        }
    }

    static String unseen(Subscription s) {
        return switch (s.unseenChanges()) {
            case 0 -> "Up to date";
            case 1 -> "1 change";
            default -> s.unseenChanges() + " changes";
        };
    }

    private static RouterLink link(long listId, String name) {
        var link = new RouterLink(name, FollowListView.class,
                new RouteParameters(FollowListView.LIST_ID, String.valueOf(listId)));
        link.setId("list-" + listId);
        return org.noticeboard.ui.shell.Links.listed(link);
    }

    /** A member of no department, or of several, has no department to subscribe for: nothing to show. */
    private List<Subscription> subscriptions() {
        try {
            return lists.subscriptions();
        } catch (DomainException e) {
            return List.of();
        }
    }

    private void create(List<Department> curated) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New follow list");
        var department = new ComboBox<Department>("Department");
        department.setId("list-department");
        department.setItems(curated);
        department.setItemLabelGenerator(Department::name);
        department.setValue(curated.getFirst());
        department.setVisible(curated.size() > 1);
        var name = new TextField("Name");
        name.setId("list-name-field");
        name.setPlaceholder("e.g. Health think tanks");
        var description = new TextArea("Description");
        description.setId("list-description");
        var purpose = new TextArea("Purpose");
        purpose.setId("list-purpose");
        purpose.setPlaceholder("Why these stakeholders matter to the department");
        var created = new AtomicReference<FollowList>();
        var save = new Button("Create", e -> {
            if (Feedback.attempt(() -> created.set(lists.create(department.getValue() == null ? null
                    : department.getValue().id(), name.getValue(), description.getValue(), purpose.getValue())),
                    Map.of("name", name, "description", description, "purpose", purpose))) {
                dialog.close();
                Feedback.success("\"" + created.get().name() + "\" created. Only " + created.get().departmentName()
                        + " sees it until you share it.");
                getUI().ifPresent(ui -> ui.navigate(FollowListView.class,
                        new RouteParameters(FollowListView.LIST_ID, String.valueOf(created.get().id()))));
            }
        });
        save.setId("create-list");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(department, name, description, purpose);
        form.setColspan(description, 2);
        form.setColspan(purpose, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
