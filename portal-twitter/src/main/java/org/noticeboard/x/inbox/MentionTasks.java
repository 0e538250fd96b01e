package org.noticeboard.x.inbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.noticeboard.inbox.MentionPoller;
import org.noticeboard.inbox.PollOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poll-mentions}: every {@code interval}, each connected account's new mentions, at most
 * {@code maxPages} pages of 100 an account a run. X allows 300 mentions requests per user in 15
 * minutes; the defaults (every 60 s, 5 pages) use at most 75 of them, and a run cut short by the page
 * cap or the limit carries on at the next one (the cursor is in {@code mention_poll}). db-scheduler
 * runs a recurring task on one instance at a time; the poller's per-account lock covers a manual
 * "check now" at the same moment.
 */
public final class MentionTasks {

    private static final Logger log = LoggerFactory.getLogger(MentionTasks.class);

    private final RecurringTask<Void> pollMentions;

    public MentionTasks(MentionPoller poller, Duration interval, int maxPages) {
        this.pollMentions = Tasks.recurring("poll-mentions", FixedDelay.of(interval)).execute((instance, context) -> {
            for (long accountId : poller.connectedAccounts()) {
                try {
                    PollOutcome outcome = poller.poll(accountId, maxPages);
                    log.debug("poll-mentions account {}: {}", accountId, outcome);
                } catch (RuntimeException e) {
                    // one account's trouble must not keep the others' mentions from coming in
                    log.warn("Polling the mentions of account {} failed", accountId, e);
                }
            }
        });
    }

    public RecurringTask<Void> pollMentions() {
        return pollMentions;
    }
}
