package org.noticeboard.shared;

/** The request clashes with what is stored: a duplicate, or someone else changed it first. */
public class ConflictException extends DomainException {

    public ConflictException(String reason, String message) {
        super(reason, message);
    }

    public static ConflictException changedMeanwhile(String subject) {
        return new ConflictException("changed_meanwhile",
                subject + " was changed by someone else while you were editing it. Reload it and try again.");
    }
}
