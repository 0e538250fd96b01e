package org.noticeboard.listsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a sync should finish at X's pace, whatever the account's current window holds. */
class ListSyncBudgetTest {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");
    static final Duration SPAN = Budget.SPAN;

    @Test
    void without_a_window_the_first_limit_goes_now_and_each_further_one_a_window_later() {
        assertThat(Budget.MEMBERS.estimateFinish(0, NOW, null, null, 0)).isEqualTo(NOW);
        assertThat(Budget.MEMBERS.estimateFinish(300, NOW, null, null, 0)).isEqualTo(NOW);
        assertThat(Budget.MEMBERS.estimateFinish(301, NOW, null, null, 0)).isEqualTo(NOW.plus(SPAN));
        assertThat(Budget.MEMBERS.estimateFinish(5000, NOW, null, null, 0)).isEqualTo(NOW.plus(SPAN.multipliedBy(16)));
        assertThat(Budget.FOLLOWS.estimateFinish(120, NOW, null, null, 0)).isEqualTo(NOW.plus(SPAN.multipliedBy(2)));
    }

    @Test
    void what_is_left_of_the_current_window_is_used_first() {
        Instant started = NOW.minus(Duration.ofMinutes(10));
        assertThat(Budget.MEMBERS.estimateFinish(100, NOW, null, started, 200)).isEqualTo(NOW);
        assertThat(Budget.MEMBERS.estimateFinish(101, NOW, null, started, 200)).isEqualTo(started.plus(SPAN));
        assertThat(Budget.MEMBERS.estimateFinish(700, NOW, null, started, 300))
                .isEqualTo(started.plus(SPAN).plus(SPAN.multipliedBy(2)));
        // a window that is over counts for nothing
        assertThat(Budget.MEMBERS.estimateFinish(300, NOW, null, NOW.minus(Duration.ofHours(1)), 300)).isEqualTo(NOW);
    }

    @Test
    void a_job_waiting_for_a_retry_starts_then() {
        Instant retry = NOW.plus(Duration.ofMinutes(2));
        assertThat(Budget.MEMBERS.estimateFinish(400, NOW, retry, null, 0)).isEqualTo(retry.plus(SPAN));
        assertThat(Budget.MEMBERS.estimateFinish(400, NOW, NOW.minusSeconds(5), null, 0)).isEqualTo(NOW.plus(SPAN));
    }
}
