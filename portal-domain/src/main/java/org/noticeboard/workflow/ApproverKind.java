package org.noticeboard.workflow;

/** How a step names its approvers. */
public enum ApproverKind {
    /** everyone holding a role for the account (its department or the whole organisation) */
    ROLE,
    /** the account's approvers who belong to one department */
    DEPARTMENT,
    /** named members */
    MEMBERS
}
