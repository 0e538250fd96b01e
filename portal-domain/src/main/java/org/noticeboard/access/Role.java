package org.noticeboard.access;

/** Roles are granted per organisation or per department (see {@link Grant}); some only per organisation. */
public enum Role {
    STAFF("Staff", "Draft posts for the official accounts you may write for, with live policy guidance."),
    APPROVER("Approver", "Review, approve or reject posts, schedule them and answer mentions."),
    ACCOUNT_ADMIN("Account admin", "Register official X accounts, connect them and define their approval workflow."),
    CURATOR("Curator", "Curate stakeholder follow lists and share them with other departments."),
    AUDITOR("Auditor", "Read the audit trail, policy history and compliance reports, and check their integrity."),
    ORG_ADMIN("Organisation admin", "Manage departments, members, role grants and the organisation's policy.");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /**
     * Organisation admins and auditors act on the whole organisation (its members and grants, its audit trail,
     * its policy history, every department's posts), so these roles are granted across it only: one granted for a
     * department would mean more than its scope says. Such a grant is refused, and one stored before that rule
     * confers nothing.
     */
    public boolean organisationWideOnly() {
        return this == ORG_ADMIN || this == AUDITOR;
    }
}
