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
}
