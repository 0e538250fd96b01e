package org.noticeboard.workflow;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;

/**
 * One step: its name, who may approve (a role, the approvers of a department, or named
 * members), whether ANY or ALL of them must, and when it applies.
 */
public record WorkflowStep(String name, ApproverKind kind, @Nullable Role role, @Nullable Long departmentId,
        List<Long> memberIds, Quorum quorum, StepCondition condition) {

    public WorkflowStep {
        memberIds = List.copyOf(memberIds);
    }

    public static WorkflowStep anyApprover(String name) {
        return new WorkflowStep(name, ApproverKind.ROLE, Role.APPROVER, null, List.of(), Quorum.ANY, StepCondition.ALWAYS);
    }
}
