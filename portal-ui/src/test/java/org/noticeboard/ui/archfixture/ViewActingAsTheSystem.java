package org.noticeboard.ui.archfixture;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.noticeboard.access.Access;
import org.noticeboard.notification.NotificationService;

/** A view that acts as the system and tells members itself: the architecture test must reject it. */
public class ViewActingAsTheSystem extends Div {

    public ViewActingAsTheSystem(Access access, NotificationService notifications, long organisationId) {
        access.asSystem(organisationId, "a view", () -> {
            notifications.tell(organisationId, List.of(1L), null, "Told by a view", null);
            return null;
        });
    }
}
