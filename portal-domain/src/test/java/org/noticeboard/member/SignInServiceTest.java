package org.noticeboard.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class SignInServiceTest {

    static final String ISSUER = "https://idp.example/realms/nhs";

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired SignInService signIn;
    @Autowired MemberService members;

    World.Org org;

    @BeforeEach
    void setUp() {
        org = world.organisation("Sign-in Trust");
    }

    @Test
    void a_first_sign_in_creates_a_member_with_no_roles_and_the_next_finds_them() {
        var first = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-1", "Kim Lee", "kim@x.example", true);
        assertThat(first.roles()).isEmpty();
        assertThat(first.organisationId()).isEqualTo(org.organisation().id());
        var again = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-1", "Kim Lee", "kim@x.example", true);
        assertThat(again.memberId()).isEqualTo(first.memberId());
        var member = caller.as(org.member(Role.ORG_ADMIN), () -> members.get(first.memberId()));
        assertThat(member.signsInWithIdentityProvider()).isTrue();
        assertThat(member.lastSignInAt()).isNotNull();
    }

    @Test
    void a_member_added_by_an_admin_is_joined_by_verified_email_only() {
        long admin = org.member(Role.ORG_ADMIN);
        var added = caller.as(admin, () -> members.create("Rae Khan", "rae.khan@x.example", null));
        caller.run(admin, () -> members.grant(added.id(), Role.STAFF, null));

        var unverified = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-u", "Rae", "rae.khan@x.example", false);
        assertThat(unverified.memberId()).isNotEqualTo(added.id());

        var verified = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-r", "Rae", "RAE.KHAN@x.example", true);
        assertThat(verified.memberId()).isEqualTo(added.id());
        assertThat(verified.roles()).containsExactly(Role.STAFF);
    }

    @Test
    void a_deactivated_member_cannot_sign_in() {
        var first = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-d", "Dee", null, false);
        long admin = org.member(Role.ORG_ADMIN);
        var member = caller.as(admin, () -> members.get(first.memberId()));
        caller.run(admin, () -> members.setActive(member.id(), false, member.version()));
        assertThatThrownBy(() -> signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-d", "Dee", null, false))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void demo_members_are_found_by_sign_in_name_in_any_case() {
        long admin = org.member(Role.ORG_ADMIN);
        var created = caller.as(admin, () -> members.create("Demo Person", null, null, "demo.person." + org.organisation().id()));
        assertThat(signIn.findDemoMember("DEMO.person." + org.organisation().id())).get()
                .extracting(SignedInMember::memberId).isEqualTo(created.id());
        assertThat(signIn.findDemoMember("nobody-at-all")).isEmpty();
    }
}
