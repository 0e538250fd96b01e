package org.noticeboard.followlist;

/** Who sees a follow list. Nobody outside the organisation sees any list, except a PUBLIC one through its link. */
public enum Visibility {
    DEPARTMENT("The department"),
    ORGANISATION("The whole organisation"),
    PUBLIC("Anyone with the link");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
