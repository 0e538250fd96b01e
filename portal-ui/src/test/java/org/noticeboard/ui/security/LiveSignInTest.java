package org.noticeboard.ui.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.member.MemberService;
import org.noticeboard.member.SignInPolicy;
import org.noticeboard.member.SignInService;
import org.noticeboard.organisation.Tenants;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.WebAttributes;

/**
 * Live mode's sign-in restricted to the organisation's people: what the identity provider says about a person
 * (verified e-mail address, groups) decides whether a first sign-in makes them a member; one refused is shown why.
 */
class LiveSignInTest extends KaribuTest {

    @Autowired SignInService signIn;
    @Autowired Tenants tenants;
    @Autowired Access access;
    @Autowired MemberService members;

    String slug = "";
    long organisation;

    @BeforeEach
    void organisation() {
        slug = "live-" + UUID.randomUUID().toString().substring(0, 8);
        organisation = tenants.create(slug, "Live Trust").id();
    }

    static OidcUser person(String subject, String email, boolean verified, Object groups) {
        var token = OidcIdToken.withTokenValue("id-token").issuer("https://login.example.nhs.uk/realms/trust")
                .subject(subject).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claims(c -> c.putAll(Map.of("name", "Person " + subject, "email", email, "email_verified", verified,
                        "roles_and_groups", groups)))
                .build();
        return new DefaultOidcUser(List.of(), token);
    }

    int memberCount() {
        return access.asSystem(organisation, "test", members::list).size();
    }

    @Test
    void a_person_outside_the_allowed_domains_or_group_is_refused_and_no_member_is_made() {
        var rules = new OidcSignIn(signIn, slug, new SignInPolicy(List.of("northshire.nhs.uk"), "noticeboard"),
                "roles_and_groups");

        assertThatThrownBy(() -> rules.member(person("s1", "someone@gmail.example", true, List.of("noticeboard"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(OidcSignIn.REFUSED);
                    assertThat(e.getError().getDescription()).startsWith("Noticeboard is open to e-mail addresses at "
                            + "northshire.nhs.uk only; you signed in as someone@gmail.example.");
                });
        assertThatThrownBy(() -> rules.member(person("s2", "nurse@northshire.nhs.uk", true, List.of("finance"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(e.getError().getDescription())
                        .startsWith("Noticeboard is open to members of the group \"noticeboard\" only"));
        assertThat(memberCount()).isZero();

        // the group may come as one string of names too
        var member = (MemberPrincipal) rules.member(person("s3", "nurse@northshire.nhs.uk", true, "finance noticeboard"));
        assertThat(member.member().roles()).isEmpty();
        assertThat(memberCount()).isEqualTo(1);
    }

    @Test
    void with_no_rules_set_anyone_the_identity_provider_lets_in_becomes_a_member_with_no_role() {
        var open = new OidcSignIn(signIn, slug, SignInPolicy.open(), "groups");
        var member = (MemberPrincipal) open.member(person("s4", "anyone@gmail.example", false, List.of()));
        assertThat(member.member().roles()).isEmpty();
        assertThat(memberCount()).isEqualTo(1);
    }

    @Test
    void the_refused_page_says_why_and_nothing_of_another_failure() {
        var session = VaadinSession.getCurrent().getSession();
        session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new OAuth2AuthenticationException(new OAuth2Error(
                OidcSignIn.REFUSED, "Noticeboard is open to e-mail addresses at northshire.nhs.uk only.", null)));
        UI.getCurrent().navigate(SignInRefusedView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-refused-reason")).getText())
                .isEqualTo("Noticeboard is open to e-mail addresses at northshire.nhs.uk only.");

        newUi();
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response",
                        "stack details of the token endpoint", null)));
        UI.getCurrent().navigate(SignInRefusedView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("sign-in-refused-reason")).getText())
                .isEqualTo(SignInRefusedView.GENERAL);
    }
}
