package org.noticeboard.app;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The web server's safe defaults, in code so no properties file can drop them (any setting given
 * anywhere still wins: this is the last property source):
 * <ul>
 * <li>{@code X-Forwarded-*} from a proxy on a private network is believed (Tomcat's RemoteIpValve
 *     trusts only private addresses), so behind a TLS-terminating proxy requests are secure: the
 *     session cookie gets {@code Secure} and HSTS is sent;</li>
 * <li>the session cookie is {@code HttpOnly} and {@code SameSite=Lax}: not sent with cross-site
 *     sub-requests or form posts, still sent when X or the identity provider redirects back.</li>
 * </ul>
 */
public class WebDefaults implements EnvironmentPostProcessor {

    /** The name of these defaults' property source; {@link SafeStart} looks past it. */
    static final String SOURCE = "noticeboard-web-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "server.forward-headers-strategy", "native",
                "server.servlet.session.cookie.http-only", "true",
                "server.servlet.session.cookie.same-site", "lax")));
        // X-Frame-Options DENY comes from Spring Security (SecurityConfiguration), before Vaadin looks:
        // Vaadin then leaves the header alone, and warned on every page load when vaadin.frameOptions was set too
    }
}
