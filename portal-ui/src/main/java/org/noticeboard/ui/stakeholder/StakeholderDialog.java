package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.CheckedStakeholder;
import org.noticeboard.stakeholder.DuplicateStakeholderException;
import org.noticeboard.stakeholder.Stakeholder;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.stakeholder.XCheck;
import org.noticeboard.ui.shell.Feedback;

/**
 * Adds, edits or shows one stakeholder. After saving it stays open on the saved entry and says
 * what X answered about the handle, since that is what the person wants to know next; a duplicate
 * is shown with the way to the entry that is already there.
 */
class StakeholderDialog extends Dialog {

    private final StakeholderService stakeholders;
    private final ZoneId zone;
    private final boolean canEdit;
    private final Runnable onSaved;
    private final LongConsumer openExisting;
    private final TextField handle = new TextField("X handle");
    private final TextField name = new TextField("Name");
    private final ComboBox<StakeholderCategory> category = new ComboBox<>("Category");
    private final TextField region = new TextField("Region");
    private final TextField topics = new TextField("Topics");
    private final Checkbox political = new Checkbox("Political");
    private final TextArea notes = new TextArea("Internal notes");
    private final Paragraph xFacts = new Paragraph();
    private final Div outcome = new Div();
    private final Button save = new Button();
    private @Nullable Stakeholder current;

    StakeholderDialog(StakeholderService stakeholders, ZoneId zone, boolean canEdit, @Nullable Stakeholder existing,
            Runnable onSaved, LongConsumer openExisting) {
        this.stakeholders = stakeholders;
        this.zone = zone;
        this.canEdit = canEdit;
        this.onSaved = onSaved;
        this.openExisting = openExisting;
        this.current = existing;
        setWidth("44rem");
        handle.setId("stakeholder-handle");
        handle.setPrefixComponent(new Span("@"));
        handle.setHelperText("Checked against X when saved");
        name.setId("stakeholder-name");
        category.setId("stakeholder-category");
        category.setItems(StakeholderCategory.values());
        category.setItemLabelGenerator(StakeholderCategory::label);
        region.setId("stakeholder-region");
        region.setPlaceholder("e.g. North West");
        topics.setId("stakeholder-topics");
        topics.setHelperText("Separate topics with commas or semicolons");
        political.setId("stakeholder-political");
        notes.setId("stakeholder-notes");
        notes.setHelperText("For colleagues only: never shown on a public list");
        xFacts.setId("stakeholder-x");
        outcome.setId("stakeholder-outcome");
        var form = new FormLayout(handle, name, category, region, topics, political, notes);
        form.setColspan(notes, 2);
        add(form, xFacts, outcome);

        save.setId("save-stakeholder");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var close = new Button(canEdit ? "Cancel" : "Close", e -> close());
        close.setId("close-stakeholder");
        getFooter().add(close);
        if (canEdit) {
            getFooter().add(save);
        }
        fill(existing);
    }

    private void fill(@Nullable Stakeholder s) {
        current = s;
        setHeaderTitle(s == null ? "Add a stakeholder" : canEdit ? "Edit " + s.handle() : s.handle() + " " + s.name());
        save.setText(s == null ? "Add" : "Save");
        if (s != null) {
            handle.setValue(s.handle().value());
            name.setValue(s.name());
            category.setValue(s.category());
            region.setValue(s.region() == null ? "" : s.region());
            topics.setValue(String.join(", ", s.topics()));
            political.setValue(s.political());
            notes.setValue(s.notes() == null ? "" : s.notes());
        }
        for (var field : List.of(handle, name, region, topics)) {
            field.setReadOnly(!canEdit);
        }
        category.setReadOnly(!canEdit);
        political.setReadOnly(!canEdit);
        notes.setReadOnly(!canEdit);
        xFacts.setText(s == null ? "" : facts(s));
        xFacts.setVisible(s != null);
    }

    private String facts(Stakeholder s) {
        return switch (s.xCheck()) {
            case ON_X -> "On X as \"" + s.xName() + "\"" + (s.followersCount() == null ? "" : " with "
                    + Shown.followers(s.followersCount()) + " followers") + ", user id " + s.xUserId() + "; checked "
                    + Shown.time(s.checkedAt(), zone) + ".";
            case NOT_ON_X -> "X did not know " + s.handle() + " when it was checked on " + Shown.time(s.checkedAt(), zone)
                    + ".";
            case UNCHECKED -> "Not checked against X yet.";
        };
    }

    private StakeholderDraft draft() {
        var topicList = Arrays.stream(topics.getValue().split("[,;]")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        return new StakeholderDraft(handle.getValue(), name.getValue(), category.getValue(), region.getValue(), topicList,
                political.getValue(), notes.getValue());
    }

    private void save() {
        outcome.removeAll();
        Stakeholder editing = current;
        Feedback.attempt(() -> {
            try {
                CheckedStakeholder saved = editing == null ? stakeholders.add(draft())
                        : stakeholders.update(editing.id(), draft(), editing.version());
                Feedback.success(saved.stakeholder().handle() + (editing == null ? " added to the directory." : " saved."));
                fill(saved.stakeholder());
                showCheck(saved);
                onSaved.run();
            } catch (DuplicateStakeholderException duplicate) {
                showDuplicate(duplicate);
            }
        }, Map.of("handle", handle, "name", name, "category", category, "region", region, "topics", topics,
                "notes", notes));
    }

    private void showCheck(CheckedStakeholder saved) {
        if (saved.message().isEmpty()) {
            // the handle did not change, so X was not asked again
            return;
        }
        var message = new Paragraph(saved.message());
        message.setId("stakeholder-check");
        message.getStyle().set("color", saved.check() == XCheck.ON_X ? "var(--lumo-success-text-color)"
                : "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
        outcome.add(message);
    }

    private void showDuplicate(DuplicateStakeholderException duplicate) {
        var message = new Paragraph(duplicate.getMessage());
        message.setId("stakeholder-duplicate");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        var open = new Button("Open " + duplicate.existingHandle(), e -> {
            close();
            openExisting.accept(duplicate.existingId());
        });
        open.setId("open-existing");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        outcome.add(message, open);
        handle.setErrorMessage("Already in the directory");
        handle.setInvalid(true);
    }
}
