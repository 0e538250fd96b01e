package org.noticeboard.workflow;

/** When a step applies: always, or only to posts with an overridden warning or naming a politician before an election. */
public enum StepCondition {
    ALWAYS("Always"),
    WARNING_OVERRIDDEN("Only when a policy warning was overridden"),
    POLITICAL_PRE_ELECTION("Only when the post names a political stakeholder in a pre-election period");

    private final String label;

    StepCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
