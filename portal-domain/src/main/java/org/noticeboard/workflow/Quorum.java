package org.noticeboard.workflow;

/** Whether one of a step's approvers is enough, or all of them must approve. */
public enum Quorum {
    ANY,
    ALL
}
