package org.noticeboard.x.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.noticeboard.publish.PublishOutcome;
import org.noticeboard.publish.PublishOutcomes;

/**
 * Publishing as it happens on this instance: every attempt's outcome counted
 * ({@value #OUTCOMES}, tagged {@code outcome}), and how late each post reached X after its
 * scheduled time ({@value #DELAY}, with a histogram, so Prometheus can give percentiles over all
 * instances). Counted per instance: Prometheus sums the instances.
 */
public final class PublishingMeters implements PublishOutcomes, MeterBinder {

    public static final String OUTCOMES = "noticeboard.publish.outcomes";
    public static final String DELAY = "noticeboard.publish.delay";

    /** The registries bound so far: Spring binds once per registry, and none before the context runs. */
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        // every outcome appears at zero from the start, so a rate over it is defined before the first post
        for (PublishOutcome.Kind kind : List.of(PublishOutcome.Kind.PUBLISHED, PublishOutcome.Kind.RECONCILED,
                PublishOutcome.Kind.RETRY, PublishOutcome.Kind.FAILED)) {
            counter(registry, kind);
        }
        timer(registry);
        registries.add(registry);
    }

    @Override
    public void attempted(PublishOutcome.Kind kind, @Nullable Duration lateBy) {
        for (MeterRegistry registry : registries) {
            counter(registry, kind).increment();
            if (lateBy != null) {
                timer(registry).record(lateBy);
            }
        }
    }

    private static Counter counter(MeterRegistry registry, PublishOutcome.Kind kind) {
        return Counter.builder(OUTCOMES)
                .description("Publishing attempts by what became of them: published, reconciled (found on X after "
                        + "an unanswered attempt), retry (to be tried again), failed (left for a person)")
                .tag("outcome", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry) {
        return Timer.builder(DELAY)
                .description("How long after its scheduled time a post reached X")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }
}
