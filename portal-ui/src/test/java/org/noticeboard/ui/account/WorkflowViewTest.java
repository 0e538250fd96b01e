package org.noticeboard.ui.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteParameters;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.member.SignInService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.Workflow;
import org.noticeboard.workflow.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;

class WorkflowViewTest extends KaribuTest {

    @Autowired OfficialAccountService accounts;
    @Autowired WorkflowService workflows;
    @Autowired SignInService signInService;

    @Test
    void an_account_admin_adds_a_step_naming_an_approver_and_saves_a_new_version() {
        signIn("ash.accounts");
        long account = accounts.list().stream().filter(a -> a.handle().value().equals("NorthshireNHS")).findFirst().orElseThrow().id();
        UI.getCurrent().navigate(WorkflowView.class, new RouteParameters("accountId", String.valueOf(account)));
        assertThat(_get(Paragraph.class, spec -> spec.withId("workflow-version")).getText()).startsWith("Version 1");

        _click(_get(Button.class, spec -> spec.withId("add-step")));
        @SuppressWarnings("unchecked")
        Select<ApproverKind> kind = _get(Select.class, spec -> spec.withId("step-1-kind"));
        kind.setValue(ApproverKind.MEMBERS);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Long> members = _get(MultiSelectComboBox.class, spec -> spec.withId("step-1-members"));
        _click(_get(Button.class, spec -> spec.withId("save-workflow")));
        assertThat(members.isInvalid()).isTrue();
        assertThat(members.getErrorMessage()).isEqualTo("Step 2 names no approvers.");
        assertThat(workflows.current(account).version()).isEqualTo(1);

        long alex = signInService.findDemoMember("alex.approver").orElseThrow().memberId();
        members.setValue(Set.of(alex));
        @SuppressWarnings("unchecked")
        Select<Quorum> quorum = _get(Select.class, spec -> spec.withId("step-1-quorum"));
        quorum.setValue(Quorum.ALL);
        _click(_get(Button.class, spec -> spec.withId("save-workflow")));

        var saved = workflows.current(account);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.definition().steps()).hasSize(2);
        assertThat(saved.definition().steps().get(1).memberIds()).containsExactly(alex);
        @SuppressWarnings("unchecked")
        Grid<Workflow> versions = _get(Grid.class, spec -> spec.withId("workflow-versions"));
        assertThat(GridKt._get(versions, 0).version()).isEqualTo(2);
    }
}
