package org.noticeboard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Settings the portal refuses to start with, because they would quietly do harm:
 * <ul>
 * <li>demo mode on an external database: the demo would seed its organisations and demo members
 *     (who sign in with one shared password) into what may be a real installation's database, and
 *     that database's approved posts would be "published" to the sandbox instead of X;</li>
 * <li>the X sandbox in live mode: the organisation's posts would go to the in-process sandbox, not to X;</li>
 * <li>live mode with neither HTTPS nor a TLS-terminating proxy's forwarded headers: sessions would
 *     travel in clear text and the session cookie would not be marked {@code Secure}.</li>
 * </ul>
 * Checked as an environment post-processor, before the application context, the database or the
 * web server exist, so the refusal is the first and only thing that happens; and again by
 * {@link SafeStartBeforeBeans} once the context's property sources are complete (an
 * initializer's or a test's dynamic properties arrive after this one has run).
 */
public class SafeStart implements EnvironmentPostProcessor, Ordered {

    static final String ALLOW_EXTERNAL_DATABASE = "noticeboard.demo.allow-external-database";

    private static final Set<String> FORWARDING_STRATEGIES = Set.of("native", "framework");

    /** One refusal: what is wrong, and what to set instead (each naming the setting and its environment variable). */
    public record Refusal(String description, String action) {}

    @Override
    public int getOrder() {
        // after every other post-processor, so the properties files and SandboxDefault have had their say
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        verify(environment);
    }

    /** Throws {@link UnsafeSettingsException} naming every refusal at once, so one restart fixes them all. */
    static void verify(ConfigurableEnvironment environment) {
        List<Refusal> refusals = refusals(environment);
        if (!refusals.isEmpty()) {
            throw new UnsafeSettingsException(refusals);
        }
    }

    static List<Refusal> refusals(ConfigurableEnvironment environment) {
        Binder settings = explicitSettings(environment);
        List<Refusal> refusals = new ArrayList<>();
        boolean live = settings.bind("noticeboard.mode", String.class).orElse("demo").strip()
                .toLowerCase(Locale.ROOT).equals("live");
        boolean externalDatabase = !settings.bind("noticeboard.database.url", String.class).orElse("").isBlank();
        if (!live && externalDatabase && !settings.bind(ALLOW_EXTERNAL_DATABASE, Boolean.class).orElse(false)) {
            // also with noticeboard.demo.seed=false: demo sign-in and the sandbox still act on that database
            refusals.add(new Refusal(
                    "Demo mode (noticeboard.mode, NOTICEBOARD_MODE, is demo unless set) would run on the external database "
                            + "named by noticeboard.database.url (NOTICEBOARD_DATABASE_URL). Demo mode seeds demo members "
                            + "who sign in with one shared password, and sends that database's posts to the X sandbox "
                            + "instead of X; that database may belong to a real installation.",
                    "For a real installation set noticeboard.mode=live (NOTICEBOARD_MODE=live). To run the demo on "
                            + "that database on purpose set noticeboard.demo.allow-external-database=true "
                            + "(NOTICEBOARD_DEMO_ALLOW_EXTERNAL_DATABASE=true). For a demo on the portal's own embedded "
                            + "PostgreSQL leave noticeboard.database.url (NOTICEBOARD_DATABASE_URL) empty."));
        }
        if (live && settings.bind("noticeboard.x.sandbox.enabled", Boolean.class).orElse(false)) {
            refusals.add(new Refusal(
                    "Live mode (noticeboard.mode=live) with the X sandbox on (noticeboard.x.sandbox.enabled=true, "
                            + "NOTICEBOARD_X_SANDBOX_ENABLED=true): the organisation's approved posts would go to the "
                            + "in-process sandbox, not to X, and be shown as published.",
                    "Remove noticeboard.x.sandbox.enabled (NOTICEBOARD_X_SANDBOX_ENABLED) or set it to false in live "
                            + "mode, and configure the X app (NOTICEBOARD_X_CLIENT_ID, NOTICEBOARD_X_CLIENT_SECRET); to "
                            + "try the sandbox, use demo mode (NOTICEBOARD_MODE=demo)."));
        }
        if (live && !https(settings) && !forwardedHeaders(settings)) {
            refusals.add(new Refusal(
                    "Live mode (noticeboard.mode=live) without HTTPS: neither does the portal serve TLS itself "
                            + "(server.ssl.*) nor is it told that it stands behind a TLS-terminating proxy "
                            + "(server.forward-headers-strategy). Sign-in sessions would travel in clear text and the "
                            + "session cookie would not be marked Secure.",
                    "Behind a proxy that terminates TLS and sends X-Forwarded-Proto, set "
                            + "server.forward-headers-strategy=native (SERVER_FORWARD_HEADERS_STRATEGY=native). Or let "
                            + "the portal serve HTTPS: set server.ssl.bundle (SERVER_SSL_BUNDLE) or server.ssl.key-store "
                            + "(SERVER_SSL_KEY_STORE) with its password, and server.ssl.enabled=true (SERVER_SSL_ENABLED=true)."));
        }
        return refusals;
    }

    /** HTTPS served by the portal itself: SSL not switched off, and switched on or given a key store, certificate or bundle. */
    private static boolean https(Binder settings) {
        var enabled = settings.bind("server.ssl.enabled", Boolean.class);
        if (enabled.isBound() && !enabled.get()) {
            return false;
        }
        return enabled.isBound() || configured(settings, "server.ssl.bundle") || configured(settings, "server.ssl.key-store")
                || configured(settings, "server.ssl.certificate");
    }

    private static boolean forwardedHeaders(Binder settings) {
        return FORWARDING_STRATEGIES.contains(settings.bind("server.forward-headers-strategy", String.class).orElse("none")
                .strip().toLowerCase(Locale.ROOT));
    }

    private static boolean configured(Binder settings, String name) {
        return !settings.bind(name, String.class).orElse("").isBlank();
    }

    /**
     * The settings as given, without {@link WebDefaults}: it trusts forwarded headers by default so
     * that a demo behind a proxy works, but in live mode being behind a TLS-terminating proxy is
     * something only the operator can say. Read with Spring Boot's relaxed binding, so
     * {@code SERVER_FORWARD_HEADERS_STRATEGY} and {@code server.forward-headers-strategy} are one setting.
     */
    private static Binder explicitSettings(ConfigurableEnvironment environment) {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!source.getName().equals(WebDefaults.SOURCE) && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                sources.addLast(source);
            }
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
