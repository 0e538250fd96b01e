package org.noticeboard.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.shared.InvalidInputException;

/** A compliance report's period (both days included, in the organisation's time zone) and accounts (none: all of them). */
public record ComplianceRequest(@Nullable LocalDate from, @Nullable LocalDate to, List<Long> accountIds) {

    /** A report covers at most a year (366 days): longer periods are reported year by year. */
    public static final int MAX_DAYS = 366;

    public ComplianceRequest {
        accountIds = List.copyOf(accountIds);
    }

    LocalDate start() {
        if (from == null) {
            throw new InvalidInputException("required", "from", "Choose the first day of the period.");
        }
        return from;
    }

    LocalDate end() {
        if (to == null) {
            throw new InvalidInputException("required", "to", "Choose the last day of the period.");
        }
        return to;
    }

    ComplianceRequest validated() {
        LocalDate start = start();
        LocalDate end = end();
        if (end.isBefore(start)) {
            throw new InvalidInputException("date_range", "to", "The period ends (" + end + ") before it starts (" + start
                    + "): choose a last day on or after the first.");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidInputException("period_too_long", "to", "The period is " + days + " days long; a report covers at most "
                    + MAX_DAYS + " days. Make one report per year.");
        }
        return this;
    }
}
