package org.noticeboard.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.noticeboard.member.MemberService;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.account.OfficialAccountsView;
import org.noticeboard.ui.audit.AuditTrailView;
import org.noticeboard.ui.department.DepartmentsView;
import org.noticeboard.ui.member.MembersView;
import org.springframework.beans.factory.annotation.Autowired;

class ShellTest extends KaribuTest {

    @Autowired MemberService members;

    // demo mode: X is the sandbox, so everyone also sees its timeline
    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = ';', value = {
            "olu.admin;Home|Notifications|Departments|Members and roles|Reply templates|Campaigns|Guidance|Stakeholders|Follow lists|Impact|Policy|Audit trail|Compliance report|Policy history|Pre-election periods|Sandbox timeline",
            "sam.staff;Home|Notifications|New post|Inbox|My posts|Calendar|Campaigns|Guidance|Stakeholders|Follow lists|Sandbox timeline",
            "alex.approver;Home|Notifications|New post|Inbox|Review queue|My posts|Calendar|Reply templates|Campaigns|Guidance|Stakeholders|Follow lists|Impact|Sandbox timeline",
            "ash.accounts;Home|Notifications|Official accounts|Sync requests|Guidance|Stakeholders|Follow lists|Impact|Sandbox timeline",
            "cara.curator;Home|Notifications|New post|Inbox|My posts|Calendar|Campaigns|Guidance|Stakeholders|Follow lists|Sandbox timeline",
            "pia.curator;Home|Notifications|Guidance|Stakeholders|Follow lists|Sandbox timeline",
            "aud.auditor;Home|Notifications|Guidance|Stakeholders|Follow lists|Policy|Audit trail|Post dossiers|Compliance report|Policy history|Pre-election periods|Sandbox timeline"})
    void the_menu_shows_only_what_the_members_roles_allow(String username, String expected) {
        signIn(username);
        UI.getCurrent().navigate(HomeView.class);
        var items = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(items).containsExactlyElementsOf(List.of(expected.split("\\|")));
    }

    @Test
    void the_shell_shows_the_member_the_organisation_and_sign_out() {
        signIn("sam.staff");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(Span.class, spec -> spec.withId("shell-organisation")).getText())
                .isEqualTo("Northshire Community Health NHS Trust");
        assertThat(_get(Span.class, spec -> spec.withId("shell-member")).getElement().getTextRecursively())
                .contains("Sam Patel");
        _assertOne(Button.class, spec -> spec.withId("sign-out"));
    }

    @Test
    void the_home_page_says_what_the_roles_allow() {
        signIn("olu.admin");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("home-roles")).getElement().getTextRecursively())
                .contains("Organisation admin (across the organisation)", "Manage departments, members");
        assertThat(_get(Paragraph.class, spec -> spec.withId("home-where")).getText())
                .isEqualTo("You are signed in to Northshire Community Health NHS Trust, Communications.");
    }

    @Test
    void a_member_with_no_roles_is_told_whom_to_ask() {
        signIn("olu.admin");
        var created = members.create("Nora Role", null, null, "nora.role");
        signIn("nora.role");
        UI.getCurrent().navigate(HomeView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("home-no-roles")).getText())
                .contains("Ask your organisation admin");
        assertThat(created.grants()).isEmpty();
    }

    @ParameterizedTest(name = "{0} cannot open {1}")
    @CsvSource({
            "sam.staff,departments", "sam.staff,members", "sam.staff,accounts", "sam.staff,audit",
            "ash.accounts,members", "aud.auditor,accounts", "aud.auditor,departments", "olu.admin,accounts",
            "sam.staff,policy", "ash.accounts,compose", "aud.auditor,posts", "sam.staff,review",
            "sam.staff,stakeholders/import", "aud.auditor,stakeholders/import", "sam.staff,impact", "aud.auditor,impact",
            "pia.curator,impact", "aud.auditor,campaigns", "ash.accounts,campaigns", "ash.accounts,tweet-chats",
            "sam.staff,compliance", "alex.approver,dossiers", "olu.admin,dossiers", "sam.staff,policy-history",
            "ash.accounts,pre-election-periods"})
    void a_route_beyond_the_members_roles_is_refused(String username, String route) {
        signIn(username);
        assertThatThrownBy(() -> UI.getCurrent().navigate(route)).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void routes_open_for_their_roles() {
        signIn("olu.admin");
        UI.getCurrent().navigate(DepartmentsView.class);
        _assertOne(DepartmentsView.class);
        UI.getCurrent().navigate(MembersView.class);
        _assertOne(MembersView.class);
        UI.getCurrent().navigate(AuditTrailView.class);
        _assertOne(AuditTrailView.class);
        signIn("ash.accounts");
        UI.getCurrent().navigate(OfficialAccountsView.class);
        _assertOne(OfficialAccountsView.class);
    }

    @Test
    void an_ended_session_is_explained_in_plain_words() {
        var messages = VaadinSetup.systemMessages();
        assertThat(messages.getSessionExpiredCaption()).isEqualTo("Your session has ended");
        assertThat(messages.getSessionExpiredMessage()).contains("Anything you saved is kept");
        assertThat(messages.getSessionExpiredURL()).isEqualTo("login?expired");
        assertThat(messages.isSessionExpiredNotificationEnabled()).isTrue();
    }
}
