package org.noticeboard.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The domain's beans; applications import this configuration. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "org.noticeboard", excludeFilters = @ComponentScan.Filter(Configuration.class))
public class DomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Without a mail server configured, notifications stay in the portal; an application's own outbox is @Primary. */
    @Bean
    @ConditionalOnMissingBean(org.noticeboard.notification.MailOutbox.class)
    org.noticeboard.notification.MailOutbox mailOff() {
        return (to, subject, body) -> { };
    }
}
