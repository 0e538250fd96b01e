package org.noticeboard.compliance;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.bench.BenchDatabase;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.workflow.WorkflowDefinition;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance report for a year of one busy account (7,300 posts published, 20 a day, each with
 * its revision and approvals; 500 rejections; overrides, political mentions, missing approvals) among
 * 20,000 posts of five accounts, on real PostgreSQL, including the comparison with X (an X that
 * knows none of them, so every post is listed as deleted: the longest lists).
 * Run: ./mvnw -q -B -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=ComplianceReportBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class ComplianceReportBenchmark {

    HikariDataSource dataSource;
    DSLContext db;
    Access access;
    ComplianceService service;
    long organisation;
    long busy;

    @Setup(Level.Trial)
    public void seed() throws Exception {
        dataSource = BenchDatabase.migrated();
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        organisation = db.fetchOne("insert into organisation (slug, name) values ('bench', 'Bench Trust') returning id").get(0, Long.class);
        db.execute("insert into official_account (organisation_id, handle, display_name, x_user_id) "
                + "select ?, 'acct' || g, 'Account ' || g, '900' || g from generate_series(1, 5) g", organisation);
        busy = db.fetchOne("select id from official_account where organisation_id = ? and handle = 'acct1'", organisation).get(0, Long.class);
        db.execute("insert into member (organisation_id, display_name) select ?, 'Member ' || g from generate_series(1, 20) g", organisation);
        String definition = JsonMapper.builder().build().writeValueAsString(WorkflowDefinition.standard());
        db.execute("insert into approval_workflow (organisation_id, account_id, version, definition, created_by_name) "
                + "select ?, id, 1, ?::jsonb, 'Bench' from official_account where organisation_id = ?", organisation, definition, organisation);
        // 7,300 posts of the busy account across 2025, the rest spread over the other four
        db.execute("""
                insert into post (organisation_id, account_id, author_id, state, current_revision, workflow_version,
                                  submitted_at, published_at, x_post_id)
                select ?, case when g <= 7300 then ? else (select id from official_account where organisation_id = ?
                                                              order by id offset 1 + g % 4 limit 1) end,
                       (select id from member where organisation_id = ? order by id limit 1 offset g % 10),
                       'PUBLISHED', 1, 1,
                       timestamptz '2025-01-01' + (g % 7300) * interval '72 minutes' - (1 + g % 48) * interval '1 hour',
                       timestamptz '2025-01-01' + (g % 7300) * interval '72 minutes',
                       '17' || g
                from generate_series(1, 20000) g
                """, organisation, busy, organisation, organisation);
        db.execute("""
                insert into post_revision (organisation_id, post_id, number, text, author_id, author_name, content_hash,
                                           policy_version, weighted_length, blocked, findings)
                select organisation_id, id, 1,
                       case when id % 50 = 0 then 'Thank you @JaneMP for visiting the falls clinic ' || id
                            else 'Balance classes and falls prevention at the community hospital, post ' || id end,
                       author_id, 'Author', md5(id::text), 1, 80, false,
                       case when id % 20 = 0 then '[{"ruleId":"tone-punctuation","severity":"WARN","message":"\\"!!!\\" reads as shouting","justification":"It is urgent"}]'::jsonb
                            else '[]'::jsonb end
                from post where organisation_id = ?
                """, organisation);
        // one approval per post (missing on every hundredth), by a member who is not the author
        db.execute("""
                insert into post_decision (organisation_id, post_id, revision, content_hash, step, member_id, member_name, decision, created_at)
                select p.organisation_id, p.id, 1, md5(p.id::text), 1,
                       (select id from member where organisation_id = p.organisation_id order by id limit 1 offset 10 + p.id % 10),
                       'Approver', 'APPROVED', p.submitted_at + (p.id % 47) * interval '1 hour' / 2
                from post p where p.organisation_id = ? and p.id % 100 <> 0
                """, organisation);
        // 500 rejected posts of the busy account
        db.execute("""
                insert into post (organisation_id, account_id, author_id, state, current_revision, workflow_version, submitted_at)
                select ?, ?, (select id from member where organisation_id = ? order by id limit 1), 'REJECTED', 1, 1,
                       timestamptz '2025-01-02' + g * interval '17 hours'
                from generate_series(1, 500) g
                """, organisation, busy, organisation);
        db.execute("""
                insert into post_decision (organisation_id, post_id, revision, content_hash, step, member_id, member_name, decision, reason, created_at)
                select p.organisation_id, p.id, 1, 'h', 1, (select id from member where organisation_id = p.organisation_id order by id desc limit 1),
                       'Approver', 'REJECTED', 'Say when the class runs', p.submitted_at + interval '3 hours'
                from post p where p.organisation_id = ? and p.state = 'REJECTED'
                """, organisation);
        db.execute("insert into stakeholder (organisation_id, handle, name, category, political) "
                + "select ?, 'Person' || g, 'Person ' || g, case when g % 10 = 0 then 'MP' else 'CHARITY' end, g % 7 = 0 "
                + "from generate_series(1, 2000) g", organisation);
        db.execute("insert into stakeholder (organisation_id, handle, name, category) values (?, 'JaneMP', 'Jane MP', 'MP')", organisation);
        db.execute("insert into pre_election_period (organisation_id, name, starts_on, ends_on, created_by_name) "
                + "values (?, 'Local elections', date '2025-03-20', date '2025-05-01', 'Bench')", organisation);
        db.execute("analyze");

        Clock clock = Clock.systemUTC();
        access = new Access(db, Optional::empty);
        var keys = org.noticeboard.audit.AuditKeys.parse("bench:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        var trail = new AuditTrail(db, clock, keys);
        var tokens = new FakeTokens();
        tokens.connect(busy, "9001");
        service = new ComplianceService(db, access, new OrganisationService(db, access), new AuditService(db, access, clock, trail, keys,
                new org.noticeboard.audit.AuditCheckpointFiles(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                        "noticeboard-bench-checkpoints"))),
                new ComplianceScan(db), new XComparison(new FakeX(clock), tokens), new PreElectionPeriodService(db, access, trail),
                new org.noticeboard.policy.PolicyService(db, access, trail), clock);
        var report = run();
        System.out.println("Report: " + report.published() + " published, " + report.publishedWithAllApprovals() + " with all approvals, "
                + report.breaches().total() + " breaches, " + report.overrides().total() + " overrides, " + report.rejections().total()
                + " rejections, " + report.political().total() + " political, lead median " + report.leadTimes().median()
                + ", p90 " + report.leadTimes().p90());
    }

    ComplianceReport run() {
        return access.asSystem(organisation, "Benchmark auditor",
                () -> service.compute(new ComplianceRequest(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(busy))));
    }

    @Benchmark
    public ComplianceReport yearOfOneBusyAccount() {
        return run();
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }
}
