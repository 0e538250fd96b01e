package org.noticeboard.policy;

/** BLOCK stops submission; WARN needs a written justification; INFO is advice. */
public enum Severity {
    BLOCK,
    WARN,
    INFO
}
