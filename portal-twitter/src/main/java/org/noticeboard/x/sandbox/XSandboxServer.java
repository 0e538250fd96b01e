package org.noticeboard.x.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The X sandbox on its own, on a random port of 127.0.0.1, over a given PostgreSQL database (whose
 * schema it migrates with Flyway): for tests that need an X to talk to, here and in other modules.
 * It is a minimal Spring Boot web application with an explicit list of auto-configurations, so
 * nothing else on the class path (Spring Security's login, Vaadin, the portal's settings) comes
 * along. Started again on the same database, it finds its world as it left it.
 *
 * <pre>{@code
 * try (XSandboxServer x = XSandboxServer.builder(db.url(), db.username(), db.password())
 *         .clock(clock).recordExchanges(true).start()) {
 *     x.sandbox().registerClient("portal", "secret", List.of("http://localhost/callback"));
 *     ... x.baseUrl() + "/2/users/me" ...
 * }
 * }</pre>
 */
public final class XSandboxServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final @Nullable ExchangeRecorder recorder;
    private final int port;

    private XSandboxServer(ConfigurableApplicationContext context, @Nullable ExchangeRecorder recorder) {
        this.context = context;
        this.recorder = recorder;
        Integer localPort = context.getEnvironment().getProperty("local.server.port", Integer.class);
        if (localPort == null) {
            context.close();
            throw new IllegalStateException("The X sandbox started without a web server port");
        }
        this.port = localPort;
    }

    public static Builder builder(String jdbcUrl, String username, String password) {
        return new Builder(jdbcUrl, username, password);
    }

    /** Starts with the system clock and without recording. */
    public static XSandboxServer start(String jdbcUrl, String username, String password) {
        return builder(jdbcUrl, username, password).start();
    }

    /** e.g. {@code http://127.0.0.1:41234/x-sandbox}; X's API is under {@code baseUrl() + "/2/"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + XSandboxConfiguration.PREFIX;
    }

    public int port() {
        return port;
    }

    public XSandbox sandbox() {
        return context.getBean(XSandbox.class);
    }

    /** Every exchange with {@code /2/**} (OAuth endpoints excepted) since the start or the last {@link #clearExchanges()}. */
    public List<RecordedExchange> exchanges() {
        return recording().exchanges();
    }

    public void clearExchanges() {
        recording().clear();
    }

    private ExchangeRecorder recording() {
        if (recorder == null) {
            throw new IllegalStateException("This X sandbox was started without recordExchanges(true)");
        }
        return recorder;
    }

    @Override
    public void close() {
        context.close();
    }

    public static final class Builder {

        private final String jdbcUrl;
        private final String username;
        private final String password;
        private @Nullable Clock clock;
        private boolean record;
        private @Nullable Duration rateLimitWindow;

        private Builder(String jdbcUrl, String username, String password) {
            this.jdbcUrl = jdbcUrl;
            this.username = username;
            this.password = password;
        }

        /** The sandbox's time (token and code lifetimes, rate-limit windows, post times): a test's own clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Rate-limit windows of this length instead of X's 15 minutes, for a test in which X answers
         * 429 and the portal must wait for the window's end.
         */
        public Builder rateLimitWindow(Duration length) {
            this.rateLimitWindow = length;
            return this;
        }

        /** Records every API exchange for {@link XSandboxServer#exchanges()}. */
        public Builder recordExchanges(boolean record) {
            this.record = record;
            return this;
        }

        public XSandboxServer start() {
            ExchangeRecorder recorder = record ? new ExchangeRecorder() : null;
            Clock time = clock;
            SpringApplication application = new SpringApplication(Application.class);
            application.setWebApplicationType(WebApplicationType.SERVLET);
            application.setBannerMode(Banner.Mode.OFF);
            application.setLogStartupInfo(false);
            application.setRegisterShutdownHook(false);
            application.addInitializers(context -> {
                if (time != null) {
                    context.getBeanFactory().registerSingleton("xSandboxClock", time);
                }
                if (recorder != null) {
                    context.getBeanFactory().registerSingleton("xSandboxExchangeRecorder", recorder);
                }
            });
            // command-line arguments outrank any application.properties that the class path of
            // the test using this server may hold; no configuration file is read at all
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.config.location=optional:classpath:/org/noticeboard/x/sandbox/no-such-file.properties",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password,
                    "--spring.datasource.hikari.maximum-pool-size=5",
                    "--spring.flyway.locations=classpath:db/migration",
                    "--spring.jooq.sql-dialect=POSTGRES",
                    "--server.address=127.0.0.1",
                    "--server.port=0",
                    // above X's limits (5 MB images, 15 MB GIFs) so that the sandbox, not the
                    // servlet container, refuses what is too big, in X's words
                    "--spring.servlet.multipart.max-file-size=20MB",
                    "--spring.servlet.multipart.max-request-size=25MB",
                    "--spring.jmx.enabled=false",
                    "--" + XSandboxConfiguration.ENABLED + "=true"));
            if (rateLimitWindow != null) {
                arguments.add("--" + XSandboxConfiguration.RATE_LIMIT_WINDOW + "=" + rateLimitWindow);
            }
            ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
            return new XSandboxServer(context, recorder);
        }
    }

    /** Not a @Configuration, so that the portal's component scan never picks it up. */
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        JooqAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class,
        MultipartAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class
    })
    @Import(XSandboxConfiguration.class)
    static final class Application {}
}
