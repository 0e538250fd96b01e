package org.noticeboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class WorkflowServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired WorkflowService workflows;
    @Autowired org.noticeboard.department.DepartmentService departments;
    @Autowired org.noticeboard.member.MemberService members;

    World.Org org;
    long accountAdmin;

    @BeforeEach
    void setUp() {
        org = world.organisation("Workflow Trust");
        accountAdmin = org.member(Role.ACCOUNT_ADMIN);
    }

    WorkflowDefinition of(WorkflowStep... steps) {
        return new WorkflowDefinition(List.of(steps), false);
    }

    @Test
    void every_account_starts_with_one_step_and_changes_are_versioned() {
        var first = caller.as(org.member(Role.STAFF), () -> workflows.current(org.account().id()));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.definition()).isEqualTo(WorkflowDefinition.standard());
        var second = caller.as(accountAdmin, () -> workflows.save(org.account().id(), of(WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Named", ApproverKind.MEMBERS, null, null, List.of(org.member(Role.APPROVER)), Quorum.ALL,
                        StepCondition.POLITICAL_PRE_ELECTION)), 1));
        assertThat(second.version()).isEqualTo(2);
        assertThat(caller.as(accountAdmin, () -> workflows.versions(org.account().id()))).extracting(Workflow::version)
                .containsExactly(2, 1);
    }

    @Test
    void bad_workflows_are_refused_with_the_field() {
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("steps"));
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(
                new WorkflowStep("Nobody", ApproverKind.MEMBERS, null, null, List.of(), Quorum.ANY, StepCondition.ALWAYS)), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("steps[0].memberIds"))
                .hasMessage("Step 1 names no approvers.");
        long curator = org.member(Role.CURATOR);
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(
                new WorkflowStep("Wrong person", ApproverKind.MEMBERS, null, null, List.of(curator), Quorum.ANY, StepCondition.ALWAYS)), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo("not_an_approver"))
                .hasMessageContaining("does not hold the Approver role");
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(
                new WorkflowStep("Only sometimes", ApproverKind.ROLE, Role.APPROVER, null, List.of(), Quorum.ANY,
                        StepCondition.WARNING_OVERRIDDEN)), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo("first_step_conditional"));
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(
                new WorkflowStep(" ", ApproverKind.ROLE, Role.APPROVER, null, List.of(), Quorum.ANY, StepCondition.ALWAYS)), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("steps[0].name"));
        assertThat(caller.as(accountAdmin, () -> workflows.current(org.account().id())).version()).isEqualTo(1);
    }

    @Test
    void a_department_whose_approvers_a_workflow_names_cannot_be_deleted() {
        long admin = org.member(Role.ORG_ADMIN);
        var comms = caller.as(admin, () -> departments.create("Comms approvers"));
        long approver = org.member(Role.APPROVER);
        caller.run(admin, () -> {
            var m = members.get(approver);
            members.update(approver, m.displayName(), null, comms.id(), m.version());
        });
        caller.run(accountAdmin, () -> workflows.save(org.account().id(), of(new WorkflowStep("Comms", ApproverKind.DEPARTMENT,
                null, comms.id(), List.of(), Quorum.ANY, StepCondition.ALWAYS)), 1));
        caller.run(admin, () -> {
            var m = members.get(approver);
            members.update(approver, m.displayName(), null, null, m.version());
        });
        var empty = caller.as(admin, () -> departments.get(comms.id()));
        assertThatThrownBy(() -> caller.run(admin, () -> departments.delete(comms.id(), empty.version())))
                .isInstanceOfSatisfying(org.noticeboard.shared.ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo("department_in_workflow"))
                .hasMessageContaining("names the approvers of \"Comms approvers\"");
    }

    @Test
    void only_the_accounts_account_admins_change_it() {
        for (Role role : List.of(Role.STAFF, Role.APPROVER, Role.ORG_ADMIN, Role.AUDITOR)) {
            assertThatThrownBy(() -> caller.run(org.member(role), () -> workflows.save(org.account().id(),
                    of(WorkflowStep.anyApprover("Mine")), 1))).isInstanceOf(NotPermittedException.class);
        }
        var other = world.organisation("Elsewhere");
        assertThatThrownBy(() -> caller.run(other.member(Role.ACCOUNT_ADMIN), () -> workflows.current(org.account().id())))
                .isInstanceOf(NotFoundException.class);
    }
}
