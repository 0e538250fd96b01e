package org.noticeboard.x.listsync;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.noticeboard.listsync.ListSyncWorker;
import org.noticeboard.listsync.SliceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two db-scheduler tasks of list sync. {@value #SYNC} has one instance per job (its id): each
 * execution runs one slice and reschedules itself at the time the slice names (the next rate-limit
 * window, or a retry), and is removed when the job has ended. The job's state and its planned
 * changes live in PostgreSQL, so after a restart, or when the instance running it dies (db-scheduler
 * revives the execution elsewhere once its heartbeats stop), the next slice resumes where the last
 * recorded change left off. {@value #SCAN} starts approved jobs: the domain, which approves them,
 * knows nothing of db-scheduler.
 */
public final class ListSyncTasks {

    public static final String SYNC = "x-list-sync";
    public static final String SCAN = "x-list-sync-due";
    private static final Logger log = LoggerFactory.getLogger(ListSyncTasks.class);
    static final int SCAN_BATCH = 200;
    /** An unexpected error (the database away, say): try the slice again after this. */
    static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(1);

    private final CustomTask<Void> sync;
    private final RecurringTask<Void> scanDue;

    public ListSyncTasks(ListSyncWorker worker, Clock clock, Duration pollInterval) {
        this.sync = Tasks.custom(SYNC, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_ERROR))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    SliceOutcome outcome = worker.runSlice(Long.parseLong(instance.getId()),
                            () -> context.getSchedulerState().isShuttingDown());
                    log.debug("{} {}: {} ({} changes), next at {}", SYNC, instance.getId(), outcome.kind(),
                            outcome.changes(), outcome.nextAt());
                    Instant next = outcome.nextAt();
                    if (next == null) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> operations.reschedule(complete, next);
                });
        this.scanDue = Tasks.recurring(SCAN, FixedDelay.of(pollInterval)).execute((instance, context) -> {
            for (long syncId : worker.due(SCAN_BATCH)) {
                context.getSchedulerClient().scheduleIfNotExists(sync.instance(Long.toString(syncId)), clock.instant());
            }
        });
    }

    public CustomTask<Void> sync() {
        return sync;
    }

    public RecurringTask<Void> scanDue() {
        return scanDue;
    }
}
