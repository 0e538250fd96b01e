package org.noticeboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs one call of a fuzzed routine and checks that its time and memory stay bounded by its input:
 * at most {@link #TIME} of wall time (generous: a shared machine, a garbage collection; a regular
 * expression that backtracks catastrophically takes minutes) and at most {@link #FIXED_BYTES} plus
 * {@link #BYTES_PER_INPUT_BYTE} times the input's size allocated by the calling thread.
 */
public final class Bounded {

    public static final Duration TIME = Duration.ofSeconds(10);
    public static final long FIXED_BYTES = 64L * 1024 * 1024;
    public static final long BYTES_PER_INPUT_BYTE = 200;

    private Bounded() {}

    public static <T> T call(long inputBytes, Supplier<T> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(took).as("time for an input of %d bytes", inputBytes).isLessThan(TIME);
        assertThat(allocated).as("bytes allocated for an input of %d bytes", inputBytes)
                .isLessThan(FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputBytes);
        return result;
    }

    public static void run(long inputBytes, Runnable work) {
        call(inputBytes, () -> {
            work.run();
            return null;
        });
    }
}
