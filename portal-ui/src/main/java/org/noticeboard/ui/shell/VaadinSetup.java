package org.noticeboard.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.shared.DatabaseUnavailableException;
import org.noticeboard.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What people see when something goes wrong outside a form: an ended session sends them to
 * sign in again with a plain explanation; a refusal from the domain shows its reason; the
 * database out of reach says so (nothing was saved, try again shortly); anything else shows a
 * reference to quote, with the details in the log.
 */
@Component
class VaadinSetup implements VaadinServiceInitListener {

    static final String LANGUAGE = "en-GB";
    static final String SESSION_EXPIRED_CAPTION = "Your session has ended";
    static final String SESSION_EXPIRED_MESSAGE =
            "You were away for a while. Anything you saved is kept; click here to sign in again.";

    private static final Logger log = LoggerFactory.getLogger(VaadinSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> systemMessages());
        // every page is in British English: screen readers pick the voice and spelling from it (WCAG 3.1.1)
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html").attr("lang", LANGUAGE));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(VaadinSetup::handle));
    }

    static CustomizedSystemMessages systemMessages() {
        var messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption(SESSION_EXPIRED_CAPTION);
        messages.setSessionExpiredMessage(SESSION_EXPIRED_MESSAGE);
        messages.setSessionExpiredURL("login?expired");
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setCookiesDisabledCaption("Cookies are switched off");
        messages.setCookiesDisabledMessage(
                "Noticeboard needs one cookie to keep you signed in. Allow cookies for this site, then click here.");
        return messages;
    }

    static void handle(ErrorEvent event) {
        if (clientWentAway(event.getThrowable())) {
            // the browser closed the connection before the answer was written (a closed tab, a lost
            // network): nothing failed on our side and nobody is there to tell
            log.debug("The browser went away before its answer was written: {}", event.getThrowable().toString());
            return;
        }
        Throwable cause = event.getThrowable();
        while (cause.getCause() != null && !(cause instanceof DomainException)) {
            cause = cause.getCause();
        }
        if (UI.getCurrent() == null) {
            log.error("Error outside a UI", event.getThrowable());
            return;
        }
        if (cause instanceof NotPermittedException e && e.reason().equals("not_signed_in")) {
            UI.getCurrent().getPage().setLocation("login?expired");
        } else if (cause instanceof DomainException e) {
            Feedback.error(e.getMessage());
        } else if (DatabaseUnavailableException.isCause(event.getThrowable())) {
            // not through a domain service (which would have said so itself): the same words
            log.warn("The database could not be reached: {}", event.getThrowable().toString());
            Feedback.error(DatabaseUnavailableException.MESSAGE);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, event.getThrowable());
            Feedback.error("Something went wrong and nothing was saved. If it happens again, quote reference "
                    + reference + " to your administrator.");
        }
    }

    /** The servlet container's "client aborted" (Tomcat's ClientAbortException, an IOException), anywhere in the causes. */
    static boolean clientWentAway(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }
}
