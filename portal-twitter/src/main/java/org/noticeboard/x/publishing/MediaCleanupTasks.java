package org.noticeboard.x.publishing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.noticeboard.post.MediaCleanup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring db-scheduler task {@value #NAME}: removes images no revision uses a day after their
 * upload ({@link MediaCleanup}). One instance of the portal runs it at a time; each run deletes in
 * batches until none is due, so a backlog never becomes one huge transaction.
 */
public final class MediaCleanupTasks {

    public static final String NAME = "media-cleanup";
    /** A run stops after this many batches and goes on at the next one, leaving the threads to publishing. */
    static final int MAX_BATCHES = 100;
    private static final Logger log = LoggerFactory.getLogger(MediaCleanupTasks.class);

    private final RecurringTask<Void> cleanup;

    public MediaCleanupTasks(MediaCleanup media, Duration interval) {
        this.cleanup = Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> {
            int removed = removeDue(media);
            if (removed > 0) {
                log.info("Removed {} image(s) that no post used a day after their upload", removed);
            }
        });
    }

    static int removeDue(MediaCleanup media) {
        int removed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int deleted = media.removeUnused();
            removed += deleted;
            if (deleted == 0) {
                break;
            }
        }
        return removed;
    }

    public RecurringTask<Void> cleanup() {
        return cleanup;
    }
}
