package org.noticeboard.shared;

/** The request carried a value that breaks a rule; {@link #field()} names where. */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String reason, String field, String message) {
        super(reason, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
