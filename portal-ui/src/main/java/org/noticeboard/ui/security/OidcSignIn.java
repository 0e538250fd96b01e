package org.noticeboard.ui.security;

import org.noticeboard.access.NotPermittedException;
import org.noticeboard.member.SignInService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Live mode: after the identity provider has authenticated someone, find (or on first sign-in
 * create, with no roles) the member it names, in the configured organisation.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final SignInService signIn;
    private final String organisation;

    OidcSignIn(SignInService signIn, String organisation) {
        this.signIn = signIn;
        this.organisation = organisation;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        try {
            var member = signIn.identityProviderSignIn(organisation, user.getIssuer().toString(), user.getSubject(),
                    user.getFullName(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()));
            return new OidcMember(member, user.getIdToken(), user.getUserInfo());
        } catch (NotPermittedException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null), e.getMessage());
        }
    }
}
