package org.noticeboard.app;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Actuator as operators meet it, in code so no properties file can drop it (a test's
 * {@code application.properties} hides the main one) and any setting given anywhere still wins:
 * <ul>
 * <li>the health probes ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}),
 *     the readiness one waiting for the database and the background scheduler as well;</li>
 * <li>their components and details only for organisation admins: anyone else, the load balancer
 *     included, learns the status and nothing of what the portal is made of;</li>
 * <li>metrics, Prometheus and info exposed over HTTP; SecurityConfiguration lets only
 *     organisation admins read them;</li>
 * <li>an SMTP server that is away affects notification e-mails only, so it does not count
 *     against the portal's health.</li>
 * </ul>
 */
public class OperationsDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("noticeboard-operations-defaults", Map.of(
                "management.endpoints.web.exposure.include", "health,info,metrics,prometheus",
                "management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.show-components", "when-authorized",
                "management.endpoint.health.roles", "ORG_ADMIN",
                "management.endpoint.health.probes.enabled", "true",
                "management.endpoint.health.group.liveness.include", "livenessState",
                "management.endpoint.health.group.readiness.include", "readinessState,db,scheduler",
                "management.health.mail.enabled", "false")));
    }
}
