package org.noticeboard.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowStep;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.audit.IntegrityMonitor;
import org.noticeboard.compliance.ComplianceReport.BreachKind;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.Publisher;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The auditor's workspace on a history whose right answers are known: six posts published through
 * Noticeboard (approval lead times 1, 2, 3, 4 and 10 hours, one post whose approval record is gone),
 * one rejected, one posted straight on X, one deleted from X later, one naming an MP in a
 * pre-election period, one with an overridden warning.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class AuditorWorkspaceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired Publisher publisher;
    @Autowired OfficialAccountService accounts;
    @Autowired ComplianceService compliance;
    @Autowired DossierService dossiers;
    @Autowired PreElectionPeriodService periods;
    @Autowired AuditService audit;
    @Autowired IntegrityMonitor monitor;
    @Autowired NotificationService notifications;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;
    @Autowired org.noticeboard.workflow.WorkflowService workflows;
    @Autowired org.noticeboard.policy.PolicyService policyService;

    World.Org trust;
    String xUserId;
    long auditor;
    ZoneId zone;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        trust = world.organisation("Audited Trust");
        auditor = trust.member(Role.AUDITOR);
        xUserId = String.valueOf(trust.account().id() + 700_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
        zone = trust.organisation().timeZone();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Post submitted(String text, boolean justifyWarnings) {
        long staff = trust.member(Role.STAFF);
        return caller.as(staff, () -> {
            var post = posts.save(null, new PostDraft(trust.account().id(), text, null, null, null, List.of(), Map.of()), 0);
            if (justifyWarnings) {
                var justifications = new HashMap<String, String>();
                post.current().unjustifiedWarnings().forEach(f -> justifications.put(f.key(), "Clinic closure is urgent news"));
                post = posts.save(post.id(), new PostDraft(trust.account().id(), text, null, null, null, List.of(), justifications),
                        post.version());
            }
            return posts.submit(post.id(), post.version());
        });
    }

    /** Submitted now, approved {@code hours} later, then published. */
    Post publishedAfter(String text, long hours, boolean justify) {
        var post = submitted(text, justify);
        clock.advance(Duration.ofHours(hours));
        var approved = caller.as(trust.member(Role.APPROVER), () -> review.approve(post.id(), post.current().number(), post.version()));
        publisher.publish(approved.id());
        clock.advance(Duration.ofMinutes(5));
        return caller.as(auditor, () -> posts.get(post.id()));
    }

    record History(Post p1, Post p2, Post p3, Post p4, Post p5, Post unapproved, Post rejected, String outsideId) {}

    History seedHistory() {
        db.execute("insert into stakeholder (organisation_id, handle, name, category) values (?, 'JaneMP', 'Jane Smith MP', 'MP')",
                trust.organisation().id());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        caller.run(trust.member(Role.ORG_ADMIN), () -> periods.add("County council elections", today.minusDays(1), today.plusDays(5)));
        var p1 = publishedAfter("Falls clinic opens on Monday at the community hospital", 1, false);
        var p2 = publishedAfter("Balance classes every Tuesday in the church hall", 2, false);
        var p3 = publishedAfter("Thank you @JaneMP for visiting our physiotherapy team", 3, false);
        var p4 = publishedAfter("The clinic is closed today!!! Sorry for the short notice", 4, true);
        var p5 = publishedAfter("Our new hydrotherapy pool is open for referrals", 10, false);
        var unapproved = publishedAfter("Stroke rehabilitation group starts in March", 1, false);
        db.execute("delete from post_decision where post_id = ?", unapproved.id());
        var rejected = submitted("Come to the clinic any time you like", false);
        caller.run(trust.member(Role.APPROVER), () -> review.reject(rejected.id(), 1, "Wrong opening times", rejected.version()));
        String outside = x.createPost(new XToken("someone's phone", xUserId), new NewXPost("Posted from a phone, not Noticeboard")).id();
        x.deletePost(new XToken("t", xUserId), p2.publication().xPostId());
        return new History(p1, p2, p3, p4, p5, unapproved, rejected, outside);
    }

    @Test
    void posts_decided_by_fewer_independent_people_than_their_workflow_required_are_named_even_from_before_the_fix() {
        long taylor = trust.member(Role.APPROVER);
        // one post whose only approver had written it (an "edit and approve" of old)
        var edited = publishedAfter("Physio self-referral is open to everyone in the county", 1, false);
        db.execute("update post_revision set author_id = ? where post_id = ?", taylor, edited.id());
        // one post whose approver decided both steps of a two-step workflow, as the old code let them
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> workflows.save(trust.account().id(), new WorkflowDefinition(List.of(
                WorkflowStep.anyApprover("Comms"), WorkflowStep.anyApprover("Head of comms")), false),
                workflows.current(trust.account().id()).version()));
        var twoSteps = submitted("Our hydrotherapy pool reopens after the refit", false);
        for (int step = 1; step <= 2; step++) {
            db.execute("insert into post_decision (organisation_id, post_id, revision, content_hash, step, member_id, member_name, "
                    + "decision, review_round) select r.organisation_id, r.post_id, r.number, r.content_hash, ?, ?, 'Taylor', "
                    + "'APPROVED', p.review_round from post_revision r join post p on p.id = r.post_id where r.post_id = ?",
                    step, taylor, twoSteps.id());
        }
        db.execute("update post set state = 'SCHEDULED', review_step = null where id = ?", twoSteps.id());
        publisher.publish(twoSteps.id());
        clock.advance(Duration.ofMinutes(5));

        var report = caller.as(auditor, () -> compliance.report(period()));

        assertThat(report.published()).isEqualTo(2);
        assertThat(report.publishedWithAllApprovals()).isZero();
        assertThat(report.breaches().items()).filteredOn(b -> b.kind() == BreachKind.MISSING_APPROVAL)
                .extracting(b -> b.postId(), b -> b.detail())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(edited.id(), "decided by 0 independent people where its workflow "
                                + "required 1; step 1 (\"Communications team\") has no approval by someone who neither wrote nor "
                                + "edited the post nor approved another of its steps: it was approved only by its author or "
                                + "editor (workflow version 1, revision 1)"),
                        org.assertj.core.groups.Tuple.tuple(twoSteps.id(), "decided by 1 independent person where its workflow "
                                + "required 2; step 2 (\"Head of comms\") has no approval by someone who neither wrote nor edited "
                                + "the post nor approved another of its steps: it was approved only by someone who also approved "
                                + "another step (workflow version 2, revision 1)"));
    }

    ComplianceRequest period() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return new ComplianceRequest(today.minusDays(3), today.plusDays(1), List.of());
    }

    @Test
    void the_report_figures_match_the_seeded_history() {
        var h = seedHistory();

        var report = caller.as(auditor, () -> compliance.report(period()));

        assertThat(report.published()).isEqualTo(6);
        assertThat(report.outsideNoticeboard()).isEqualTo(1);
        assertThat(report.publishedWithAllApprovals()).isEqualTo(5);
        assertThat(report.compliantShare()).isEqualTo(71.4);
        assertThat(report.breaches().total()).isEqualTo(2);
        assertThat(report.breaches().items()).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo(BreachKind.MISSING_APPROVAL);
            assertThat(b.postId()).isEqualTo(h.unapproved().id());
            assertThat(b.detail()).contains("no approval at step 1");
        });
        assertThat(report.overrides().items()).singleElement().satisfies(o -> {
            assertThat(o.postId()).isEqualTo(h.p4().id());
            assertThat(o.justification()).isEqualTo("Clinic closure is urgent news");
        });
        assertThat(report.rejections().items()).singleElement().satisfies(r -> {
            assertThat(r.postId()).isEqualTo(h.rejected().id());
            assertThat(r.reason()).isEqualTo("Wrong opening times");
            assertThat(r.step()).isEqualTo(1);
        });
        assertThat(report.leadTimes().count()).isEqualTo(5);
        // the test clock runs on between submitting and approving: a few seconds on a busy machine
        assertThat(report.leadTimes().median()).isBetween(Duration.ofHours(3), Duration.ofHours(3).plusSeconds(5));
        assertThat(report.leadTimes().p90()).isBetween(Duration.ofHours(10), Duration.ofHours(10).plusSeconds(5));
        assertThat(report.political().items()).singleElement().satisfies(p -> {
            assertThat(p.postId()).isEqualTo(h.p3().id());
            assertThat(p.handles()).containsExactly("@JaneMP");
            assertThat(p.period()).isEqualTo("County council elections");
        });
        assertThat(report.deletedOnX().items()).singleElement().satisfies(d -> assertThat(d.postId()).isEqualTo(h.p2().id()));
        assertThat(report.organisationName()).isEqualTo("Audited Trust");
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withAction("audit.viewed"), 0, 5)))
                .anySatisfy(e -> assertThat(e.summary()).contains("opened the compliance report"));
    }

    @Test
    void a_post_published_on_the_account_outside_noticeboard_is_a_breach() {
        var ours = publishedAfter("Hand hygiene week starts today", 1, false);
        String outside = x.createPost(new XToken("phone", xUserId), new NewXPost("Sent straight from the X app")).id();

        var report = caller.as(auditor, () -> compliance.report(period()));

        assertThat(report.breaches().items()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BreachKind.OUTSIDE_NOTICEBOARD);
            assertThat(b.xPostId()).isEqualTo(outside);
            assertThat(b.postId()).isNull();
            assertThat(b.detail()).contains("Sent straight from the X app");
        });
        assertThat(report.published()).isEqualTo(1);
        assertThat(report.compliantShare()).isEqualTo(50.0);
        assertThat(report.xComparison()).singleElement().satisfies(n -> assertThat(n).contains("2 posts on X in the period compared"));
        assertThat(ours.publication().xPostId()).isNotEqualTo(outside);
    }

    @Test
    void a_pre_election_period_typed_into_the_policy_counts_in_the_report_too() {
        db.execute("insert into stakeholder (organisation_id, handle, name, category, political) values (?, 'CllrBrown', 'Cllr Brown', 'OTHER', true)",
                trust.organisation().id());
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        long admin = trust.member(Role.ORG_ADMIN);
        caller.run(admin, () -> {
            var current = policyService.current();
            var p = current.settings().parameters();
            policyService.save(new org.noticeboard.policy.PolicySettings(current.settings().rules(), new org.noticeboard.policy.PolicyParameters(
                    p.bannedTerms(), p.allowedLinkDomains(), p.deniedLinkDomains(), p.publishedPhoneNumbers(),
                    p.publishedEmailAddresses(), p.hospitalNumberPattern(), p.publishingStart(), p.publishingEnd(), p.publishingDays(),
                    List.of(new org.noticeboard.policy.DateRange(today.minusDays(1), today.plusDays(3))), p.politicalStakeholders(),
                    p.capitalsPercent(), p.extraToneWords())), "Local elections", current.version());
        });
        var post = publishedAfter("Welcome to @CllrBrown at the stroke unit today", 2, true);

        var report = caller.as(auditor, () -> compliance.report(period()));

        assertThat(report.political().items()).singleElement().satisfies(m -> {
            assertThat(m.postId()).isEqualTo(post.id());
            assertThat(m.handles()).containsExactly("@CllrBrown");
            assertThat(m.period()).startsWith("Pre-election period of policy version ");
        });
        assertThat(report.included()).anySatisfy(line -> assertThat(line).contains("Pre-election period of policy version"));
    }

    @Test
    void an_account_without_a_token_is_reported_as_not_compared() {
        tokens.reset();
        var report = caller.as(auditor, () -> compliance.report(period()));
        assertThat(report.xComparison()).singleElement().satisfies(n -> assertThat(n).contains("not compared with X"));
        assertThat(report.breaches().total()).isZero();
    }

    @Test
    void the_pdf_export_holds_the_first_page_facts_and_the_figures() throws Exception {
        seedHistory();
        var pdf = new ByteArrayOutputStream();

        caller.run(auditor, () -> compliance.exportPdf(period(), pdf));

        var reader = new PdfReader(pdf.toByteArray());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(first).contains("Organisation: Audited Trust", "Period: ", "Generated: ", "Integrity: Not verified yet",
                "Posts published through Noticeboard: 6", "Published with all required approvals: 5 of 7 (71.4%)",
                "Breaches: 2", "median 3 h, 90th percentile 10 h");
        var pages = new StringBuilder();
        for (int page = 2; page <= reader.getNumberOfPages(); page++) {
            pages.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        String all = pages.toString().replaceAll("\\s+", " ");
        assertThat(all).contains("Wrong opening times", "Clinic closure is urgent news", "@JaneMP");
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withAction("audit.exported"), 0, 5)))
                .anySatisfy(e -> assertThat(e.summary()).contains("as PDF", "6 published, 2 breaches"));
    }

    @Test
    void the_csv_export_has_a_row_per_post_and_the_summary_as_comments() {
        var h = seedHistory();
        var csv = new ByteArrayOutputStream();

        caller.run(auditor, () -> compliance.exportCsv(period(), csv));

        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("# Compliance report: Audited Trust", "# Published with all required approvals: 5 (71.4%)");
        var rows = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows.getFirst()).startsWith("kind,post_id,account");
        assertThat(rows).hasSize(1 + 6 + 1);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("BREACH," + h.unapproved().id() + ","));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("OUTSIDE_NOTICEBOARD,,").contains(h.outsideId()));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("PUBLISHED," + h.p5().id() + ",").contains(",600,"));
    }

    @Test
    void a_reversed_or_too_long_period_is_refused_with_what_to_do() {
        LocalDate today = LocalDate.now(zone);
        assertThatThrownBy(() -> caller.as(auditor, () -> compliance.report(new ComplianceRequest(today, today.minusDays(1), List.of()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> caller.as(auditor, () -> compliance.report(new ComplianceRequest(today.minusYears(2), today, List.of()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 366 days");
        assertThatThrownBy(() -> caller.as(auditor, () -> compliance.report(new ComplianceRequest(null, today, List.of()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("first day");
        assertThatThrownBy(() -> caller.as(auditor, () -> audit.search(AuditQuery.all().withPeriod(
                java.time.Instant.parse("2026-02-01T00:00:00Z"), java.time.Instant.parse("2026-01-01T00:00:00Z")), 0, 50)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("before it starts");
    }

    @Test
    void the_dossier_holds_revisions_with_differences_checks_decisions_publication_and_is_recorded() {
        long staff = trust.member(Role.STAFF);
        var first = caller.as(staff, () -> posts.save(null, new PostDraft(trust.account().id(),
                "Balance classes every Tuesday", null, null, null, List.of(), Map.of()), 0));
        var second = caller.as(staff, () -> posts.save(first.id(), new PostDraft(trust.account().id(),
                "Balance classes every Wednesday from May", null, null, null, List.of(), Map.of()), first.version()));
        var inReview = caller.as(staff, () -> posts.submit(second.id(), second.version()));
        var rejected = caller.as(trust.member(Role.APPROVER), () -> review.reject(inReview.id(), inReview.current().number(),
                "Say which hall", inReview.version()));
        var revised = caller.as(staff, () -> posts.save(rejected.id(), new PostDraft(trust.account().id(),
                "Balance classes every Wednesday from May in the church hall", null, null, null, List.of(), Map.of()),
                rejected.version()));
        var resubmitted = caller.as(staff, () -> posts.submit(revised.id(), revised.version()));
        caller.run(trust.member(Role.APPROVER), () -> review.approve(resubmitted.id(), resubmitted.current().number(),
                resubmitted.version()));
        var outcome = publisher.publish(first.id());

        var dossier = caller.as(auditor, () -> dossiers.dossier(first.id()));

        assertThat(dossier.revisions()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(dossier.revisions().getFirst().differenceInWords()).isEqualTo("first revision");
        assertThat(dossier.revisions().get(1).differenceInWords()).isEqualTo("removed \"Tuesday\"; added \"Wednesday from May\"");
        assertThat(dossier.revisions().getLast().revision().policyVersion()).isEqualTo(1);
        assertThat(dossier.decisions()).extracting(d -> d.approved() ? "approved" : "rejected: " + d.reason())
                .containsExactly("rejected: Say which hall", "approved");
        assertThat(dossier.attempts()).anySatisfy(a -> assertThat(a.xPostId()).isEqualTo(outcome.xPostId()));
        assertThat(dossier.post().publication().xPostId()).isEqualTo(outcome.xPostId());
        assertThat(dossier.events()).extracting(e -> e.action()).contains("post.rejected", "post.approved", "post.published");
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withSubject("post", String.valueOf(first.id()))
                .withAction("audit.viewed"), 0, 5))).singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo("Auditor of Audited Trust"));
        assertThat(caller.as(auditor, () -> dossiers.find("church hall", null, 0, 10)))
                .singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(first.id()));
    }

    @Test
    void a_row_altered_in_sql_fails_verification_at_that_event_and_the_daily_check_alerts_admins_and_auditors() {
        caller.run(trust.member(Role.ORG_ADMIN), () -> periods.add("General election", LocalDate.of(2029, 4, 1),
                LocalDate.of(2029, 5, 2)));
        assertThat(caller.as(auditor, () -> audit.verify()).intact()).isTrue();
        long seq = db.fetchSingle("select min(seq) + 2 from audit_event where organisation_id = ?",
                trust.organisation().id()).get(0, Long.class);
        org.noticeboard.testing.Tampering.execute(db,
                "update audit_event set summary = summary || ' (quietly edited)' where organisation_id = ? and seq = ?",
                trust.organisation().id(), seq);

        var report = caller.as(auditor, () -> audit.verify());
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtSeq()).isEqualTo(seq);

        var daily = monitor.check(trust.organisation().id());
        assertThat(daily.brokenAtSeq()).isEqualTo(seq);
        for (Role role : List.of(Role.AUDITOR, Role.ORG_ADMIN)) {
            assertThat(caller.as(trust.member(role), () -> notifications.mine()))
                    .anySatisfy(n -> assertThat(n.text()).contains("failed its daily integrity check", "#" + seq));
        }
        assertThat(caller.as(trust.member(Role.STAFF), () -> notifications.mine()))
                .noneSatisfy(n -> assertThat(n.text()).contains("integrity"));
        assertThat(caller.as(auditor, () -> audit.checks(5))).extracting(c -> c.trigger() + ":" + c.report().intact())
                .startsWith("SCHEDULED:false", "ON_DEMAND:false");
    }

    @Test
    void a_search_over_more_than_the_window_says_so_and_stops_paging() {
        db.execute("""
                insert into audit_event (organisation_id, seq, occurred_at, actor_name, action, subject_type, subject_id, summary,
                                         prev_hash, hash)
                select ?, 100000 + g, now(), 'Bulk', 'bulk.event', 'thing', g::text, 'Bulk event ' || g, 'x', 'y'
                from generate_series(1, 10050) g
                """, trust.organisation().id());
        var matches = caller.as(auditor, () -> audit.matches(AuditQuery.all().withAction("bulk.event")));
        assertThat(matches.more()).isTrue();
        assertThat(matches.describe()).startsWith("More than 10,000 events match");
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withAction("bulk.event"), 9_990, 50))).hasSize(10);
        assertThat(caller.as(auditor, () -> audit.search(AuditQuery.all().withAction("bulk.event"), 10_000, 50))).isEmpty();
        var csv = new ByteArrayOutputStream();
        var exported = caller.as(auditor, () -> audit.exportCsv(AuditQuery.all().withAction("bulk.event"), csv));
        assertThat(exported.rows()).isEqualTo(10_050);
        assertThat(csv.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(10_051);
    }
}
