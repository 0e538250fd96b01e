package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The time a scheduled post would go out against the account's publishing hours, in
 * the time zone of that time. Without a start or an end any time of day is fine; an end before the
 * start means hours across midnight. No publishing days at all means every day (an empty set that
 * forbade every day would make the rule useless, not strict).
 */
final class PublishingHoursRule implements PolicyRule {

    static final String ID = "publishing-hours";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final @Nullable LocalTime start;
    private final @Nullable LocalTime end;
    private final Set<DayOfWeek> days;

    PublishingHoursRule(@Nullable LocalTime start, @Nullable LocalTime end, Set<DayOfWeek> days) {
        this.start = start;
        this.end = end;
        this.days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        if (context.input().publishAt() == null) {
            // not scheduled yet: the time it goes out is chosen later, and checked then
            return;
        }
        ZonedDateTime when = context.publishTime();
        boolean dayOk = days.contains(when.getDayOfWeek());
        boolean timeOk = withinHours(when.toLocalTime());
        if (dayOk && timeOk) {
            return;
        }
        findings.add(Findings.of(ID, severity,
                "This would be published on " + WHEN.format(when) + ", outside publishing hours ("
                        + describeHours() + ").",
                null));
    }

    private boolean withinHours(LocalTime time) {
        LocalTime s = start;
        LocalTime e = end;
        if (s == null || e == null || s.equals(e)) {
            return true;
        }
        if (s.isBefore(e)) {
            return !time.isBefore(s) && time.isBefore(e);
        }
        return !time.isBefore(s) || time.isBefore(e);
    }

    private String describeHours() {
        String dayList = days.size() == 7 ? "every day" : days.stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK)).collect(Collectors.joining(", "));
        LocalTime s = start;
        LocalTime e = end;
        return s == null || e == null || s.equals(e) ? dayList : dayList + ", " + s + " to " + e;
    }
}
