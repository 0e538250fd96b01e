package org.noticeboard.x.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;

/** The rate-limit book on real PostgreSQL, as several portal instances share it. */
class RateLimitBookTest {

    static final String USER = "2244994945";
    static final String CREATE = "POST /2/tweets";

    MutableClock clock;
    RateLimitBook book;
    Instant reset;

    @BeforeEach
    void emptyBook() {
        clock = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
        book = new RateLimitBook(RateLimitDatabase.emptied(), clock);
        reset = clock.instant().plus(Duration.ofMinutes(15));
    }

    XException refusal() {
        try {
            book.acquire(USER, CREATE);
        } catch (XException e) {
            return e;
        }
        return fail("the book let the call go");
    }

    int remaining() {
        return book.window(USER, CREATE).orElseThrow().remaining();
    }

    @Test
    void an_endpoint_x_has_not_reported_on_lets_calls_go() {
        assertThatNoException().isThrownBy(() -> book.acquire(USER, CREATE));
        assertThat(book.window(USER, CREATE)).isEmpty();
    }

    @Test
    void what_x_reported_is_recorded() {
        book.record(USER, CREATE, 100, 42, reset);

        var window = book.window(USER, CREATE).orElseThrow();
        assertThat(window.limit()).isEqualTo(100);
        assertThat(window.remaining()).isEqualTo(42);
        assertThat(window.resetAt()).isEqualTo(reset);
        assertThat(window.updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void each_call_takes_one_request_from_the_window() {
        book.record(USER, CREATE, 100, 2, reset);

        book.acquire(USER, CREATE);
        book.acquire(USER, CREATE);

        assertThat(remaining()).isZero();
        assertThat(refusal().retryAt()).isEqualTo(reset);
    }

    @Test
    void a_call_learns_the_window_it_took_from_and_an_answer_that_agrees_with_it_needs_no_writing() {
        assertThat(book.acquire(USER, CREATE)).as("no window known yet").isNull();
        book.record(USER, CREATE, 100, 42, reset);

        var taken = book.acquire(USER, CREATE);

        assertThat(taken).isNotNull();
        assertThat(taken.limit()).isEqualTo(100);
        assertThat(taken.remaining()).isEqualTo(41);
        assertThat(taken.resetAt()).isEqualTo(reset);
        // X counted the same, or fewer (another answer overtook this one): the book already says as much
        assertThat(RateLimitBook.agrees(taken, 100, 41, reset)).isTrue();
        assertThat(RateLimitBook.agrees(taken, 100, 45, reset)).isTrue();
        // X counted more requests, a new window or a new limit: what X said must be written
        assertThat(RateLimitBook.agrees(taken, 100, 40, reset)).isFalse();
        assertThat(RateLimitBook.agrees(taken, 100, 99, reset.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(RateLimitBook.agrees(taken, 200, 41, reset)).isFalse();
        assertThat(RateLimitBook.agrees(null, 100, 41, reset)).isFalse();
    }

    @Test
    void a_used_up_window_refuses_until_its_reset() {
        book.record(USER, CREATE, 100, 0, reset);

        XException e = refusal();

        assertThat(e.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(e.retryAt()).isEqualTo(reset);
        assertThat(e.getMessage()).contains(CREATE).contains("X was not called");
    }

    @Test
    void a_used_up_window_lets_calls_go_once_its_reset_has_passed() {
        book.record(USER, CREATE, 100, 0, reset);
        clock.set(reset);

        assertThatNoException().isThrownBy(() -> book.acquire(USER, CREATE));
    }

    @Test
    void reports_that_arrive_late_do_not_raise_the_count_within_a_window() {
        book.record(USER, CREATE, 100, 10, reset);
        book.record(USER, CREATE, 100, 12, reset);

        assertThat(remaining()).isEqualTo(10);
    }

    @Test
    void a_report_of_an_earlier_window_is_ignored() {
        book.record(USER, CREATE, 100, 90, reset);
        book.record(USER, CREATE, 100, 0, reset.minus(Duration.ofMinutes(15)));

        assertThat(book.window(USER, CREATE).orElseThrow().resetAt()).isEqualTo(reset);
        assertThat(remaining()).isEqualTo(90);
    }

    @Test
    void a_new_window_replaces_the_old_one() {
        book.record(USER, CREATE, 100, 0, reset);
        Instant next = reset.plus(Duration.ofMinutes(15));

        book.record(USER, CREATE, 100, 99, next);

        assertThat(remaining()).isEqualTo(99);
        assertThat(book.window(USER, CREATE).orElseThrow().resetAt()).isEqualTo(next);
    }

    @Test
    void a_429_leaves_nothing_until_its_reset_and_keeps_the_known_limit() {
        book.record(USER, CREATE, 100, 40, reset);

        book.recordExhausted(USER, CREATE, null, reset);

        var window = book.window(USER, CREATE).orElseThrow();
        assertThat(window.remaining()).isZero();
        assertThat(window.limit()).isEqualTo(100);
        assertThat(refusal().retryAt()).isEqualTo(reset);
    }

    @Test
    void windows_are_per_user_and_per_endpoint() {
        book.record(USER, CREATE, 100, 0, reset);

        assertThatNoException().isThrownBy(() -> book.acquire("14171076", CREATE));
        assertThatNoException().isThrownBy(() -> book.acquire(USER, "GET /2/tweets"));
    }

    @Test
    void instances_acquiring_at_once_never_take_more_than_is_left() throws Exception {
        book.record(USER, CREATE, 100, 5, reset);
        var instances = List.of(new RateLimitBook(RateLimitDatabase.db(), clock),
                new RateLimitBook(RateLimitDatabase.db(), clock), new RateLimitBook(RateLimitDatabase.db(), clock));
        var start = new CountDownLatch(1);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RateLimitBook instance = instances.get(i % instances.size());
            calls.add(() -> {
                start.await();
                try {
                    instance.acquire(USER, CREATE);
                    return true;
                } catch (XException e) {
                    return false;
                }
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            calls.forEach(call -> results.add(pool.submit(call)));
            start.countDown();
        }

        long allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
        assertThat(remaining()).isZero();
    }

    @Test
    void reports_from_concurrent_answers_leave_the_lowest_count_of_the_window() throws Exception {
        Instant window = reset.truncatedTo(ChronoUnit.SECONDS);
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int remaining = 50; remaining > 30; remaining--) {
                int reported = remaining;
                pool.submit(() -> book.record(USER, CREATE, 100, reported, window));
            }
        }

        assertThat(remaining()).isEqualTo(31);
    }
}
