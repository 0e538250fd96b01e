package org.noticeboard.ui.security;

import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.member.SignInService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a demo member in the security context, as a successful form sign-in does. */
@TestComponent
public class TestSignIn {

    private final DemoSignIn demoSignIn;

    public TestSignIn(SignInService signIn, NoticeboardProperties properties) {
        this.demoSignIn = new DemoSignIn(signIn, properties);
    }

    public void signIn(String username) {
        var user = demoSignIn.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
