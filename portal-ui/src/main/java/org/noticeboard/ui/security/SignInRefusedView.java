package org.noticeboard.ui.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * Where live mode's sign-in sends a person it refused (not allowed to become a member, a deactivated member, an
 * identity of another organisation), with the reason in their words: they are not signed in, and no member was made.
 */
@Route(value = "sign-in-refused", autoLayout = false)
@PageTitle("Sign-in refused | Noticeboard")
@AnonymousAllowed
public class SignInRefusedView extends VerticalLayout implements BeforeEnterObserver {

    static final String GENERAL = "Your organisation's sign-in did not let you into Noticeboard. Try again, or ask "
            + "your organisation admin.";

    private final Paragraph reason = new Paragraph(GENERAL);

    public SignInRefusedView() {
        setAlignItems(Alignment.CENTER);
        add(new H1("You cannot sign in to Noticeboard"));
        reason.setId("sign-in-refused-reason");
        add(reason);
        // back to the start: a person let in meanwhile (added to the group, say) signs in from there
        add(new Anchor("/", "Try again"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var session = VaadinSession.getCurrent();
        Object refusal = session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        // only a refusal of ours is shown in its words; whatever else went wrong is not the person's to read
        if (refusal instanceof OAuth2AuthenticationException oauth
                && (OidcSignIn.REFUSED.equals(oauth.getError().getErrorCode()))
                && oauth.getError().getDescription() != null) {
            reason.setText(oauth.getError().getDescription());
        } else {
            reason.setText(GENERAL);
        }
    }
}
