package org.noticeboard.archfixture;

import com.vaadin.flow.component.notification.Notification;

/** A "domain" class that shows a Vaadin notification: the architecture test must reject it. */
public class DomainUsingVaadin {

    public void tell(String message) {
        Notification.show(message);
    }
}
