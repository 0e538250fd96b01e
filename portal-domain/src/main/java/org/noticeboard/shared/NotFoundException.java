package org.noticeboard.shared;

/**
 * The subject does not exist in the caller's organisation. Another organisation's data is
 * reported the same way as missing data, so that nothing about it leaks.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String subject, Object id) {
        super("not_found", subject + " #" + id + " does not exist in your organisation.");
    }
}
