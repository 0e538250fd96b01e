package org.noticeboard.ui.notification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.noticeboard.notification.Notification;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Submitting a post tells the step's approvers in the portal and by e-mail, through a real SMTP
 * server (GreenMail) run by the test.
 */
class NotificationsTest extends KaribuTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("noticeboard.mail.from", () -> "noticeboard@northshire.example");
    }

    @Autowired PostService posts;

    @Test
    void approvers_are_told_in_the_portal_and_by_email() throws Exception {
        signIn("sam.staff");
        long account = posts.writableAccounts().getFirst().id();
        var draft = posts.save(null, new PostDraft(account, "Our new falls prevention leaflet is out", null, null, null,
                List.of(), Map.of()), 0);
        posts.submit(draft.id(), draft.version());

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains("alex.approver@northshire.example")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("waits for your review");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("noticeboard@northshire.example");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).flatMap(m -> recipients(m).stream()))
                .doesNotContain("sam.staff@northshire.example");

        signIn("alex.approver");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("shell-notifications")).getText())
                .as("the demo's own work (a tweet chat waiting for approval) may have told Alex too")
                .matches("\\d+ new notifications?");
        UI.getCurrent().navigate(NotificationsView.class);
        @SuppressWarnings("unchecked")
        Grid<Notification> grid = _get(Grid.class, spec -> spec.withId("notifications"));
        assertThat(GridKt._getFormatted(grid, 0, "text")).contains("A post for @NShirePhysio by Sam Patel waits for your review");
        assertThat(GridKt._getFormatted(grid, 0, "new")).isEqualTo("New");
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
