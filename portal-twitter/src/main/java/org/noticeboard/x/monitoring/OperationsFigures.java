package org.noticeboard.x.monitoring;

import static org.noticeboard.db.jooq.Tables.AUDIT_INTEGRITY_CHECK;
import static org.noticeboard.db.jooq.Tables.MENTION_POLL;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.X_LIST_SYNC;
import static org.noticeboard.db.jooq.Tables.X_RATE_LIMIT;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
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
    private static final List<String> WAITING = List.of("SCHEDULED", "PUBLISHING");
    private static final List<String> SYNCING = List.of("QUEUED", "RUNNING");

    private final DSLContext db;
    private final Clock clock;
    private final List<Bound> bound = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("operations-figures").daemon().factory());
    private volatile Figures figures = Figures.NONE;

    public OperationsFigures(DSLContext db, Clock clock) {
        this.db = db;
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
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // posts sent as soon as approved have no due time: they have waited since they were approved,
        // which is their last change until publishing touches them
        Field<OffsetDateTime> dueAt = DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT, POST.UPDATED_AT);
        var posts = db.select(DSL.count(), DSL.count().filterWhere(dueAt.lt(at.minus(OVERDUE_AFTER))))
                .from(POST)
                .where(POST.STATE.in(WAITING), DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT).le(at)
                        .or(DSL.coalesce(POST.NEXT_ATTEMPT_AT, POST.SCHEDULED_AT).isNull()))
                .fetchSingle();
        // a window whose reset has passed is whole again
        var windows = db.select(OFFICIAL_ACCOUNT.HANDLE, X_RATE_LIMIT.ENDPOINT, X_RATE_LIMIT.REMAINING,
                        X_RATE_LIMIT.REQUEST_LIMIT, X_RATE_LIMIT.RESET_AT)
                .from(X_RATE_LIMIT)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.X_USER_ID.eq(X_RATE_LIMIT.X_USER_ID))
                .fetch(r -> new Window(r.value1(), r.value2(), r.value5().isAfter(at) ? r.value3() : r.value4(), r.value4()));
        var syncs = db.select(DSL.count(), DSL.coalesce(DSL.sum(X_LIST_SYNC.DONE), DSL.inline(java.math.BigDecimal.ZERO)),
                        DSL.coalesce(DSL.sum(X_LIST_SYNC.TOTAL), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(X_LIST_SYNC).where(X_LIST_SYNC.STATE.in(SYNCING))
                .fetchSingle();
        var polls = db.select(OFFICIAL_ACCOUNT.HANDLE, MENTION_POLL.LAST_POLLED_AT, MENTION_POLL.LAST_PROBLEM)
                .from(MENTION_POLL)
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(MENTION_POLL.ACCOUNT_ID))
                .fetch(r -> new MentionPoll(r.value1(), r.value2() == null ? null : r.value2().toInstant(), r.value3() != null));
        // each organisation's newest check: is its chain intact?
        var latest = db.selectDistinct(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID, AUDIT_INTEGRITY_CHECK.CHECKED_AT,
                        AUDIT_INTEGRITY_CHECK.INTACT)
                .on(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID)
                .from(AUDIT_INTEGRITY_CHECK)
                .orderBy(AUDIT_INTEGRITY_CHECK.ORGANISATION_ID, AUDIT_INTEGRITY_CHECK.CHECKED_AT.desc())
                .fetch();
        Instant lastCheck = latest.stream().map(r -> r.value2().toInstant()).max(Instant::compareTo).orElse(null);
        long broken = latest.stream().filter(r -> !r.value3()).count();
        Figures read = new Figures(now, posts.value1(), posts.value2(), windows, syncs.value1(),
                syncs.value2().longValue(), syncs.value3().longValue(), polls, lastCheck, broken);
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
