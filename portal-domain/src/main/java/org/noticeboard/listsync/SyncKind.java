package org.noticeboard.listsync;

/** What a sync does on X. */
public enum SyncKind {
    /** Make an X List owned by the account hold exactly the list's stakeholders (created if missing). */
    SYNC_LIST("Sync to an X List"),
    /** Follow every stakeholder on the list from the account. */
    FOLLOW_ALL("Follow everyone on the list");

    private final String label;

    SyncKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Budget budget() {
        return this == FOLLOW_ALL ? Budget.FOLLOWS : Budget.MEMBERS;
    }
}
