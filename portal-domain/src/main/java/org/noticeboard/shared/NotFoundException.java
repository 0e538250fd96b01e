package org.noticeboard.shared;

/**
 * The subject does not exist in the caller's organisation. Another organisation's data is
 * reported the same way as missing data, so that nothing about it leaks.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String subject, Object id) {
        super("not_found", subject + " #" + id + " does not exist in your organisation.");
    }

    /** For what is looked up by something other than an id within an organisation (a public link). */
    public NotFoundException(String message) {
        super("not_found", message);
    }
}
