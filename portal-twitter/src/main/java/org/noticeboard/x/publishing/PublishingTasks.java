package org.noticeboard.x.publishing;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two db-scheduler tasks of publishing. {@code publish-post} has one instance per post (its id),
 * so a post is never queued twice; if the instance running it dies, db-scheduler revives it on
 * another instance once the heartbeats stop, and the publisher reconciles before sending again.
 *
 * <p>{@code publish-due} plans each post's execution ahead, at the post's due time (up to the
 * look-ahead before it), so a post starts when it is due rather than when a scan next notices it.
 * If a post's time moves later, its early execution finds it not yet due and ends; the scan plans it
 * again. If its time moves earlier, the scan brings the planned execution forward.
 *
 * <p>Each {@code publish-post} execution first publishes, as one batch, the text posts due now
 * ({@link Publisher#publishBatch}), its own among them when it is one; the batch drops the
 * executions planned for the posts it took. Then it publishes its own post if the batch did not.
 */
public final class PublishingTasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublishingTasks.class);
    static final int SCAN_BATCH = 500;

    private final OneTimeTask<Void> publishPost;
    private final RecurringTask<Void> scanDue;
    private final Publisher publisher;
    private final PublishQueue queue;
    private final Clock clock;
    private final int threads;
    private final int batchSize;
    private final int batchConcurrency;
    /** Wakes this instance at the next due time the scan saw, instead of at db-scheduler's next poll. */
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("publish-wake-up").daemon().factory());
    private final ExecutorService bursts = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<@Nullable Instant> nextWakeUp = new AtomicReference<>();

    /**
     * {@code batchGrace}: how long a post a batch marked as sent is left to that batch before it is
     * planned again ({@link #batchGrace}).
     */
    public PublishingTasks(Publisher publisher, DSLContext db, Clock clock, Duration pollInterval, Duration lookAhead,
            int threads, int batchSize, int batchConcurrency, Duration batchGrace) {
        PublishQueue queue = new PublishQueue(db, batchGrace);
        this.publisher = publisher;
        this.queue = queue;
        this.clock = clock;
        this.threads = threads;
        this.batchSize = batchSize;
        this.batchConcurrency = batchConcurrency;
        this.publishPost = Tasks.oneTime(PublishQueue.TASK).execute((instance, context) -> {
            if (batchSize > 1) {
                // the other text posts due now go out together with this one (a burst at one minute)
                List<Long> taken = publisher.publishBatch(batchSize, batchConcurrency, queue::forget);
                if (!taken.isEmpty()) {
                    log.debug("publish-post {}: a batch took {} posts", instance.getId(), taken.size());
                }
            }
            PublishOutcome outcome = publisher.publish(Long.parseLong(instance.getId()));
            log.debug("publish-post {}: {}", instance.getId(), outcome.kind());
        });
        this.scanDue = Tasks.recurring("publish-due", FixedDelay.of(pollInterval)).execute((instance, context) -> {
            Instant now = clock.instant();
            var client = context.getSchedulerClient();
            for (PublishQueue.Plan plan : queue.toPlan(now, now.plus(lookAhead), SCAN_BATCH)) {
                String id = Long.toString(plan.postId());
                if (plan.replan()) {
                    try {
                        client.reschedule(TaskInstanceId.of(PublishQueue.TASK, id), plan.at());
                    } catch (RuntimeException e) {
                        // picked or finished meanwhile: the next scan looks again
                        log.debug("publish-post {} not brought forward: {}", id, e.getMessage());
                    }
                } else {
                    client.scheduleIfNotExists(publishPost.instance(id), plan.at());
                }
            }
            if (batchSize > 1) {
                queue.nextDue(now, now.plus(lookAhead)).ifPresent(this::wakeUpAt);
            }
        });
    }

    /**
     * At {@code due}, this instance starts batches at once (as many as it has publishing threads),
     * rather than when db-scheduler next polls (up to a poll interval later); the planned executions
     * stay, for whatever the batches leave and for another instance to take over.
     */
    void wakeUpAt(Instant due) {
        Instant planned = nextWakeUp.get();
        if (planned != null && !planned.isAfter(due)) {
            return;
        }
        nextWakeUp.set(due);
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        wakeUps.schedule(() -> burst(due), delay, TimeUnit.MILLISECONDS);
    }

    private void burst(Instant due) {
        nextWakeUp.compareAndSet(due, null);
        for (int i = 0; i < threads; i++) {
            bursts.submit(() -> {
                try {
                    while (!publisher.publishBatch(batchSize, batchConcurrency, queue::forget).isEmpty()) {
                        // the next batch, until nothing due is left to take
                    }
                } catch (RuntimeException e) {
                    // the planned executions remain: db-scheduler runs them, and retries
                    log.warn("Publishing the posts due at {} in batches stopped: {}", due, e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() {
        wakeUps.shutdownNow();
        bursts.shutdownNow();
    }

    /**
     * A batch marks each wave of posts sent just before sending it: so a post is planned again only
     * once its request has surely ended (X's connect and read timeouts), and then as long again as
     * db-scheduler waits before taking over a dead instance's work (its missed heartbeats). A post on
     * its way to X when its instance died is looked for on X only after X has had that long to make it.
     */
    public static Duration batchGrace(Duration connectTimeout, Duration readTimeout, Duration takeOver) {
        return connectTimeout.plus(readTimeout).plus(takeOver);
    }

    public OneTimeTask<Void> publishPost() {
        return publishPost;
    }

    public RecurringTask<Void> scanDue() {
        return scanDue;
    }
}
