package org.noticeboard.ui.security;

import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.member.SignInService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Demo and training mode: the seeded members sign in with their sign-in name and the one demo
 * password shown on the sign-in page. Not registered in live mode.
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

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof DemoMemberUser user) {
            signIn.recordDemoSignIn(user.memberId());
        }
    }
}
