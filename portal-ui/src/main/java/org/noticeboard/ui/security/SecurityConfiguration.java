package org.noticeboard.ui.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.util.Arrays;
import org.noticeboard.app.NoticeboardProperties;
import org.noticeboard.member.SignInService;
import org.noticeboard.x.XProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Demo mode signs the seeded members in with a form; live mode through the organisation's
 * OpenID Connect provider. Every route is annotated with who may open it; the domain services
 * check again on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String OIDC_REGISTRATION = "oidc";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, NoticeboardProperties properties, SignInService signIn,
            XProperties x) throws Exception {
        if (x.sandbox().enabled()) {
            // the X sandbox stands in for X: its API and OAuth endpoints answer the portal's server
            // side (no session, bearer tokens and client credentials of its own), and its consent
            // page protects its form with a one-time token
            http.authorizeHttpRequests(requests -> requests.requestMatchers("/x-sandbox/**").permitAll());
            http.csrf(csrf -> csrf.ignoringRequestMatchers("/x-sandbox/**"));
        }
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
            http.oauth2Login(login -> login.userInfoEndpoint(
                    userInfo -> userInfo.oidcUserService(new OidcSignIn(signIn, organisation.strip()))));
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
