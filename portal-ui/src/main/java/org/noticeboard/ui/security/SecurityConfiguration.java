package org.noticeboard.ui.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.util.Arrays;
import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.member.SignInService;
import org.noticeboard.x.XProperties;
import org.noticeboard.access.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Demo mode signs the seeded members in with a form; live mode through the organisation's
 * OpenID Connect provider. Every route is annotated with who may open it; the domain services
 * check again on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String OIDC_REGISTRATION = "oidc";

    /**
     * What pages may load and do. Vaadin Flow's client needs inline bootstrap scripts, runs the
     * server's {@code executeJs} through {@code new Function}, and its components set inline
     * styles: hence {@code 'unsafe-inline'} and {@code 'unsafe-eval'}, as Vaadin documents; the
     * rest is locked to the portal's own origin. No framing by other sites (clickjacking), no
     * plugins, no form posting elsewhere, no {@code <base>} rewriting.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Actuator, ahead of Vaadin's chain: the health probes answer anyone (the load balancer and the
     * orchestrator do not sign in; without details they say only UP or DOWN), everything else
     * (metrics, Prometheus, info) only an organisation admin's session. A caller not signed in is
     * answered 401, not sent to the sign-in page, since no operator's tool can follow it there.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(Role.ORG_ADMIN.name()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                // read-only endpoints; no session is begun for a probe
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /** Records sign-ins, refused sign-ins and sign-outs in the audit trail. */
    @Bean
    SignInAudit signInAudit(SignInService signIn, NoticeboardProperties properties) {
        String organisation = properties.oidc().organisation();
        return new SignInAudit(signIn, properties.demoMode() || organisation == null || organisation.isBlank()
                ? null : organisation.strip());
    }

    /**
     * Spring Security's event publisher, which also publishes a failure event for refusals it has no
     * event class of its own for (OpenID Connect's), so that every refused sign-in is recorded.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, NoticeboardProperties properties, SignInService signIn,
            XProperties x, SignInAudit signInAudit) throws Exception {
        if (x.sandbox().enabled()) {
            // the X sandbox stands in for X: its API and OAuth endpoints answer the portal's server
            // side (no session, bearer tokens and client credentials of its own), and its consent
            // page protects its form with a one-time token
            http.authorizeHttpRequests(requests -> requests.requestMatchers("/x-sandbox/**").permitAll());
            http.csrf(csrf -> csrf.ignoringRequestMatchers("/x-sandbox/**"));
        }
        // Spring Security's defaults stay (no caching of pages, nosniff, HSTS on secure requests,
        // a new session id at sign-in); to them: the content security policy, no framing, a
        // year of HSTS including subdomains, and no full URLs leaking to other sites in Referer
        http.headers(headers -> headers
                // written when the request starts, not when the response is committed: Vaadin's
                // page responses would otherwise go out without them
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        // a sign-out is recorded while the member is still known (Vaadin's logout runs these handlers too)
        http.logout(logout -> logout.addLogoutHandler(signInAudit));
        // "Connect to X" and X's answer: signed-in members only; the domain checks the role
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/x/connect/**", "/x/callback").authenticated());
        if (properties.demoMode()) {
            http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout"));
        } else {
            String organisation = properties.oidc().organisation();
            if (organisation == null || organisation.isBlank()) {
                throw new IllegalStateException("Live mode needs noticeboard.oidc.organisation (NOTICEBOARD_OIDC_ORGANISATION): "
                        + "the short name of the organisation whose members sign in here");
            }
            var rules = properties.signIn();
            http.oauth2Login(login -> login
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcSignIn(signIn, organisation.strip(),
                            rules.policy(), rules.groupClaim())))
                    // a person refused is told why on a page of its own (the reason is kept in their session)
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler("/sign-in-refused")));
            http.with(vaadin(), vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + OIDC_REGISTRATION, "{baseUrl}"));
        }
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "noticeboard.mode", havingValue = "demo", matchIfMissing = true)
    DemoSignIn demoSignIn(SignInService signIn, NoticeboardProperties properties) {
        return new DemoSignIn(signIn, properties);
    }

    @Bean
    @ConditionalOnProperty(name = "noticeboard.mode", havingValue = "live")
    ClientRegistrationRepository clientRegistrations(NoticeboardProperties properties) {
        var oidc = properties.oidc();
        if (oidc.issuerUri() == null || oidc.clientId() == null) {
            throw new IllegalStateException("Live mode needs noticeboard.oidc.issuer-uri and noticeboard.oidc.client-id "
                    + "(NOTICEBOARD_OIDC_ISSUER_URI, NOTICEBOARD_OIDC_CLIENT_ID)");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(OIDC_REGISTRATION)
                .clientName("Your organisation's sign-in")
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(Arrays.stream(oidc.scopes().split(",")).map(String::strip).toList())
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
