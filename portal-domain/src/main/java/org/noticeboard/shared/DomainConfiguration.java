package org.noticeboard.shared;

import java.time.Clock;
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

    /** Without a mail server configured, notifications stay in the portal; an application's own outbox is @Primary. */
    @Bean
    @ConditionalOnMissingBean(org.noticeboard.notification.MailOutbox.class)
    org.noticeboard.notification.MailOutbox mailOff() {
        return (to, subject, body) -> { };
    }
}
