package org.noticeboard.stakeholder;

import org.noticeboard.account.XHandle;
import org.noticeboard.shared.ConflictException;

/** The directory already has this stakeholder; carries the existing entry so the UI can link to it. */
public class DuplicateStakeholderException extends ConflictException {

    private final long existingId;
    private final XHandle existingHandle;

    public DuplicateStakeholderException(long existingId, XHandle existingHandle, String message) {
        super("duplicate", message);
        this.existingId = existingId;
        this.existingHandle = existingHandle;
    }

    public long existingId() {
        return existingId;
    }

    public XHandle existingHandle() {
        return existingHandle;
    }
}
