package org.noticeboard.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jspecify.annotations.Nullable;
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
        var first = open("sub-1", "Kim Lee", "kim@x.example", true);
        assertThat(first.roles()).isEmpty();
        assertThat(first.organisationId()).isEqualTo(org.organisation().id());
        var again = open("sub-1", "Kim Lee", "kim@x.example", true);
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

        var unverified = open("sub-u", "Rae", "rae.khan@x.example", false);
        assertThat(unverified.memberId()).isNotEqualTo(added.id());

        var verified = open("sub-r", "Rae", "RAE.KHAN@x.example", true);
        assertThat(verified.memberId()).isEqualTo(added.id());
        assertThat(verified.roles()).containsExactly(Role.STAFF);
    }

    @Test
    void a_deactivated_member_cannot_sign_in() {
        var first = open("sub-d", "Dee", null, false);
        long admin = org.member(Role.ORG_ADMIN);
        var member = caller.as(admin, () -> members.get(first.memberId()));
        caller.run(admin, () -> members.setActive(member.id(), false, member.version()));
        assertThatThrownBy(() -> open("sub-d", "Dee", null, false))
                .isInstanceOf(NotPermittedException.class);
    }

    /** Live mode's sign-in with no restriction on who becomes a member. */
    SignedInMember open(String subject, String name, @Nullable String email, boolean verified) {
        return signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, subject, name, email, verified, List.of(),
                SignInPolicy.open());
    }

    @Test
    void only_the_allowed_email_domains_become_members_and_a_refused_person_leaves_no_member_row() {
        var policy = new SignInPolicy(List.of("nhs.example", "@Trust.example"), null);
        int before = world.memberCount();
        String slug = org.organisation().slug();

        assertThatThrownBy(() -> signIn.identityProviderSignIn(slug, ISSUER, "sub-g", "Gee", "gee@gmail.example", true,
                List.of(), policy))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Noticeboard is open to e-mail addresses at nhs.example, trust.example only; you signed in as "
                        + "gee@gmail.example. Sign in with your work account, or ask your organisation admin.");
        // an address in the domain that the identity provider has not verified proves nothing
        assertThatThrownBy(() -> signIn.identityProviderSignIn(slug, ISSUER, "sub-u", "Uma", "uma@nhs.example", false,
                List.of(), policy))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("verified e-mail address at nhs.example");
        assertThat(world.memberCount()).isEqualTo(before);

        var allowed = signIn.identityProviderSignIn(slug, ISSUER, "sub-a", "Ali", "ali@TRUST.example", true, List.of(), policy);
        assertThat(allowed.roles()).isEmpty();
        assertThat(world.memberCount()).isEqualTo(before + 1);
    }

    @Test
    void only_members_of_the_required_group_become_members() {
        var policy = new SignInPolicy(List.of(), "noticeboard-users");
        int before = world.memberCount();
        String slug = org.organisation().slug();
        assertThatThrownBy(() -> signIn.identityProviderSignIn(slug, ISSUER, "sub-x", "Xi", "xi@nhs.example", true,
                List.of("finance"), policy))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Noticeboard is open to members of the group \"noticeboard-users\" only, and your organisation's "
                        + "sign-in does not list you in it. Ask your IT service desk to add you.");
        assertThat(world.memberCount()).isEqualTo(before);
        assertThat(signIn.identityProviderSignIn(slug, ISSUER, "sub-y", "Yu", "yu@nhs.example", true,
                List.of("finance", "noticeboard-users"), policy).roles()).isEmpty();
        assertThat(world.memberCount()).isEqualTo(before + 1);
    }

    @Test
    void a_member_an_admin_added_ahead_signs_in_whatever_the_policy() {
        long admin = org.member(Role.ORG_ADMIN);
        var added = caller.as(admin, () -> members.create("Consultant", "consultant@partner.example", null));
        var policy = new SignInPolicy(List.of("nhs.example"), "noticeboard-users");
        var member = signIn.identityProviderSignIn(org.organisation().slug(), ISSUER, "sub-c", "Consultant",
                "consultant@partner.example", true, List.of(), policy);
        assertThat(member.memberId()).isEqualTo(added.id());
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
