package org.noticeboard.notification;

/** Sends an e-mail; the application implements it with SMTP (or leaves mail off). */
public interface MailOutbox {

    void send(String to, String subject, String body);
}
