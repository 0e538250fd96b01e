package org.noticeboard.x.metrics;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.noticeboard.impact.MetricsCollector;
import org.noticeboard.impact.MetricsRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler task that fetches post metrics 1 hour, 1 day and 7 days after publication. One
 * recurring instance for all portal instances (db-scheduler runs it on one at a time); the
 * collector's unique snapshot key keeps a post from being counted twice whatever happens.
 */
public final class MetricsTasks {

    public static final String NAME = "post-metrics";
    private static final Logger log = LoggerFactory.getLogger(MetricsTasks.class);
    static final int BATCH = 2_000;

    private final RecurringTask<Void> collect;

    public MetricsTasks(MetricsCollector collector, Duration interval) {
        this.collect = Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> {
            MetricsRun run = collector.collectDue(BATCH);
            if (run.postsAsked() > 0) {
                log.info("Metrics: {} posts asked about in {} requests, {} snapshots, {} gone from X, {} accounts deferred",
                        run.postsAsked(), run.requests(), run.snapshots(), run.goneFromX(), run.accountsDeferred());
            }
        });
    }

    public RecurringTask<Void> collect() {
        return collect;
    }
}
