package org.noticeboard.audit;

/** A stored verification: its result, whether the daily job ({@code SCHEDULED}) or a person ({@code ON_DEMAND}) ran it, and who. */
public record IntegrityCheck(IntegrityReport report, String trigger, String checkedByName) {

    public boolean scheduled() {
        return "SCHEDULED".equals(trigger);
    }
}
