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
import org.jooq.DSLContext;
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
public final class PublishingTasks {

    private static final Logger log = LoggerFactory.getLogger(PublishingTasks.class);
    static final int SCAN_BATCH = 500;

    private final OneTimeTask<Void> publishPost;
    private final RecurringTask<Void> scanDue;

    public PublishingTasks(Publisher publisher, DSLContext db, Clock clock, Duration pollInterval, Duration lookAhead,
            int batchSize, int batchConcurrency) {
        PublishQueue queue = new PublishQueue(db);
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
        });
    }

    public OneTimeTask<Void> publishPost() {
        return publishPost;
    }

    public RecurringTask<Void> scanDue() {
        return scanDue;
    }
}
