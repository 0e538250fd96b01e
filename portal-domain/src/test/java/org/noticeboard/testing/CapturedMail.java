package org.noticeboard.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.noticeboard.notification.MailOutbox;

/** Keeps the e-mails the domain sends, for tests (the SMTP path is tested against GreenMail in portal-ui). */
public class CapturedMail implements MailOutbox {

    public record Mail(String to, String subject, String body) {}

    private final List<Mail> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String to, String subject, String body) {
        sent.add(new Mail(to, subject, body));
    }

    public List<Mail> all() {
        return List.copyOf(sent);
    }

    public List<Mail> to(String address) {
        return sent.stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }
}
