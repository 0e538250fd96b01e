package org.noticeboard.audit;

import java.util.concurrent.TimeUnit;
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

/**
 * Verifying the whole hash chain of 1,000,000 events (seeded as in {@link AuditTrailBenchmark}), one
 * shot per iteration: events per second = 1,000,000 / the time.
 * Run: ./mvnw -q -B -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=AuditVerifyBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AuditVerifyBenchmark {

    final AuditTrailBenchmark trail = new AuditTrailBenchmark();

    @Setup(Level.Trial)
    public void seed() throws Exception {
        trail.seed();
    }

    @Benchmark
    public IntegrityReport verifyWholeChain() {
        // in a transaction, as the service runs it: only then does PostgreSQL stream the rows with a cursor
        IntegrityReport report = trail.db.transactionResult(tx -> new AuditService(tx.dsl(), trail.access,
                java.time.Clock.systemUTC(), new AuditTrail(tx.dsl(), java.time.Clock.systemUTC(), AuditTrailBenchmark.KEYS),
                AuditTrailBenchmark.KEYS, AuditTrailBenchmark.CHECKPOINTS).verify(trail.organisation));
        if (!report.intact() || report.eventsChecked() != AuditTrailBenchmark.EVENTS) {
            throw new IllegalStateException("The seeded chain should verify: " + report.describe());
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void close() {
        trail.close();
    }
}
