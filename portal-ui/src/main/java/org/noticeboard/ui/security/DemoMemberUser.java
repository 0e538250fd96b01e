package org.noticeboard.ui.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.member.SignedInMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A demo-mode member, signed in with the form. */
final class DemoMemberUser implements UserDetails, MemberPrincipal, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private @Nullable String password;
    private final SignedInMember member;
    private final List<GrantedAuthority> authorities;

    DemoMemberUser(String username, String password, SignedInMember member) {
        this.username = username;
        this.password = password;
        this.member = member;
        this.authorities = Authorities.of(member.roles());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public SignedInMember member() {
        return member;
    }

    @Override
    public String toString() {
        return "DemoMemberUser[" + username + ", member " + member.memberId() + "]";
    }
}
