package org.noticeboard.workflow;

import java.util.List;

/**
 * The steps in order, and whether replies made from a pre-approved template need only the
 * first step.
 */
public record WorkflowDefinition(List<WorkflowStep> steps, boolean templateRepliesSingleStep) {

    public WorkflowDefinition {
        steps = List.copyOf(steps);
    }

    public static WorkflowDefinition standard() {
        return new WorkflowDefinition(List.of(WorkflowStep.anyApprover("Communications team")), false);
    }
}
