package org.noticeboard.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.Grant;
import org.noticeboard.access.Role;
import org.noticeboard.member.Member;
import org.noticeboard.member.MemberService;
import org.noticeboard.member.SignInPolicy;
import org.noticeboard.member.SignInService;
import org.noticeboard.organisation.Tenants;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class InstallationTest {

    static final String FIRST = "first.admin@nhs.example";

    @Autowired Installation installation;
    @Autowired Tenants tenants;
    @Autowired Access access;
    @Autowired MemberService members;
    @Autowired SignInService signIn;
    @Autowired TestCaller caller;

    List<Member> membersOf(String slug) {
        long organisation = tenants.findBySlug(slug).orElseThrow().id();
        return access.asSystem(organisation, "test", members::list);
    }

    static List<Role> roles(Member member) {
        return member.grants().stream().map(Grant::role).toList();
    }

    @Test
    void the_first_admin_is_seeded_once_and_a_restart_does_not_make_them_admin_again() {
        String slug = "inst-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(installation.ensureOrganisation(slug, "Installed Trust", FIRST)).isTrue();
        Member first = membersOf(slug).getFirst();
        assertThat(roles(first)).containsExactly(Role.ORG_ADMIN);

        // the first admin hands the role on, and the new admin takes it from them
        long second = caller.as(first.id(), () -> members.create("Second Admin", "second@nhs.example", null)).id();
        caller.run(first.id(), () -> members.grant(second, Role.ORG_ADMIN, null));
        caller.run(second, () -> members.revoke(first.grants().getFirst().id()));

        // a restart with the same setting grants nothing
        assertThat(installation.ensureOrganisation(slug, "Installed Trust", FIRST)).isFalse();
        assertThat(roles(caller.as(second, () -> members.get(first.id())))).isEmpty();

        // nor when the former admin's address changed meanwhile: no new admin with the configured address appears
        var former = caller.as(second, () -> members.get(first.id()));
        caller.run(second, () -> members.update(first.id(), former.displayName(), "moved@nhs.example", null,
                former.version()));
        assertThat(installation.ensureOrganisation(slug, "Installed Trust", FIRST)).isFalse();
        assertThat(membersOf(slug)).extracting(Member::email).containsExactlyInAnyOrder("moved@nhs.example",
                "second@nhs.example");
        assertThat(membersOf(slug).stream().filter(m -> roles(m).contains(Role.ORG_ADMIN)))
                .extracting(Member::id).containsExactly(second);
    }

    @Test
    void an_organisation_that_never_had_an_admin_gets_its_first_one_even_when_people_signed_in_before() {
        String slug = "inst-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(installation.ensureOrganisation(slug, "Early Trust", null)).isTrue();
        var early = signIn.identityProviderSignIn(slug, "https://idp.example", "sub-early", "Early Bird", FIRST, true,
                List.of(), SignInPolicy.open());
        assertThat(early.roles()).isEmpty();

        assertThat(installation.ensureOrganisation(slug, "Early Trust", FIRST)).isTrue();
        assertThat(membersOf(slug)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(early.memberId());
            assertThat(roles(m)).containsExactly(Role.ORG_ADMIN);
        });
        assertThat(installation.ensureOrganisation(slug, "Early Trust", FIRST)).isFalse();
    }
}
