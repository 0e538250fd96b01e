package org.noticeboard.inbox;

/** Where a mention is in the team's handling of it. */
public enum MentionState {
    NEW("New"),
    ASSIGNED("Assigned"),
    REPLIED("Replied"),
    NO_ACTION("No action needed"),
    ESCALATED("Escalated");

    private final String label;

    MentionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still waiting for someone to act on it. */
    public boolean open() {
        return this == NEW || this == ASSIGNED || this == ESCALATED;
    }
}
