package org.noticeboard.x.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures an operator watches that live in the database: posts waiting to go out, X's
 * rate-limit windows per account, list syncs under way, how long ago each account's mentions
 * were polled, and the last integrity check of the audit trail.
 *
 * <p>Read every {@link #REFRESH} on a thread of its own, a handful of small queries in all,
 * and served from memory: a scrape (by however many Prometheus servers) never reaches the
 * database, and the per-account gauges need no query per account. The figures are at most that
 * old; when the database cannot be reached they keep their last values and {@value #AGE} grows.
 */
public final class OperationsFigures implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationsFigures.class);
    static final Duration REFRESH = Duration.ofSeconds(15);
    /** Past its due time by more than this and still not on X: overdue. */
    static final Duration OVERDUE_AFTER = Duration.ofSeconds(60);
    static final String AGE = "noticeboard.figures.age";

    private final OperationsFiguresRepository repository;
    private final Clock clock;
    private final List<Bound> bound = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("operations-figures").daemon().factory());
    private volatile Figures figures = Figures.NONE;

    public OperationsFigures(DSLContext db, Clock clock) {
        this.repository = new OperationsFiguresRepository(db);
        this.clock = clock;
    }

    /** One read of everything, and its time. */
    record Figures(@Nullable Instant readAt, long due, long overdue, List<Window> windows, long syncs, long syncItemsDone,
            long syncItemsTotal, List<MentionPoll> mentionPolls, @Nullable Instant lastIntegrityCheck,
            long integrityBroken) {
        static final Figures NONE = new Figures(null, 0, 0, List.of(), 0, 0, 0, List.of(), null, 0);
    }

    record Window(String account, String endpoint, int remaining, int limit) {}

    record MentionPoll(String account, @Nullable Instant lastPolledAt, boolean failing) {}

    private record Bound(MeterRegistry registry, MultiGauge remaining, MultiGauge limit, MultiGauge pollAge,
            MultiGauge pollFailing) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("noticeboard.posts.due", this, f -> f.figures.due())
                .description("Approved posts whose time has come that are not on X yet (sent as soon as approved, "
                        + "scheduled time reached, or a retry's time reached)")
                .register(registry);
        Gauge.builder("noticeboard.posts.overdue", this, f -> f.figures.overdue())
                .description("Of those, the posts due more than " + OVERDUE_AFTER.toSeconds() + " s ago")
                .register(registry);
        Gauge.builder("noticeboard.listsync.running", this, f -> f.figures.syncs())
                .description("List syncs to X queued or under way").register(registry);
        Gauge.builder("noticeboard.listsync.items.done", this, f -> f.figures.syncItemsDone())
                .description("Changes made so far by the list syncs under way").register(registry);
        Gauge.builder("noticeboard.listsync.items.total", this, f -> f.figures.syncItemsTotal())
                .description("Changes planned by the list syncs under way").register(registry);
        Gauge.builder("noticeboard.listsync.progress", this, f -> f.figures.syncItemsTotal() == 0 ? 1.0
                        : (double) f.figures.syncItemsDone() / f.figures.syncItemsTotal())
                .description("Share of the planned changes of the list syncs under way that are done (1 with none)")
                .register(registry);
        Gauge.builder("noticeboard.audit.integrity.last.check", this, f -> f.figures.lastIntegrityCheck() == null
                        ? Double.NaN : f.figures.lastIntegrityCheck().getEpochSecond())
                .description("When the audit trail was last verified, any organisation (seconds since the epoch)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("noticeboard.audit.integrity.broken", this, f -> f.figures.integrityBroken())
                .description("Organisations whose last integrity check found the audit chain broken")
                .register(registry);
        Gauge.builder(AGE, this, f -> f.figures.readAt() == null ? Double.NaN
                        : Duration.between(f.figures.readAt(), f.clock.instant()).toMillis() / 1000.0)
                .description("How old these figures are: they are read every " + REFRESH.toSeconds() + " s")
                .baseUnit("seconds").register(registry);
        var b = new Bound(registry,
                MultiGauge.builder("noticeboard.x.ratelimit.remaining")
                        .description("Requests left in X's current rate-limit window, per account and endpoint")
                        .register(registry),
                MultiGauge.builder("noticeboard.x.ratelimit.limit")
                        .description("Requests X allows in that window").register(registry),
                MultiGauge.builder("noticeboard.mentions.poll.age")
                        .description("Seconds since the account's mentions were last polled")
                        .baseUnit("seconds").register(registry),
                MultiGauge.builder("noticeboard.mentions.poll.failing")
                        .description("1 when the account's last mention poll stopped with a problem, else 0")
                        .register(registry));
        bound.add(b);
        show(b, figures);
    }

    /** Starts reading every {@link #REFRESH}, the first time at once. */
    public void start() {
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // the database is away or busy: the figures stay as they were, and their age says so
                log.debug("Operations figures not read: {}", e.toString());
            }
        }, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the figures now (the refresher does this every {@link #REFRESH}); one read at a time, so the last read is the newest. */
    public synchronized void refresh() {
        Figures read = repository.read(clock.instant(), OVERDUE_AFTER);
        figures = read;
        for (Bound b : bound) {
            show(b, read);
        }
    }

    private void show(Bound b, Figures read) {
        b.remaining().register(read.windows().stream().map(w -> MultiGauge.Row.of(
                Tags.of("account", w.account(), "endpoint", w.endpoint()), w.remaining())).toList(), true);
        b.limit().register(read.windows().stream().map(w -> MultiGauge.Row.of(
                Tags.of("account", w.account(), "endpoint", w.endpoint()), w.limit())).toList(), true);
        b.pollAge().register(read.mentionPolls().stream().filter(p -> p.lastPolledAt() != null)
                .map(p -> MultiGauge.Row.of(Tags.of("account", p.account()), this,
                        f -> Duration.between(p.lastPolledAt(), f.clock.instant()).toMillis() / 1000.0))
                .toList(), true);
        b.pollFailing().register(read.mentionPolls().stream().map(p -> MultiGauge.Row.of(
                Tags.of("account", p.account()), p.failing() ? 1 : 0)).toList(), true);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
