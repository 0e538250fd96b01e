package org.noticeboard.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying an organisation's hash chain. When broken, {@code brokenAtSeq} is the
 * first event that does not follow from the ones before it (null when the problem is a checkpoint
 * file itself) and {@code problem} says how. {@code unkeyedEvents}: how many of the checked events
 * were written before keyed hashing (plain SHA-256; rewriting one still means recomputing the keyed
 * hashes after it, which needs the key);
 * {@code checkpoint}: which exported checkpoint the chain was held against, in words.
 */
public record IntegrityReport(boolean intact, long eventsChecked, @Nullable Long brokenAtSeq,
        @Nullable String problem, Instant checkedAt, long unkeyedEvents, @Nullable String checkpoint) {

    public IntegrityReport(boolean intact, long eventsChecked, @Nullable Long brokenAtSeq, @Nullable String problem,
            Instant checkedAt) {
        this(intact, eventsChecked, brokenAtSeq, problem, checkedAt, 0, null);
    }

    public String describe() {
        if (!intact) {
            return (brokenAtSeq == null ? "Broken: " : "Broken at event #" + brokenAtSeq + ": ") + problem;
        }
        return "Intact: all " + eventsChecked + " events follow from one another."
                + (unkeyedEvents == 0 ? "" : " " + unkeyedEvents + (unkeyedEvents == 1 ? " of them was" : " of them were")
                        + " written before keyed hashing (plain SHA-256; the keyed events after them protect them).")
                + (checkpoint == null ? "" : " " + checkpoint);
    }
}
