package org.noticeboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.noticeboard.NoticeboardApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings the portal refuses to start with, and the ones it accepts. Most cases ask
 * {@link SafeStart} directly; the real starts show that the refusal comes from the check itself,
 * before the database or the web server (the data directory stays empty, the database address
 * leads nowhere), and that the console says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class SafeStartTest {

    /** Nothing listens on port 1: reaching for this database would fail with a connection error, not a refusal. */
    static final String EXTERNAL = "jdbc:postgresql://127.0.0.1:1/noticeboard";

    @TempDir Path dataDir;

    // ------------------------------------------------------------------ (a) demo mode on an external database

    @Test
    void demo_mode_on_an_external_database_is_refused_naming_the_allow_setting_and_its_environment_variable() {
        var refusals = SafeStart.refusals(environment("noticeboard.database.url", EXTERNAL));

        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.description()).contains("Demo mode", "NOTICEBOARD_DATABASE_URL");
            assertThat(refusal.action()).contains("noticeboard.demo.allow-external-database=true",
                    "NOTICEBOARD_DEMO_ALLOW_EXTERNAL_DATABASE=true", "NOTICEBOARD_MODE=live");
        });
    }

    @Test
    void demo_mode_on_an_external_database_is_refused_even_with_seeding_off_because_demo_sign_in_and_the_sandbox_still_use_it() {
        assertThat(SafeStart.refusals(environment("noticeboard.database.url", EXTERNAL, "noticeboard.demo.seed", "false")))
                .hasSize(1);
    }

    @Test
    void demo_mode_on_an_external_database_starts_when_allowed_and_on_the_embedded_database_without_asking() {
        assertThat(SafeStart.refusals(environment("noticeboard.database.url", EXTERNAL,
                "noticeboard.demo.allow-external-database", "true"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.database.url", " "))).isEmpty();
        assertThat(SafeStart.refusals(environment())).isEmpty();
    }

    @Test
    void the_allow_setting_is_read_from_its_environment_variable() {
        var environment = environment("noticeboard.database.url", EXTERNAL);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("NOTICEBOARD_DEMO_ALLOW_EXTERNAL_DATABASE", "true")));

        assertThat(SafeStart.refusals(environment)).isEmpty();
    }

    @Test
    void a_real_start_in_demo_mode_on_an_external_database_fails_in_the_check_and_the_console_says_what_to_set(
            CapturedOutput output) {
        assertThatThrownBy(() -> start("noticeboard.database.url=" + EXTERNAL))
                .isInstanceOf(UnsafeSettingsException.class)
                .hasMessageContaining("NOTICEBOARD_DEMO_ALLOW_EXTERNAL_DATABASE=true")
                // thrown by the environment post-processor: before the context, the database and the web server
                .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()))
                        .anyMatch(frame -> frame.getClassName().equals(SafeStart.class.getName())
                                && frame.getMethodName().equals("postProcessEnvironment")));
        assertThat(output).contains("APPLICATION FAILED TO START", "Description:", "Action:",
                "noticeboard.demo.allow-external-database=true (NOTICEBOARD_DEMO_ALLOW_EXTERNAL_DATABASE=true)");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void a_real_start_in_demo_mode_on_an_external_database_with_the_allow_setting_gets_past_the_check() {
        // it goes on to the database, which is not there: any failure but a refusal shows the check let it through
        assertThatThrownBy(() -> start("noticeboard.database.url=" + EXTERNAL,
                "noticeboard.demo.allow-external-database=true", "spring.main.web-application-type=none"))
                .isNotInstanceOf(UnsafeSettingsException.class)
                .satisfies(e -> assertThat(causes(e)).noneMatch(UnsafeSettingsException.class::isInstance));
    }

    @Test
    void settings_added_after_the_environment_was_prepared_are_checked_before_any_bean_is_made() {
        // as a test's @DynamicPropertySource or an initializer adds them: the environment post-processor never saw them
        var application = new SpringApplicationBuilder(NoticeboardApplication.class)
                .properties("noticeboard.data-dir=" + dataDir, "server.port=0")
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("late", Map.of("noticeboard.mode", "live"))));

        assertThatThrownBy(application::run)
                .satisfies(e -> assertThat(causes(e)).anySatisfy(cause -> assertThat(cause)
                        .isInstanceOf(UnsafeSettingsException.class)
                        .hasMessageContaining("SERVER_FORWARD_HEADERS_STRATEGY=native")));
        // live mode without a database URL would have started the embedded PostgreSQL in here
        assertThat(dataDir).isEmptyDirectory();
    }

    // ------------------------------------------------------------------ (b) the X sandbox in live mode

    @Test
    void the_x_sandbox_in_live_mode_is_refused_naming_the_setting_and_its_environment_variable() {
        var refusals = SafeStart.refusals(environment("noticeboard.mode", "live", "noticeboard.x.sandbox.enabled", "true",
                "server.forward-headers-strategy", "native"));

        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.description()).contains("noticeboard.x.sandbox.enabled=true",
                    "NOTICEBOARD_X_SANDBOX_ENABLED=true");
            assertThat(refusal.action()).contains("NOTICEBOARD_X_SANDBOX_ENABLED");
        });
    }

    @Test
    void live_mode_without_the_sandbox_and_demo_mode_with_it_pass() {
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "noticeboard.x.sandbox.enabled", "false",
                "server.forward-headers-strategy", "native"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.x.sandbox.enabled", "true"))).isEmpty();
    }

    @Test
    void a_real_start_in_live_mode_with_the_sandbox_fails_in_the_check(CapturedOutput output) {
        assertThatThrownBy(() -> start("noticeboard.mode=LIVE", "noticeboard.x.sandbox.enabled=true",
                "server.forward-headers-strategy=native"))
                .isInstanceOf(UnsafeSettingsException.class)
                .hasMessageContaining("NOTICEBOARD_X_SANDBOX_ENABLED=true")
                .hasMessageNotContaining("SERVER_FORWARD_HEADERS_STRATEGY");
        assertThat(output).contains("Description:", "NOTICEBOARD_X_SANDBOX_ENABLED");
        assertThat(dataDir).isEmptyDirectory();
    }

    // ------------------------------------------------------------------ (c) live mode without HTTPS

    @Test
    void live_mode_without_https_or_forwarded_headers_is_refused_naming_both_ways_out() {
        var refusals = SafeStart.refusals(environment("noticeboard.mode", "live"));

        assertThat(refusals).singleElement().satisfies(refusal -> assertThat(refusal.action()).contains(
                "server.forward-headers-strategy=native (SERVER_FORWARD_HEADERS_STRATEGY=native)", "X-Forwarded-Proto",
                "SERVER_SSL_BUNDLE", "SERVER_SSL_KEY_STORE", "SERVER_SSL_ENABLED=true"));
    }

    @Test
    void the_web_defaults_forwarded_headers_do_not_count_in_live_mode_only_the_operators_own_setting_does() {
        var environment = environment("noticeboard.mode", "live");
        new WebDefaults().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");

        assertThat(SafeStart.refusals(environment)).hasSize(1);
    }

    @Test
    void live_mode_passes_behind_a_proxy_or_with_its_own_tls_and_fails_with_tls_switched_off() {
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.forward-headers-strategy", "NATIVE")))
                .isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.forward-headers-strategy",
                "framework"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.forward-headers-strategy", "none")))
                .hasSize(1);
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.ssl.enabled", "true"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.ssl.bundle", "portal"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.ssl.key-store",
                "file:/etc/noticeboard/keystore.p12"))).isEmpty();
        assertThat(SafeStart.refusals(environment("noticeboard.mode", "live", "server.ssl.key-store",
                "file:/etc/noticeboard/keystore.p12", "server.ssl.enabled", "false"))).hasSize(1);
    }

    @Test
    void the_forwarded_headers_setting_is_read_from_its_environment_variable() {
        var environment = environment("noticeboard.mode", "live");
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "native")));

        assertThat(SafeStart.refusals(environment)).isEmpty();
    }

    @Test
    void a_real_start_in_live_mode_on_plain_http_fails_in_the_check_and_the_console_says_what_to_set(
            CapturedOutput output) {
        assertThatThrownBy(() -> start("noticeboard.mode=live"))
                .isInstanceOf(UnsafeSettingsException.class)
                .hasMessageContaining("SERVER_FORWARD_HEADERS_STRATEGY=native");
        assertThat(output).contains("Description:", "Action:",
                "server.forward-headers-strategy=native (SERVER_FORWARD_HEADERS_STRATEGY=native)");
        // the embedded PostgreSQL would have made pgdata here
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void every_refusal_is_named_at_once_so_one_restart_fixes_them_all() {
        var environment = environment("noticeboard.mode", "live", "noticeboard.x.sandbox.enabled", "true");

        assertThat(SafeStart.refusals(environment)).hasSize(2);
        assertThatThrownBy(() -> SafeStart.verify(environment)).isInstanceOf(UnsafeSettingsException.class)
                .hasMessageContaining("NOTICEBOARD_X_SANDBOX_ENABLED").hasMessageContaining("SERVER_FORWARD_HEADERS_STRATEGY");
    }

    // ------------------------------------------------------------------ helpers

    private void start(String... properties) throws Exception {
        var all = new java.util.ArrayList<>(List.of(properties));
        all.add("noticeboard.data-dir=" + dataDir);
        all.add("server.port=0");
        try (var context = new SpringApplicationBuilder(NoticeboardApplication.class)
                .properties(all.toArray(String[]::new)).run()) {
            throw new AssertionError("The portal started: " + context);
        } finally {
            assertThat(Files.exists(dataDir)).isTrue();
        }
    }

    private static List<Throwable> causes(Throwable e) {
        var causes = new java.util.ArrayList<Throwable>();
        for (Throwable t = e; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    private static StandardEnvironment environment(String... pairs) {
        var environment = new StandardEnvironment();
        // the machine's own environment variables must not decide these cases
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", map));
        return environment;
    }
}
