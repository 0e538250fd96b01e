package org.noticeboard.ui.security;

import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.member.SignInService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Demo and training mode: the seeded members sign in with their sign-in name and the one demo
 * password shown on the sign-in page. Not registered in live mode. The sign-in itself is recorded by
 * {@link SignInAudit}.
 */
class DemoSignIn implements UserDetailsService {

    private final SignInService signIn;
    private final NoticeboardProperties properties;

    DemoSignIn(SignInService signIn, NoticeboardProperties properties) {
        this.signIn = signIn;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return signIn.findDemoMember(username)
                .map(member -> new DemoMemberUser(username.strip(), "{noop}" + properties.demo().password(), member))
                .orElseThrow(() -> new UsernameNotFoundException("No active demo member is called " + username));
    }
}
