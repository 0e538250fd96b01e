package org.noticeboard.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.noticeboard.access.Access;
import org.noticeboard.bench.BenchDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * The audit trail at 1,000,000 events of one organisation (a valid hash chain, written with COPY) on
 * real PostgreSQL: the first page (50 newest) of filtered searches through {@link AuditService}, the
 * capped count the page shows. {@link AuditVerifyBenchmark} verifies the whole chain.
 * Run: ./mvnw -q -B -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=AuditTrailBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AuditTrailBenchmark {

    static final int EVENTS = 1_000_000;
    /** The chain is keyed like the portal's (HMAC-SHA256); no checkpoint files. */
    static final AuditKeys KEYS = AuditKeys.parse("bench:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
    static final AuditCheckpointFiles CHECKPOINTS = new AuditCheckpointFiles(
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "noticeboard-bench-checkpoints-" + ProcessHandle.current().pid()));
    static final List<String> ACTIONS = List.of("post.created", "post.revised", "post.submitted", "post.approved", "post.rejected",
            "post.published", "post.commented", "stakeholder.added", "stakeholder.updated", "follow_list.member_added",
            "member.created", "role.granted", "department.created", "policy.saved", "account.updated", "audit.viewed",
            "workflow.saved", "campaign.created", "reply_template.created", "list_sync.requested");
    static final List<String> WORDS = List.of("falls", "balance", "hydrotherapy", "clinic", "stroke", "memory", "carers",
            "vaccination", "physiotherapy", "wound");

    HikariDataSource dataSource;
    DSLContext db;
    AuditService audit;
    Access access;
    long organisation;
    Instant start;

    /** One seeded database per JVM: with {@code -f 0} every benchmark of the run shares it (seeding takes minutes). */
    private static AuditTrailBenchmark seeded;

    @Setup(Level.Trial)
    public void seed() throws Exception {
        synchronized (AuditTrailBenchmark.class) {
            if (seeded == null) {
                seedFresh();
                seeded = this;
            }
        }
        dataSource = seeded.dataSource;
        db = seeded.db;
        access = seeded.access;
        audit = seeded.audit;
        organisation = seeded.organisation;
        start = seeded.start;
    }

    private void seedFresh() throws Exception {
        dataSource = BenchDatabase.migrated();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        organisation = db.fetchOne("insert into organisation (slug, name) values ('bench', 'Bench Trust') returning id").get(0, Long.class);
        start = Instant.parse("2025-01-01T00:00:00Z");
        String last = seedChain(dataSource, organisation, start, EVENTS);
        db.execute("insert into audit_chain_head (organisation_id, last_seq, last_hash) values (?, ?, ?)", organisation, (long) EVENTS, last);
        db.execute("analyze");
        access = new Access(db, Optional::empty);
        audit = new AuditService(db, access, Clock.systemUTC(), new AuditTrail(db, Clock.systemUTC(), KEYS), KEYS, CHECKPOINTS);
        System.out.println("Seeded " + EVENTS + " audit events");
    }

    /** Writes a valid chain of {@code events} events with COPY, 100,000 rows at a time; returns the last hash. */
    static String seedChain(HikariDataSource dataSource, long organisation, Instant start, int events) throws Exception {
        String prev = AuditHashing.GENESIS;
        try (var connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var rows = new StringBuilder();
            for (int seq = 1; seq <= events; seq++) {
                Instant at = start.plus(seq, ChronoUnit.MINUTES);
                long actor = 1 + seq % 50;
                String action = ACTIONS.get(seq % ACTIONS.size());
                String word = WORDS.get((seq / 7) % WORDS.size());
                String summary = "Post for @account" + (seq % 40) + " about the " + word + " service, " + action + " by Member " + actor;
                String before = seq % 3 == 0 ? AuditState.canonical(java.util.Map.of("state", "DRAFT", "text", "Old " + word)) : null;
                String after = AuditState.canonical(java.util.Map.of("state", "IN_REVIEW", "text", "New " + word + " " + seq));
                String subjectId = String.valueOf(seq % 20_000);
                String hash = AuditHashing.keyedHash(KEYS, "bench", prev, organisation, seq, at, actor, "Member " + actor, action,
                        "post", subjectId, summary, before, after).orElseThrow();
                csv(rows, organisation, seq, at, actor, "Member " + actor, action, "post", subjectId, summary, before, after,
                        AuditHashing.digest(before), AuditHashing.digest(after), prev, hash, AuditHashing.KEYED, "bench");
                prev = hash;
                if (seq % 100_000 == 0 || seq == events) {
                    copy.copyIn("copy audit_event (organisation_id, seq, occurred_at, actor_member_id, actor_name, action, subject_type, "
                            + "subject_id, summary, before_state, after_state, before_digest, after_digest, prev_hash, hash, hash_alg, key_id) "
                            + "from stdin with (format csv)", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
        return prev;
    }

    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values[i];
            if (value != null) {
                out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    <T> T asAuditor(java.util.function.Supplier<T> work) {
        return access.asSystem(organisation, "Benchmark auditor", work);
    }

    static <T> T any(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    @Benchmark
    public List<AuditEvent> firstPageByAction() {
        return asAuditor(() -> audit.search(AuditQuery.all().withAction(any(ACTIONS)), 0, 50));
    }

    @Benchmark
    public List<AuditEvent> firstPageByActorAndMonth() {
        Instant from = start.plus(ThreadLocalRandom.current().nextInt(600), ChronoUnit.DAYS);
        var query = new AuditQuery("Member " + (1 + ThreadLocalRandom.current().nextInt(50)), null, null, null, from,
                from.plus(30, ChronoUnit.DAYS));
        return asAuditor(() -> audit.search(query, 0, 50));
    }

    @Benchmark
    public List<AuditEvent> firstPageByText() {
        return asAuditor(() -> audit.search(AuditQuery.all().withText(any(WORDS)), 0, 50));
    }

    @Benchmark
    public List<AuditEvent> firstPageBySubject() {
        String id = String.valueOf(ThreadLocalRandom.current().nextInt(20_000));
        return asAuditor(() -> audit.search(AuditQuery.all().withSubject("post", id), 0, 50));
    }

    @Benchmark
    public AuditService.Matches cappedCountByAction() {
        return asAuditor(() -> audit.matches(AuditQuery.all().withAction(any(ACTIONS))));
    }

    @TearDown(Level.Trial)
    public void close() {
        // the shared database lives as long as the JVM
    }
}
