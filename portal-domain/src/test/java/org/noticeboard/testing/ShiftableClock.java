package org.noticeboard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, moved forward by whatever a test asks: retries and rate-limit resets without waiting. */
public final class ShiftableClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
