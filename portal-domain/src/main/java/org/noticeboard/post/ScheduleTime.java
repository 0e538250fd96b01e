package org.noticeboard.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.noticeboard.shared.InvalidInputException;

/**
 * A publishing time as people choose it: a wall-clock time in the organisation's zone. Refused
 * when it is in the past, more than a year ahead, or does not exist because the clocks go forward.
 */
final class ScheduleTime {

    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private ScheduleTime() {}

    static ZonedDateTime validate(LocalDateTime local, ZoneId zone, Instant now) {
        var offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new InvalidInputException("no_such_time", "scheduledAt", WHEN.format(local) + " does not exist in "
                    + zone.getId() + ": the clocks go forward then. Choose a time an hour later or earlier.");
        }
        ZonedDateTime when = ZonedDateTime.of(local, zone);
        if (!when.toInstant().isAfter(now)) {
            throw new InvalidInputException("in_the_past", "scheduledAt", WHEN.format(local) + " has already passed.");
        }
        if (when.toInstant().isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidInputException("too_far_ahead", "scheduledAt",
                    WHEN.format(local) + " is more than a year ahead; schedule posts up to a year in advance.");
        }
        return when;
    }

    static String describe(ZonedDateTime when) {
        return WHEN.format(when) + " (" + when.getZone().getId() + ")";
    }
}
