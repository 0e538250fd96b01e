package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox's rate-limit windows: X's 15 minutes, or a shorter length a test asks for. */
class RateLimitsTest {

    /** A clock that moves only when told. */
    static final class Manual extends java.time.Clock {
        Instant now;

        Manual(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Manual clock = new Manual(Instant.parse("2026-11-23T10:00:00.400Z"));

    @Test
    void a_window_is_fifteen_minutes_from_its_first_request_in_whole_seconds() {
        var limits = new RateLimits(clock);
        var first = limits.take(1, "app", Endpoint.CREATE_POST);
        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(Endpoint.CREATE_POST.limit() - 1);
        assertThat(first.resetEpochSecond()).isEqualTo(Instant.parse("2026-11-23T10:15:00Z").getEpochSecond());
    }

    @Test
    void a_shorter_window_refuses_what_is_over_the_limit_until_it_ends_then_starts_afresh() {
        var limits = new RateLimits(clock, Duration.ofSeconds(30));
        for (int i = 0; i < Endpoint.CREATE_POST.limit(); i++) {
            assertThat(limits.take(1, "app", Endpoint.CREATE_POST).allowed()).isTrue();
        }
        var refused = limits.take(1, "app", Endpoint.CREATE_POST);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetEpochSecond()).isEqualTo(Instant.parse("2026-11-23T10:00:30Z").getEpochSecond());
        // another user has a window of its own
        assertThat(limits.take(2, "app", Endpoint.CREATE_POST).allowed()).isTrue();

        clock.advance(Duration.ofSeconds(30));
        var again = limits.take(1, "app", Endpoint.CREATE_POST);
        assertThat(again.allowed()).isTrue();
        assertThat(again.resetEpochSecond()).isEqualTo(Instant.parse("2026-11-23T10:01:00Z").getEpochSecond());
    }

    @Test
    void a_window_shorter_than_a_second_is_refused() {
        assertThatThrownBy(() -> new RateLimits(clock, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least a second");
    }
}
