package org.noticeboard.x.publishing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two db-scheduler tasks of publishing. {@code publish-post} has one instance per post (its id),
 * so a post is never queued twice; if the instance running it dies, db-scheduler revives it on
 * another instance once the heartbeats stop, and the publisher reconciles before sending again.
 * An attempt that fails with an exception (the database away) is tried again within seconds
 * ({@link #retryAfterError}); if even that failure cannot be recorded, the execution is revived
 * as a dead one once its heartbeats are missed.
 */
public final class PublishingTasks {

    private static final Logger log = LoggerFactory.getLogger(PublishingTasks.class);
    static final int SCAN_BATCH = 500;
    static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_AFTER_ERROR = Duration.ofMinutes(1);

    private final OneTimeTask<Void> publishPost;
    private final RecurringTask<Void> scanDue;

    public PublishingTasks(Publisher publisher, Clock clock, Duration pollInterval) {
        this.publishPost = Tasks.oneTime("publish-post")
                .onFailure((complete, operations) -> operations.reschedule(complete,
                        complete.getTimeDone().plus(retryAfterError(complete.getExecution().consecutiveFailures))))
                .execute((instance, context) -> {
                    PublishOutcome outcome = publisher.publish(Long.parseLong(instance.getId()));
                    log.debug("publish-post {}: {}", instance.getId(), outcome.kind());
                });
        this.scanDue = Tasks.recurring("publish-due", FixedDelay.of(pollInterval)).execute((instance, context) -> {
            for (long postId : publisher.due(SCAN_BATCH)) {
                context.getSchedulerClient().scheduleIfNotExists(publishPost.instance(Long.toString(postId)), clock.instant());
            }
        });
    }

    /**
     * When an attempt ends in an exception rather than an outcome (X's failures are outcomes, so
     * this is the database away, or a bug), the post is tried again after 5 s, doubling up to a
     * minute while it keeps failing: not after db-scheduler's default of five minutes, which made a
     * post whose attempt met a database restart wait that long. The post's own state, not this
     * retry, decides what the next attempt does: it looks for an unrecorded send on X first.
     */
    static Duration retryAfterError(int consecutiveFailures) {
        Duration wait = RETRY_AFTER_ERROR.multipliedBy(1L << Math.min(Math.max(consecutiveFailures, 0), 4));
        return wait.compareTo(MAX_RETRY_AFTER_ERROR) > 0 ? MAX_RETRY_AFTER_ERROR : wait;
    }

    public OneTimeTask<Void> publishPost() {
        return publishPost;
    }

    public RecurringTask<Void> scanDue() {
        return scanDue;
    }
}
