package org.noticeboard.x.monitoring;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The background scheduler (publishing, list sync, mention polling, the integrity check) for the
 * readiness probe: an instance whose scheduler has stopped or is stopping publishes nothing, so it
 * should leave the load balancer's rotation until it is replaced. With publishing switched off
 * ({@code NOTICEBOARD_X_PUBLISHING_ENABLED=false}) there is no scheduler by design, and that is
 * healthy.
 */
public final class SchedulerHealth implements HealthIndicator {

    private final ObjectProvider<Scheduler> scheduler;

    public SchedulerHealth(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            return Health.up().withDetail("scheduler", "switched off").build();
        }
        var state = running.getSchedulerState();
        if (state.isShuttingDown()) {
            return Health.outOfService().withDetail("scheduler", "shutting down").build();
        }
        if (!state.isStarted()) {
            return Health.down().withDetail("scheduler", "not started").build();
        }
        if (state.isPaused()) {
            return Health.outOfService().withDetail("scheduler", "paused").build();
        }
        return Health.up().withDetail("scheduler", "running").build();
    }
}
