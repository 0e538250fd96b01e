package org.noticeboard.shared;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/** The domain's beans; applications import this configuration. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "org.noticeboard", excludeFilters = @ComponentScan.Filter(Configuration.class))
public class DomainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DomainConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The database out of reach becomes a {@link DatabaseUnavailableException} at the edge of every
     * domain service. An infrastructure advisor, so that the auto-proxy creator that applies
     * {@code @Transactional} applies it too.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor databaseOutageTranslation() {
        return DatabaseOutageTranslation.advisor();
    }

    /**
     * The audit chain's keys: {@code noticeboard.audit.keys} ({@code NOTICEBOARD_AUDIT_KEYS}, id:base64key
     * pairs, the current key first) or, when none are configured (demo mode, a fresh install), a key made
     * once in the data directory. Never from the database: whoever can write to it must not hold the key.
     */
    @Bean
    @ConditionalOnMissingBean
    org.noticeboard.audit.AuditKeys auditKeys(@Value("${noticeboard.audit.keys:}") String keys,
            @Value("${noticeboard.data-dir:${user.home}/.noticeboard}") Path dataDir) {
        var parsed = org.noticeboard.audit.AuditKeys.configuredOrLocal(keys, dataDir);
        if (keys.isBlank()) {
            log.info("Audit trail signed with the key in {} ({}): set {} to keep keys elsewhere, and give every "
                    + "instance the same keys", dataDir.resolve(org.noticeboard.audit.AuditKeys.FILE), parsed,
                    org.noticeboard.audit.AuditKeys.SETTING);
        }
        return parsed;
    }

    /** Where the audit checkpoints are exported: {@code noticeboard.audit.checkpoint-dir}, else the data directory's {@code audit-checkpoints}. */
    @Bean
    @ConditionalOnMissingBean
    org.noticeboard.audit.AuditCheckpointFiles auditCheckpointFiles(@Value("${noticeboard.audit.checkpoint-dir:}") String directory,
            @Value("${noticeboard.data-dir:${user.home}/.noticeboard}") Path dataDir) {
        return new org.noticeboard.audit.AuditCheckpointFiles(
                directory.isBlank() ? dataDir.resolve("audit-checkpoints") : Path.of(directory));
    }

    /** Without a mail server configured, notifications stay in the portal; an application's own outbox is @Primary. */
    @Bean
    @ConditionalOnMissingBean(org.noticeboard.notification.MailOutbox.class)
    org.noticeboard.notification.MailOutbox mailOff() {
        return (to, subject, body) -> { };
    }
}
