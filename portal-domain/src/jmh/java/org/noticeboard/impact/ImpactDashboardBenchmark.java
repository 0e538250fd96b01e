package org.noticeboard.impact;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
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
 * The impact dashboard's data for one account over a year on real PostgreSQL: 10,000 published
 * posts of the account, 70,000 metric snapshots in the table (30,000 of them the account's, three
 * per post: 1 hour, 1 day, 7 days, which is all this design keeps; 40,000 of other accounts' posts)
 * and 50,000 mentions of the account (a fifth from stakeholders, four in five answered). Measures
 * every figure the dashboard shows (weeks, engagement, top posts, broadcast share, mentions by
 * category, decision-makers' replies, median first response), without chart drawing.
 * Run: ./mvnw -q -B -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=ImpactDashboardBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImpactDashboardBenchmark {

    static final int POSTS = 10_000;
    static final int OTHER_POSTS = 13_334;
    static final int MENTIONS = 50_000;
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate TO = LocalDate.of(2026, 10, 31);
    static final LocalDate FROM = TO.minusYears(1).plusDays(1);

    HikariDataSource dataSource;
    DSLContext db;
    long organisation;
    long account;

    @Setup(Level.Trial)
    public void seed() {
        dataSource = BenchDatabase.migrated();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        organisation = db.fetchOne("insert into organisation (slug, name) values ('bench', 'Bench Trust') returning id").get(0, Long.class);
        account = db.fetchOne("insert into official_account (organisation_id, handle, display_name) values (?, 'BenchTrust', 'Bench') "
                + "returning id", organisation).get(0, Long.class);
        db.execute("insert into official_account (organisation_id, handle, display_name) values (?, 'OtherTrust', 'Other')", organisation);
        long other = db.fetchOne("select id from official_account where handle = 'OtherTrust'").get(0, Long.class);
        long author = db.fetchOne("insert into member (organisation_id, display_name) values (?, 'Author') returning id", organisation)
                .get(0, Long.class);
        String start = FROM.atStartOfDay(ZONE).toOffsetDateTime().toString();
        // the account's year: 10,000 posts spread evenly; the other account's 13,334 posts the year before
        db.execute("""
                insert into post (organisation_id, account_id, author_id, state, current_revision, x_post_id, published_at, scheduled_at)
                select ?, ?, ?, 'PUBLISHED', 1, (1000000000 + g)::text, ?::timestamptz + g * interval '3150 seconds',
                       ?::timestamptz + g * interval '3150 seconds'
                from generate_series(1, ?) g
                """, organisation, account, author, start, start, POSTS);
        db.execute("""
                insert into post (organisation_id, account_id, author_id, state, current_revision, x_post_id, published_at, scheduled_at)
                select ?, ?, ?, 'PUBLISHED', 1, (2000000000 + g)::text, ?::timestamptz - g * interval '2360 seconds',
                       ?::timestamptz - g * interval '2360 seconds'
                from generate_series(1, ?) g
                """, organisation, other, author, start, start, OTHER_POSTS);
        db.execute("""
                insert into post_revision (organisation_id, post_id, number, text, reply_to_url, author_id, author_name, content_hash,
                                           policy_version, weighted_length, blocked, findings)
                select organisation_id, id, 1,
                       case id % 4 when 0 then 'What helps you stay active after a fall? Post ' || id
                                   when 1 then 'Thanks .@NHSEngland for the visit, post ' || id
                                   else 'Our falls clinic opens on Monday, post ' || id end,
                       case when id % 10 = 0 then 'https://x.com/someone/status/1' end,
                       author_id, 'Author', md5(id::text), 1, 60, false, '[]'::jsonb
                from post where organisation_id = ?
                """, organisation);
        db.execute("""
                insert into post_metric_snapshot (organisation_id, post_id, milestone_hours, taken_at, likes, reposts, replies, quotes, impressions)
                select p.organisation_id, p.id, m.h, p.published_at + m.h * interval '1 hour',
                       (p.id % 40) * m.h / 168 + 1, p.id % 7, p.id % 5, p.id % 3,
                       case when p.id % 20 = 0 then null else 200 + (p.id % 900) * m.h / 24 end
                from post p cross join (values (1), (24), (168)) m(h)
                where p.organisation_id = ?
                """, organisation);
        db.execute("""
                insert into stakeholder (organisation_id, handle, name, category)
                select ?, 'stake' || g, 'Stakeholder ' || g,
                       (array['MP','MINISTER','DEVOLVED_MEMBER','NHS_ORGANISATION','ICB_HEALTH_BOARD','THINK_TANK','CHARITY',
                              'PATIENT_GROUP','PROFESSIONAL_BODY','ROYAL_COLLEGE','MEDIA','ACADEMIC','AHP_LEADER','OTHER'])[1 + g % 14]
                from generate_series(1, 500) g
                """, organisation);
        db.execute("""
                insert into mention (organisation_id, account_id, x_post_id, author_x_user_id, author_username, text, posted_at,
                                     fetched_at, in_reply_to_x_post_id, stakeholder_id, state, first_response_at)
                select ?, ?, (5000000000 + g)::text, 'u' || (g % 3000), 'user' || (g % 3000), 'Hello @BenchTrust ' || g,
                       ?::timestamptz + g * interval '630 seconds', ?::timestamptz + g * interval '630 seconds',
                       case when g % 2 = 0 then (1000000000 + 1 + g % ?)::text end,
                       case when g % 5 = 0 then (select min(id) from stakeholder) + g % 500 end,
                       case when g % 5 = 4 then 'NEW' else 'REPLIED' end,
                       case when g % 5 = 4 then null else ?::timestamptz + g * interval '630 seconds' + (g % 600) * interval '1 minute' end
                from generate_series(1, ?) g
                """, organisation, account, start, start, POSTS, start, MENTIONS);
        // the metric snapshots' trigger (V022) updated every post; autovacuum would tidy that up in a running portal
        db.execute("vacuum analyze");
        int snapshots = db.fetchOne("select count(*) from post_metric_snapshot").get(0, Integer.class);
        System.out.println("Seeded: " + POSTS + " posts of the account, " + snapshots + " snapshots, "
                + db.fetchOne("select count(*) from mention").get(0, Integer.class) + " mentions");
        Dashboard d = dashboard();
        System.out.println("Dashboard: " + d.postsPublished() + " posts, " + d.weeks().size() + " weeks, " + d.mentions()
                + " mentions, broadcast share " + d.broadcastOnlyShare() + ", median first response " + d.medianFirstResponse());
    }

    @Benchmark
    public Dashboard dashboard() {
        return ImpactService.accountFigures(db, organisation, ZONE, "@BenchTrust", account, FROM, TO);
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }
}
