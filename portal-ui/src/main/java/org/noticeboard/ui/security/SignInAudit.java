package org.noticeboard.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.noticeboard.member.SignInService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts sign-ins, refused sign-ins and sign-outs in the audit trail, with the address the request came
 * from (behind a proxy, the proxy's unless forwarded headers are trusted: server.forward-headers-strategy).
 * Spring Security publishes an event for every authentication the sign-in form or OpenID Connect
 * attempts; sign-outs arrive as a logout handler, which runs while the member is still known.
 * A refused sign-in goes to the organisation of the member whose name was tried, or in live mode to
 * the organisation that signs in here; a name nobody has in demo mode belongs to no organisation and
 * is counted for the installation ({@link SignInService#signInFailed}).
 */
class SignInAudit implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final SignInService signIn;
    private final @Nullable String liveOrganisation;

    SignInAudit(SignInService signIn, @Nullable String liveOrganisation) {
        this.signIn = signIn;
        this.liveOrganisation = liveOrganisation;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MemberPrincipal member) {
            String how = member instanceof OidcMember ? "the organisation's sign-in (OpenID Connect)" : "the sign-in form";
            signIn.signedIn(member.memberId(), how, source(event.getAuthentication()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt instanceof OAuth2LoginAuthenticationToken ? null : attempt.getName();
        String reason = event.getException() instanceof OAuth2AuthenticationException oauth
                ? "the organisation's sign-in refused it (" + oauth.getError().getErrorCode() + ")"
                : switch (event.getException().getClass().getSimpleName()) {
                    case "BadCredentialsException" -> "wrong name or password";
                    case "DisabledException", "LockedException", "AccountExpiredException" -> "the account is not active";
                    default -> event.getException().getClass().getSimpleName();
                };
        try {
            signIn.signInFailed(username, liveOrganisation, source(attempt), reason);
        } catch (RuntimeException e) {
            // the refusal stands whether or not it could be recorded
            log.warn("Could not record a refused sign-in: {}", e.getMessage());
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
            try {
                signIn.signedOut(member.memberId(), request.getRemoteAddr());
            } catch (RuntimeException e) {
                log.warn("Could not record a sign-out: {}", e.getMessage());
            }
        }
    }

    /** The address of the request that signs in: from the authentication's details, else the current request. */
    private static @Nullable String source(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
