package org.noticeboard.x.stakeholder;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.noticeboard.stakeholder.StakeholderChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring db-scheduler task {@value #CHECK}: checks the directory's handles against X in the
 * background ({@link StakeholderChecks}), so an import of 10,000 rows is checked within the hour
 * without anyone pressing "Check against X". One instance of the portal runs it at a time.
 */
public final class StakeholderCheckTasks {

    public static final String CHECK = "x-stakeholder-check";
    /** Lookups per organisation and round: 5 a minute is 75 of the 900 X allows per 15 minutes. */
    public static final int REQUESTS_PER_ROUND = 5;
    private static final Logger log = LoggerFactory.getLogger(StakeholderCheckTasks.class);

    private final RecurringTask<Void> check;

    public StakeholderCheckTasks(StakeholderChecks checks, Duration interval) {
        this.check = Tasks.recurring(CHECK, FixedDelay.of(interval)).execute((instance, context) -> {
            var round = checks.checkDue(REQUESTS_PER_ROUND);
            if (round.requests() > 0) {
                log.info("Checked {} handle(s) of {} organisation(s) against X in {} request(s)", round.checked(),
                        round.organisations(), round.requests());
            }
        });
    }

    public RecurringTask<Void> check() {
        return check;
    }
}
