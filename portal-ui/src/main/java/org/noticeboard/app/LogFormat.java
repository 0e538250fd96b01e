package org.noticeboard.app;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code NOTICEBOARD_LOG_FORMAT=json} ({@code noticeboard.log-format}) writes the console log as
 * one JSON object a line, in Elastic Common Schema, for a log collector; {@code logstash} and
 * {@code gelf} choose those formats instead; anything else, or nothing, keeps the readable lines.
 * Done before logging starts (environment post-processors run first), and an explicit
 * {@code logging.structured.format.console} still wins.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String SETTING = "noticeboard.log-format";
    static final String CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structuredFormat(environment.getProperty(SETTING, ""));
        if (format != null && !environment.containsProperty(CONSOLE_FORMAT)) {
            environment.getPropertySources().addLast(new MapPropertySource("noticeboard-log-format",
                    Map.of(CONSOLE_FORMAT, format)));
        }
    }

    /** Spring Boot's structured format for the setting, or null for plain lines. */
    static @Nullable String structuredFormat(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> null;
        };
    }
}
