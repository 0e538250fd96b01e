package org.noticeboard.post;

/** The life of a post (DESIGN.md); the approval workflow moves it beyond IN_REVIEW. */
public enum PostState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    SCHEDULED("Scheduled"),
    PUBLISHING("Publishing"),
    PUBLISHED("Published"),
    FAILED("Failed"),
    REJECTED("Rejected"),
    WITHDRAWN("Withdrawn"),
    EXPIRED("Expired");

    private final String label;

    PostState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** In review or approved and waiting to go out: an edit now sends the post back to the first step. */
    public boolean inReviewOrLater() {
        return this == IN_REVIEW || this == APPROVED || this == SCHEDULED;
    }

    /** States in which the author may change the post (each change is a new revision). */
    public boolean editableByAuthor() {
        return this == DRAFT || this == REJECTED || this == WITHDRAWN || this == EXPIRED;
    }
}
