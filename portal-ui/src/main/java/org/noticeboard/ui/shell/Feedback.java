package org.noticeboard.ui.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;

/** How views tell people what happened: the domain's own words, next to the field they concern. */
public final class Feedback {

    private Feedback() {}

    /**
     * Runs an action; when the domain refuses it, shows why (on the named field where there is
     * one) and returns false. Nothing is saved by a refused action, so the form keeps its input.
     */
    public static boolean attempt(Runnable action, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            action.run();
            return true;
        } catch (DuplicateKeyException e) {
            // two people saved the same name at the same moment; the database kept one of them
            error("Someone else saved the same thing a moment ago. Reload the page to see it; nothing of yours was saved.");
            return false;
        } catch (DomainException e) {
            if (e instanceof InvalidInputException invalid && fields.containsKey(invalid.field())) {
                var field = fields.get(invalid.field());
                field.setErrorMessage(invalid.getMessage());
                field.setInvalid(true);
            }
            error(e.getMessage());
            return false;
        }
    }

    public static boolean attempt(Runnable action) {
        return attempt(action, Map.of());
    }

    public static void success(String message) {
        var notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        var notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
