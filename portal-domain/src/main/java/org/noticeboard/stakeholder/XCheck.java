package org.noticeboard.stakeholder;

/** What X said about a stakeholder's handle when it was last checked. */
public enum XCheck {
    ON_X("On X"),
    NOT_ON_X("Not on X"),
    UNCHECKED("Not checked yet");

    private final String label;

    XCheck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
