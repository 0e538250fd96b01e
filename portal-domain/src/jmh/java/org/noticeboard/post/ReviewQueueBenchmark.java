package org.noticeboard.post;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
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

/**
 * The review queue's first page (50 rows, filtered by account and step) over 100,000 posts of
 * 200 accounts on real PostgreSQL, through the repository (jOOQ, mapping to records) and as the
 * same SQL run directly over JDBC. Setup prints EXPLAIN ANALYZE's execution time of that SQL.
 * Run: ./mvnw -q -B -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=ReviewQueueBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReviewQueueBenchmark {

    static final int ACCOUNTS = 200;
    static final int POSTS = 100_000;

    HikariDataSource dataSource;
    DSLContext db;
    PostRepository repository;
    long organisation;
    List<Long> accounts;

    @Setup(Level.Trial)
    public void seed() throws Exception {
        dataSource = BenchDatabase.migrated();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        organisation = db.fetchOne("insert into organisation (slug, name) values ('bench', 'Bench Trust') returning id").get(0, Long.class);
        db.execute("insert into official_account (organisation_id, handle, display_name) "
                + "select ?, 'acct' || g, 'Account ' || g from generate_series(1, ?) g", organisation, ACCOUNTS);
        db.execute("insert into member (organisation_id, display_name) select ?, 'Author ' || g from generate_series(1, 50) g", organisation);
        // a fifth of the posts in review, spread over two steps; the rest in other states
        db.execute("""
                insert into post (organisation_id, account_id, author_id, state, review_step, current_revision, submitted_at, scheduled_at)
                select ?, a.id, m.id,
                       case when g % 5 = 0 then 'IN_REVIEW' when g % 5 = 1 then 'DRAFT' when g % 5 = 2 then 'SCHEDULED'
                            when g % 5 = 3 then 'REJECTED' else 'PUBLISHED' end,
                       case when g % 5 = 0 then 1 + (g / 5) % 2 end, 1,
                       now() - (g % 1000) * interval '1 minute',
                       case when g % 3 = 0 then now() + (g % 5000) * interval '1 minute' end
                from generate_series(1, ?) g
                join lateral (select id from official_account where organisation_id = ? order by id offset (g % ?) limit 1) a on true
                join lateral (select id from member where organisation_id = ? order by id offset (g % 50) limit 1) m on true
                """, organisation, POSTS, organisation, ACCOUNTS, organisation);
        db.execute("""
                insert into post_revision (organisation_id, post_id, number, text, author_id, author_name, content_hash,
                                           policy_version, weighted_length, blocked, findings)
                select organisation_id, id, 1, 'Benchmark post ' || id || ' about the falls clinic and balance classes', author_id,
                       'Author', md5(id::text), 1, 60, false, '[]'::jsonb
                from post where organisation_id = ?
                """, organisation);
        db.execute("analyze");
        accounts = db.fetch("select id from official_account where organisation_id = ? order by id", organisation).getValues(0, Long.class);
        repository = new PostRepository(db);
        String sql = sql(accounts.get(ACCOUNTS / 2));
        var plan = db.fetch("explain (analyze, format text) " + sql);
        plan.stream().map(r -> r.get(0, String.class)).filter(line -> line.contains("Execution Time") || line.contains("Planning Time"))
                .forEach(line -> System.out.println("EXPLAIN ANALYZE: " + line.strip()));
    }

    String sql(long account) {
        return repository.queueQuery(organisation, accounts, new QueueFilter(account, 1, null, null, null), Instant.now(), 0, 50)
                .getSQL(ParamType.INLINED);
    }

    long anyAccount() {
        return accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
    }

    @Benchmark
    public List<QueueItem> queueFirstPage() {
        return repository.queue(organisation, accounts, new QueueFilter(anyAccount(), 1, null, null, null), Instant.now(), 0, 50);
    }

    @Benchmark
    public int sameSqlOverJdbc() throws Exception {
        String sql = sql(anyAccount());
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }

}
