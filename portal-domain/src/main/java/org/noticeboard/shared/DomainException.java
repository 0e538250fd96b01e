package org.noticeboard.shared;

/**
 * A rule of the domain refused a request. {@link #reason()} is stable and meant for code;
 * the message is meant for the person who made the request and says what is wrong and where.
 */
public class DomainException extends RuntimeException {

    private final String reason;

    public DomainException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
