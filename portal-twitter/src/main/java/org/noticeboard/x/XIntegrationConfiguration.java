package org.noticeboard.x;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.publish.Publisher;
import org.noticeboard.x.gateway.RateLimitBook;
import org.noticeboard.x.gateway.TwitterXGateway;
import org.noticeboard.x.gateway.XGatewaySettings;
import org.noticeboard.x.oauth.TokenCipher;
import org.noticeboard.x.oauth.XAuthorizedClients;
import org.noticeboard.x.oauth.XClientRegistration;
import org.noticeboard.x.oauth.XOAuthTokens;
import org.noticeboard.x.oauth.XTokenEndpoint;
import org.noticeboard.x.oauth.SandboxClientSecret;
import org.noticeboard.x.oauth.SandboxClients;
import org.noticeboard.x.sandbox.XSandbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.noticeboard.listsync.ListSyncWorker;
import org.noticeboard.inbox.MentionPoller;
import org.noticeboard.x.inbox.MentionTasks;
import org.noticeboard.x.listsync.ListSyncTasks;
import org.noticeboard.x.stakeholder.StakeholderCheckTasks;
import org.noticeboard.stakeholder.StakeholderChecks;
import org.noticeboard.x.publishing.IntegrityTasks;
import org.noticeboard.x.publishing.MediaCleanupTasks;
import org.noticeboard.x.publishing.PublishingTasks;
import org.noticeboard.audit.IntegrityMonitor;
import java.time.LocalTime;
import java.time.ZoneId;
import org.noticeboard.xapi.XGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** The X integration's beans: endpoints, token storage and refresh, the gateway, publishing and list sync. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XProperties.class)
@org.springframework.context.annotation.Import(org.noticeboard.x.monitoring.MonitoringConfiguration.class)
public class XIntegrationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(XIntegrationConfiguration.class);
    /** Heartbeats an instance may miss before another takes its work over. */
    private static final int MISSED_HEARTBEATS = 4;

    /**
     * The sandbox's client secret: the configured one if given, else this installation's own,
     * random and kept in the database ({@link SandboxClientSecret}).
     */
    @Bean
    XEndpoints xEndpoints(XProperties properties, ApplicationContext context, DSLContext db) {
        String configured = properties.clientSecret();
        Supplier<String> sandboxSecret = configured != null && !configured.isBlank()
                ? () -> configured : () -> SandboxClientSecret.of(db);
        return new XEndpoints(properties, () -> {
            if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
                return web.getWebServer().getPort();
            }
            throw new IllegalStateException("The X sandbox is served by the portal itself, which has no web server here");
        }, sandboxSecret);
    }

    /** In sandbox mode, where the sandbox may send members back; fixed once the web server has started. */
    @Bean
    SandboxClients sandboxClients(XEndpoints endpoints) {
        return endpoints.sandbox() ? SandboxClients.sandbox() : SandboxClients.NONE;
    }

    /**
     * In sandbox mode the portal's client is registered with the sandbox when the portal starts,
     * with this installation's secret and the portal's own callbacks only. Registering replaces what
     * the sandbox knew, so a redirect URI an older version let a request's Host header add is dropped.
     */
    @Bean
    ApplicationListener<WebServerInitializedEvent> registerWithSandbox(SandboxClients clients, XEndpoints endpoints,
            ObjectProvider<XSandbox> sandbox, @Value("${noticeboard.base-url:}") String baseUrl) {
        return event -> {
            XSandbox world = sandbox.getIfAvailable();
            if (endpoints.sandbox() && world != null
                    && !"management".equals(event.getApplicationContext().getServerNamespace())) {
                List<String> callbacks = SandboxClients.callbacks(baseUrl, event.getWebServer().getPort());
                world.registerClient(endpoints.clientId(), endpoints.clientSecret(), callbacks);
                clients.fix(callbacks);
            }
        };
    }

    /**
     * Token keys from {@code NOTICEBOARD_X_TOKEN_KEYS}; in sandbox mode without them, a key kept in
     * the data directory (readable by the portal's user only), so demo connections survive restarts.
     */
    @Bean
    TokenCipher tokenCipher(XProperties properties, XEndpoints endpoints,
            @Value("${noticeboard.data-dir:${user.home}/.noticeboard}") Path dataDir) throws IOException {
        if (properties.tokenKeys() != null && !properties.tokenKeys().isBlank()) {
            return TokenCipher.parse(properties.tokenKeys());
        }
        if (!endpoints.sandbox() && endpoints.configured()) {
            throw new IllegalStateException("X is configured but NOTICEBOARD_X_TOKEN_KEYS is not: give at least one key "
                    + "(id:base64 of 32 random bytes, e.g. k1:" + "$(openssl rand -base64 32)) to encrypt the accounts' tokens");
        }
        Path file = dataDir.resolve("x-token-key");
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            Files.writeString(file, "demo:" + TokenCipher.newKey());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own permissions protect it
            }
        }
        return TokenCipher.parse(Files.readString(file).strip());
    }

    @Bean
    XClientRegistration xClientRegistration(XEndpoints endpoints, XProperties properties,
            @Value("${noticeboard.base-url:}") String baseUrl) {
        return new XClientRegistration(endpoints, properties, baseUrl);
    }

    @Bean
    XAuthorizedClients xAuthorizedClients(DSLContext db, TokenCipher cipher, XClientRegistration registration, Clock clock) {
        return new XAuthorizedClients(db, cipher, registration, clock);
    }

    /** Talks to X's token endpoint: Spring Security's token response converter and OAuth error handling. */
    @Bean
    XTokenEndpoint xTokenEndpoint(XProperties properties) {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        return new XTokenEndpoint(RestClient.builder()
                .requestFactory(factory)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
    }

    @Bean
    XOAuthTokens xTokens(DSLContext db, TransactionTemplate tx, OfficialAccountService accounts,
            XAuthorizedClients clients, XClientRegistration registration, XTokenEndpoint tokenEndpoint, Clock clock) {
        return new XOAuthTokens(db, tx, accounts, clients, registration, tokenEndpoint.rest(), clock);
    }

    @Bean
    RateLimitBook rateLimitBook(DSLContext db, Clock clock) {
        return new RateLimitBook(db, clock);
    }

    @Bean(destroyMethod = "close")
    LazyXGateway xGateway(XEndpoints endpoints, XProperties properties, RateLimitBook rateLimits) {
        return new LazyXGateway(() -> new TwitterXGateway(new XGatewaySettings(endpoints.apiBaseUrl(),
                properties.connectTimeout(), properties.readTimeout()), rateLimits));
    }

    /** Keys rotated: tokens under an older key are encrypted again with the current one at start. */
    @Bean
    ApplicationRunner reencryptTokens(XAuthorizedClients clients, TransactionTemplate tx) {
        return args -> tx.executeWithoutResult(s -> clients.reencrypt());
    }

    @Bean
    PublishingTasks publishingTasks(Publisher publisher, org.jooq.DSLContext db, Clock clock, XProperties properties) {
        var publishing = properties.publishing();
        return new PublishingTasks(publisher, db, clock, publishing.pollInterval(), publishing.lookAhead(),
                publishing.threads(), publishing.batchSize(), publishing.batchConcurrency(),
                PublishingTasks.batchGrace(properties.connectTimeout(), properties.readTimeout(),
                        publishing.heartbeat().multipliedBy(MISSED_HEARTBEATS)));
    }

    /** Metrics are due by the hour: looking every minute (or at the publishing interval, if longer) is soon enough. */
    @Bean
    org.noticeboard.x.metrics.MetricsTasks metricsTasks(org.noticeboard.impact.MetricsCollector collector, XProperties properties) {
        var interval = properties.publishing().pollInterval();
        return new org.noticeboard.x.metrics.MetricsTasks(collector,
                interval.compareTo(java.time.Duration.ofMinutes(1)) > 0 ? interval : java.time.Duration.ofMinutes(1));
    }

    @Bean
    ListSyncTasks listSyncTasks(ListSyncWorker worker, Clock clock, XProperties properties) {
        return new ListSyncTasks(worker, clock, properties.publishing().pollInterval());
    }

    @Bean
    MentionTasks mentionTasks(MentionPoller poller, XProperties properties) {
        return new MentionTasks(poller, properties.mentions().pollInterval(), properties.mentions().maxPages());
    }

    @Bean
    StakeholderCheckTasks stakeholderCheckTasks(StakeholderChecks checks) {
        return new StakeholderCheckTasks(checks, Duration.ofMinutes(1));
    }

    /** Every organisation's audit trail verified once a day (03:15 UK time unless configured), alerting on a broken chain. */
    @Bean
    IntegrityTasks integrityTasks(IntegrityMonitor monitor,
            @Value("${noticeboard.audit.integrity-check-at:03:15}") LocalTime at,
            @Value("${noticeboard.audit.integrity-check-zone:Europe/London}") ZoneId zone) {
        return new IntegrityTasks(monitor, at, zone);
    }

    /** Images no revision uses are removed a day after their upload; looking every hour is soon enough. */
    @Bean
    MediaCleanupTasks mediaCleanupTasks(org.noticeboard.post.MediaCleanup cleanup,
            @Value("${noticeboard.media.cleanup-interval:PT1H}") Duration interval) {
        return new MediaCleanupTasks(cleanup, interval);
    }

    /**
     * The background work: publishing posts, fetching their metrics and the accounts' mentions,
     * syncing follow lists, checking the directory's handles, the daily integrity check and removing unused images, shared
     * by all instances.
     */
    @Bean(destroyMethod = "stop")
    @ConditionalOnBooleanProperty(name = "noticeboard.x.publishing.enabled", matchIfMissing = true)
    Scheduler publishingScheduler(DataSource dataSource, PublishingTasks tasks, ListSyncTasks listSync,
            StakeholderCheckTasks stakeholderChecks, org.noticeboard.x.metrics.MetricsTasks metrics,
            MentionTasks mentions, IntegrityTasks integrity, MediaCleanupTasks mediaCleanup, XProperties properties,
            Clock clock) {
        var publishing = properties.publishing();
        Scheduler scheduler = Scheduler.create(dataSource, tasks.publishPost(), listSync.sync())
                .startTasks(tasks.scanDue(), listSync.scanDue(), stakeholderChecks.check(), metrics.collect(),
                        mentions.pollMentions(), integrity.daily(), mediaCleanup.cleanup())
                .threads(publishing.threads())
                .pollingInterval(publishing.pollInterval())
                // PostgreSQL's select ... for update skip locked: each poll claims a batch in one statement,
                // and a new poll starts as soon as half the threads are free, not at the next interval
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(publishing.heartbeat())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .clock(new com.github.kagkarlsson.scheduler.Clock() {
                    @Override
                    public Instant now() {
                        return clock.instant();
                    }
                })
                .enableImmediateExecution()
                .registerShutdownHook()
                .build();
        scheduler.start();
        log.info("Publishing to X every {} with {} threads", publishing.pollInterval(), publishing.threads());
        return scheduler;
    }
}
