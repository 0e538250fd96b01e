package org.noticeboard.access;

import org.noticeboard.shared.DomainException;

/** The caller is not signed in, or lacks the role the request needs. */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String reason, String message) {
        super(reason, message);
    }
}
