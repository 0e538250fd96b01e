package org.noticeboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code NOTICEBOARD_LOG_FORMAT=json} turns the console log into JSON lines; without it the log
 * stays as readable lines, and Spring Boot's own setting still wins. The line is encoded here by
 * the encoder Spring Boot puts on the console for that setting, in a logger context of its own,
 * so the test JVM's logging is left alone.
 */
class LogFormatTest {

    static MockEnvironment processed(MockEnvironment environment) {
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void json_makes_every_console_line_a_json_object() {
        var environment = processed(new MockEnvironment().withProperty("noticeboard.log-format", "json")
                .withProperty("spring.application.name", "noticeboard"));
        String format = environment.getProperty(LogFormat.CONSOLE_FORMAT);
        assertThat(format).isEqualTo("ecs");

        var context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), environment);
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        var event = new LoggingEvent("test", context.getLogger("org.noticeboard.publish.Publisher"), Level.INFO,
                "Post {} published to @{}", null, new Object[] {42, "NorthshireNHS"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8).strip();

        assertThat(line).startsWith("{").endsWith("}").doesNotContain("\n");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("Post 42 published to @NorthshireNHS");
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asString()).isEqualTo("noticeboard");
    }

    @Test
    void without_the_setting_the_log_stays_readable_lines() {
        assertThat(processed(new MockEnvironment()).getProperty(LogFormat.CONSOLE_FORMAT)).isNull();
        assertThat(processed(new MockEnvironment().withProperty("noticeboard.log-format", "text"))
                .getProperty(LogFormat.CONSOLE_FORMAT)).isNull();
    }

    @Test
    void logstash_is_offered_too_and_spring_boots_own_setting_wins() {
        assertThat(processed(new MockEnvironment().withProperty("noticeboard.log-format", " Logstash "))
                .getProperty(LogFormat.CONSOLE_FORMAT)).isEqualTo("logstash");
        assertThat(processed(new MockEnvironment().withProperty("noticeboard.log-format", "json")
                .withProperty(LogFormat.CONSOLE_FORMAT, "gelf")).getProperty(LogFormat.CONSOLE_FORMAT)).isEqualTo("gelf");
    }

    @Test
    void the_environment_variable_reaches_the_setting() {
        // NOTICEBOARD_LOG_FORMAT, as a container sets it, by Spring's relaxed binding of environment variables
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-environment",
                Map.of("NOTICEBOARD_LOG_FORMAT", "json")));
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(LogFormat.CONSOLE_FORMAT)).isEqualTo("ecs");
    }
}
