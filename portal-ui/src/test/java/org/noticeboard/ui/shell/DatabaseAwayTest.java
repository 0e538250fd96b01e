package org.noticeboard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noticeboard.shared.DatabaseUnavailableException;
import org.noticeboard.ui.KaribuTest;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a member sees when the database cannot be reached. The domain services turn the failure
 * into a {@link DatabaseUnavailableException} (shown with the database really away in the
 * portal-twitter {@code DatabaseOutageTest}); here, how the UI shows it, in a form and elsewhere.
 */
class DatabaseAwayTest extends KaribuTest {

    static final String MESSAGE = "Noticeboard cannot reach its database just now, so nothing was saved. "
            + "Please wait a minute, then try again.";

    static RuntimeException noConnection() {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("noticeboard - Connection is not available, request timed out after 5000ms.",
                        "08001", new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")));
    }

    @Test
    void a_form_whose_save_met_the_database_away_says_so_and_keeps_what_was_typed() {
        signIn("sam.staff");
        UI.getCurrent().navigate(HomeView.class);
        var text = new TextField("Text");
        text.setValue("Clinic closed on Monday for training");

        boolean saved = Feedback.attempt(() -> {
            throw new DatabaseUnavailableException(noConnection());
        }, Map.of("text", text));

        assertThat(saved).isFalse();
        NotificationsKt.expectNotifications(MESSAGE);
        assertThat(text.getValue()).isEqualTo("Clinic closed on Monday for training");
        assertThat(text.isInvalid()).isFalse();
    }

    @Test
    void the_database_away_anywhere_else_is_explained_in_the_same_words_without_an_error_reference() {
        signIn("sam.staff");
        UI.getCurrent().navigate(HomeView.class);

        VaadinSetup.handle(new ErrorEvent(noConnection()));
        NotificationsKt.expectNotifications(MESSAGE);

        // wrapped by a service call on the way, as a listener would see it
        VaadinSetup.handle(new ErrorEvent(new IllegalStateException("listener failed",
                new DatabaseUnavailableException(noConnection()))));
        NotificationsKt.expectNotifications(MESSAGE);
    }
}
