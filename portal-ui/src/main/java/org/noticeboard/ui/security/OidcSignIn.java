package org.noticeboard.ui.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.member.SignInPolicy;
import org.noticeboard.member.SignInService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Live mode: after the identity provider has authenticated someone, find (or on first sign-in
 * create, with no roles) the member it names, in the configured organisation. Who may become a
 * member at all is the installation's {@link SignInPolicy}; a person it refuses is sent to the
 * {@link SignInRefusedView} with the reason, and no member is made.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refused sign-in whose description is ours, in words for the person refused. */
    static final String REFUSED = "sign_in_refused";

    private final OidcUserService delegate = new OidcUserService();
    private final SignInService signIn;
    private final String organisation;
    private final SignInPolicy policy;
    private final String groupClaim;

    OidcSignIn(SignInService signIn, String organisation, SignInPolicy policy, String groupClaim) {
        this.signIn = signIn;
        this.organisation = organisation;
        this.policy = policy;
        this.groupClaim = groupClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return member(delegate.loadUser(request));
    }

    /** The member the identity provider's user is, or a refusal carrying the reason. */
    OidcUser member(OidcUser user) {
        try {
            var member = signIn.identityProviderSignIn(organisation, user.getIssuer().toString(), user.getSubject(),
                    user.getFullName(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()), groups(user), policy);
            return new OidcMember(member, user.getIdToken(), user.getUserInfo());
        } catch (NotPermittedException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null), e.getMessage());
        }
    }

    /** The groups the claim lists: a JSON array (Keycloak, Entra ID) or one string of names. */
    Collection<String> groups(OidcUser user) {
        Object claim = user.getClaims().get(groupClaim);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(String::strip).toList();
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[,\\s]+")).filter(v -> !v.isBlank()).toList();
        }
        return List.of();
    }
}
