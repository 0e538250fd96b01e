package org.noticeboard.ui.security;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.stream.Collectors;
import org.noticeboard.access.Role;
import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.demo.DemoData;

/** Sign-in. In demo mode it lists the demo members and their password, so nobody has to guess. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Noticeboard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(NoticeboardProperties properties) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        add(new H1("Noticeboard"));
        add(new Paragraph("Official X accounts for health and care, run safely: "
                + "only post what you would post on a public noticeboard."));
        notice.setId("login-notice");
        notice.setVisible(false);
        add(notice);
        if (properties.demoMode()) {
            var i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in to the demo");
            i18n.getForm().setUsername("Sign-in name");
            i18n.getErrorMessage().setTitle("Sign-in name or password not recognised");
            i18n.getErrorMessage().setMessage("Check the sign-in name against the list of demo members; the password is \""
                    + properties.demo().password() + "\".");
            form.setI18n(i18n);
            form.setAction("login");
            form.setForgotPasswordButtonVisible(false);
            add(new HorizontalLayout(form, demoUsers(properties)));
        } else {
            add(new Anchor("/oauth2/authorization/" + SecurityConfiguration.OIDC_REGISTRATION,
                    "Sign in with your organisation account"));
        }
    }

    private VerticalLayout demoUsers(NoticeboardProperties properties) {
        var grid = new Grid<DemoData.DemoUser>();
        grid.setId("demo-users");
        grid.addColumn(DemoData.DemoUser::username).setHeader("Sign-in name").setAutoWidth(true);
        grid.addColumn(DemoData.DemoUser::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(Role::label).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.department() + ", " + u.organisation()).setHeader("Where").setAutoWidth(true);
        grid.setItems(DemoData.USERS);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setWidth("52rem");
        var box = new VerticalLayout(new H2("Demo members"),
                new Html("<p>Every demo member's password is <b>" + escape(properties.demo().password())
                        + "</b>. Nothing here reaches the real X: posts go to the built-in X sandbox.</p>"),
                grid);
        box.setPadding(false);
        return box;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            form.setError(true);
        }
        if (parameters.containsKey("logout")) {
            notice.setText("You have signed out.");
            notice.setVisible(true);
        }
        if (parameters.containsKey("expired")) {
            notice.setText("Your session had ended. Sign in again; everything you saved is kept.");
            notice.setVisible(true);
        }
    }
}
