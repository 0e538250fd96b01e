package org.noticeboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditService;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.SignInService;
import org.noticeboard.member.SignedInMember;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class DemoDataTest {

    @Autowired DemoData demo;
    @Autowired SignInService signIn;
    @Autowired TestCaller caller;
    @Autowired DepartmentService departments;
    @Autowired OfficialAccountService accounts;
    @Autowired AuditService audit;

    @Test
    void the_demo_is_seeded_once_with_every_role_and_an_intact_audit_trail() {
        demo.seedIfAbsent();
        assertThat(demo.seedIfAbsent()).isFalse();

        var roles = EnumSet.noneOf(Role.class);
        for (var user : DemoData.USERS) {
            SignedInMember member = signIn.findDemoMember(user.username()).orElseThrow();
            assertThat(member.roles()).containsExactlyInAnyOrderElementsOf(user.roles());
            roles.addAll(member.roles());
        }
        assertThat(roles).containsExactlyInAnyOrder(Role.values());

        long admin = signIn.findDemoMember("olu.admin").orElseThrow().memberId();
        assertThat(caller.as(admin, departments::list)).extracting(Department::name)
                .contains("Physiotherapy", "Communications", "Older People's Rehabilitation");
        assertThat(caller.as(admin, accounts::list)).hasSize(3);
        assertThat(caller.as(admin, audit::verify).intact()).isTrue();

        long otherAdmin = signIn.findDemoMember("val.admin").orElseThrow().memberId();
        assertThat(caller.as(otherAdmin, accounts::list)).extracting(a -> a.handle().value()).containsExactly("ValleyHealth");
    }
}
