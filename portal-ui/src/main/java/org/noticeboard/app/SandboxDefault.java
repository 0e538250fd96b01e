package org.noticeboard.app;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * X is the in-process sandbox in demo mode and the real X in live mode, unless
 * {@code NOTICEBOARD_X_SANDBOX_ENABLED} says otherwise. Added as the last property source, so any
 * setting given anywhere wins; decided here, in code, so no properties file can drop it.
 */
public class SandboxDefault implements EnvironmentPostProcessor {

    static final String ENABLED = "noticeboard.x.sandbox.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("noticeboard.mode", "demo").strip().toLowerCase(Locale.ROOT);
        environment.getPropertySources().addLast(new MapPropertySource("noticeboard-x-sandbox-default",
                Map.of(ENABLED, String.valueOf(!mode.equals("live")))));
    }
}
