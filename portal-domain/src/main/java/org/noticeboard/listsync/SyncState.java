package org.noticeboard.listsync;

/** {@code AWAITING_APPROVAL -> QUEUED -> RUNNING -> DONE | FAILED}, and {@code CANCELLED} from any open state. */
public enum SyncState {
    AWAITING_APPROVAL("Awaiting approval"),
    QUEUED("Queued"),
    RUNNING("Running"),
    DONE("Done"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    SyncState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more will happen to it. */
    public boolean ended() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** The worker has it: approved and not ended. */
    public boolean workable() {
        return this == QUEUED || this == RUNNING;
    }
}
