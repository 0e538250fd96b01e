package org.noticeboard.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying an organisation's hash chain. When broken, {@code brokenAtSeq} is the
 * first event that does not follow from the ones before it and {@code problem} says how.
 */
public record IntegrityReport(boolean intact, long eventsChecked, @Nullable Long brokenAtSeq,
        @Nullable String problem, Instant checkedAt) {

    public String describe() {
        return intact
                ? "Intact: all " + eventsChecked + " events follow from one another."
                : "Broken at event #" + brokenAtSeq + ": " + problem;
    }
}
