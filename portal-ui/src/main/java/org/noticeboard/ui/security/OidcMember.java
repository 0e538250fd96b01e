package org.noticeboard.ui.security;

import java.io.Serial;
import org.noticeboard.member.SignedInMember;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A live-mode member, signed in through the organisation's OpenID Connect provider. */
final class OidcMember extends DefaultOidcUser implements MemberPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInMember member;

    OidcMember(SignedInMember member, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(Authorities.of(member.roles()), idToken, userInfo);
        this.member = member;
    }

    @Override
    public SignedInMember member() {
        return member;
    }

    @Override
    public String getName() {
        return member.displayName();
    }
}
