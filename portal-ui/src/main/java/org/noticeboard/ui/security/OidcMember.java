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

    private final long memberId;
    private final long organisationId;
    private final String displayName;

    OidcMember(SignedInMember member, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(Authorities.of(member.roles()), idToken, userInfo);
        this.memberId = member.memberId();
        this.organisationId = member.organisationId();
        this.displayName = member.displayName();
    }

    @Override
    public long memberId() {
        return memberId;
    }

    @Override
    public long organisationId() {
        return organisationId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String getName() {
        return displayName;
    }
}
