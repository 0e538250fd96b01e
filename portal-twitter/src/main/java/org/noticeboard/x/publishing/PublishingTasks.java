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
 */
public final class PublishingTasks {

    private static final Logger log = LoggerFactory.getLogger(PublishingTasks.class);
    static final int SCAN_BATCH = 500;

    private final OneTimeTask<Void> publishPost;
    private final RecurringTask<Void> scanDue;

    public PublishingTasks(Publisher publisher, Clock clock, Duration pollInterval) {
        this.publishPost = Tasks.oneTime("publish-post").execute((instance, context) -> {
            PublishOutcome outcome = publisher.publish(Long.parseLong(instance.getId()));
            log.debug("publish-post {}: {}", instance.getId(), outcome.kind());
        });
        this.scanDue = Tasks.recurring("publish-due", FixedDelay.of(pollInterval)).execute((instance, context) -> {
            for (long postId : publisher.due(SCAN_BATCH)) {
                context.getSchedulerClient().scheduleIfNotExists(publishPost.instance(Long.toString(postId)), clock.instant());
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
