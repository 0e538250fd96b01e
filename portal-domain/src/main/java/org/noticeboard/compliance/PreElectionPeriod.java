package org.noticeboard.compliance;

import java.time.LocalDate;

/** A named pre-election period, both days included. */
public record PreElectionPeriod(long id, String name, LocalDate startsOn, LocalDate endsOn, String createdByName) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public String describe() {
        return name + " (" + startsOn + " to " + endsOn + ")";
    }
}
