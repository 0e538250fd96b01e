package org.noticeboard.x.monitoring;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's meters and the scheduler's health. Spring Boot binds the meter binders to its
 * registry (Prometheus in the portal) and adds the health indicator as {@code scheduler}, which
 * the readiness group includes.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean
    PublishingMeters publishingMeters() {
        return new PublishingMeters();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OperationsFigures operationsFigures(DSLContext db, Clock clock) {
        return new OperationsFigures(db, clock);
    }

    @Bean
    SchedulerHealth schedulerHealthIndicator(ObjectProvider<Scheduler> scheduler) {
        return new SchedulerHealth(scheduler);
    }
}
