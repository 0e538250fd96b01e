package org.noticeboard.app;

import org.noticeboard.notification.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Notification e-mails through the SMTP server that {@code spring.mail.host} names (see README). */
@Component
@Primary
@ConditionalOnProperty("spring.mail.host")
class SmtpMailOutbox implements MailOutbox {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailOutbox(JavaMailSender sender, @Value("${noticeboard.mail.from:noticeboard@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }
}
