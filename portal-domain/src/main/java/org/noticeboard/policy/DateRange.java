package org.noticeboard.policy;

import java.time.LocalDate;

/** Inclusive on both ends. */
public record DateRange(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
