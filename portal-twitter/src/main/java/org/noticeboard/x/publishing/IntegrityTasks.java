package org.noticeboard.x.publishing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.ZoneId;
import org.noticeboard.audit.IntegrityMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily verification of every organisation's audit trail, as a db-scheduler recurring task: with
 * several portal instances on one database it still runs once a day, on one of them.
 */
public final class IntegrityTasks {

    private static final Logger log = LoggerFactory.getLogger(IntegrityTasks.class);
    public static final String NAME = "audit-integrity-daily";

    private final RecurringTask<Void> daily;

    public IntegrityTasks(IntegrityMonitor monitor, LocalTime at, ZoneId zone) {
        this.daily = Tasks.recurring(NAME, Schedules.daily(zone, at)).execute((instance, context) -> {
            var reports = monitor.checkAll();
            long broken = reports.stream().filter(r -> !r.intact()).count();
            log.info("Daily audit integrity check: {} organisations, {} broken", reports.size(), broken);
        });
    }

    public RecurringTask<Void> daily() {
        return daily;
    }

}
