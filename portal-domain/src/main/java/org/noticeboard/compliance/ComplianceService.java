package org.noticeboard.compliance;

import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_DECISION;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditService;
import org.noticeboard.audit.IntegrityCheck;
import org.noticeboard.compliance.ComplianceReport.Breach;
import org.noticeboard.compliance.ComplianceReport.BreachKind;
import org.noticeboard.compliance.ComplianceReport.DeletedOnX;
import org.noticeboard.compliance.ComplianceReport.Listed;
import org.noticeboard.compliance.ComplianceReport.OverriddenWarning;
import org.noticeboard.compliance.ComplianceReport.PoliticalMention;
import org.noticeboard.compliance.ComplianceReport.Rejection;
import org.noticeboard.organisation.Organisation;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.xapi.XPost;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance reports for auditors and organisation admins: computed from the record (posts, their
 * revisions, decisions and workflow versions) and compared with X; shown, or exported as CSV or PDF
 * streamed to the caller. Every report and export is itself recorded in the audit trail.
 */
@Service
public class ComplianceService {

    private final DSLContext db;
    private final Access access;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final ComplianceScan scan;
    private final XComparison x;
    private final PreElectionPeriodService periods;
    private final PolicyService policy;
    private final Clock clock;

    public ComplianceService(DSLContext db, Access access, OrganisationService organisations, AuditService audit,
            ComplianceScan scan, XComparison x, PreElectionPeriodService periods, PolicyService policy, Clock clock) {
        this.db = db;
        this.access = access;
        this.organisations = organisations;
        this.audit = audit;
        this.scan = scan;
        this.x = x;
        this.periods = periods;
        this.policy = policy;
        this.clock = clock;
    }

    /** Computes the report (comparing with X) and records that the caller looked at it. */
    @Transactional
    public ComplianceReport report(ComplianceRequest request) {
        ComplianceReport report = compute(request);
        audit.opened("the compliance report for " + String.join(", ", report.accounts()) + ", " + report.from() + " to "
                + report.to(), "compliance_report", report.from() + "/" + report.to());
        return report;
    }

    /**
     * The report as CSV, written row by row to {@code out}: the summary as comment lines first,
     * then one row per post published in the period and one per post found on X outside Noticeboard.
     */
    @Transactional
    public ComplianceReport exportCsv(ComplianceRequest request, OutputStream out) {
        ComplianceReport report = compute(request);
        Actor actor = access.actor();
        ComplianceCsv.write(report, out, visitor -> scan.scan(scope(actor, request, report.zone()), visitor));
        audit.exported("the compliance report as CSV (" + describe(report) + ")", "compliance_report",
                report.from() + "/" + report.to());
        return report;
    }

    /** The report as PDF, streamed to {@code out}; its first page holds the organisation, period, time and integrity. */
    @Transactional
    public ComplianceReport exportPdf(ComplianceRequest request, OutputStream out) {
        ComplianceReport report = compute(request);
        CompliancePdf.write(report, out);
        audit.exported("the compliance report as PDF (" + describe(report) + ")", "compliance_report",
                report.from() + "/" + report.to());
        return report;
    }

    static String describe(ComplianceReport report) {
        return String.join(", ", report.accounts()) + ", " + report.from() + " to " + report.to() + ": "
                + report.published() + " published, " + report.breaches().total() + " breaches";
    }

    ComplianceReport compute(ComplianceRequest request) {
        Actor actor = access.require(Role.AUDITOR, Role.ORG_ADMIN);
        request.validated();
        Organisation organisation = organisations.current();
        ZoneId zone = organisation.timeZone();
        var accounts = accounts(actor, request.accountIds());
        var scope = scope(actor, request, zone);
        Instant from = scope.from();
        Instant to = scope.to();

        var breaches = new Collector<Breach>();
        var overrides = new Collector<OverriddenWarning>();
        var political = new Collector<PoliticalMention>();
        var deleted = new Collector<DeletedOnX>();
        var leads = new LongList();
        int[] counts = new int[2];
        var published = new ArrayList<PublishedPost>();
        scan.scan(scope, post -> {
            counts[0]++;
            if (post.allApprovals()) {
                counts[1]++;
                if (post.leadSeconds() != null) {
                    leads.add(post.leadSeconds());
                }
            } else {
                breaches.add(new Breach(BreachKind.MISSING_APPROVAL, post.account(), post.id(), post.xPostId(),
                        post.publishedAt(), String.join("; ", post.missing())));
            }
            post.overrides().forEach(overrides::add);
            if (!post.politicalHandles().isEmpty()) {
                political.add(new PoliticalMention(post.id(), post.account(), post.publishedAt(), post.politicalHandles(),
                        java.util.Objects.requireNonNull(post.period())));
            }
            if (post.xPostId() != null) {
                // only what the X comparison needs: the id, to tell deleted ones
                published.add(new PublishedPost(post.id(), post.accountId(), post.account(), "", null, post.publishedAt(),
                        post.xPostId(), true, List.of(), null, List.of(), List.of(), null));
            }
        });

        var xNotes = new ArrayList<String>();
        int outside = 0;
        for (var account : accounts) {
            long accountId = account.value1();
            String handle = "@" + account.value2();
            var result = x.compare(accountId, handle, account.value3(), from, to);
            xNotes.add(result.note());
            if (!result.compared() && result.onX().isEmpty()) {
                continue;
            }
            Set<String> ours = ourXIds(actor, accountId);
            for (XPost post : XComparison.unknown(result, ours)) {
                outside++;
                breaches.add(new Breach(BreachKind.OUTSIDE_NOTICEBOARD, handle, null, post.id(), post.createdAt(),
                        "\"" + abbreviate(post.text()) + "\" is on X but was not published through Noticeboard"));
            }
            if (result.compared() && result.complete()) {
                Set<String> onX = new HashSet<>();
                result.onX().forEach(p -> onX.add(p.id()));
                for (PublishedPost post : published) {
                    if (post.accountId() == accountId && !onX.contains(post.xPostId())) {
                        deleted.add(new DeletedOnX(post.id(), handle, java.util.Objects.requireNonNull(post.xPostId()),
                                post.publishedAt()));
                    }
                }
            }
        }

        var rejections = rejections(actor, scope);
        List<IntegrityCheck> checks = audit.checks(1);
        var included = new ArrayList<String>();
        included.add("Period: " + request.start() + " to " + request.end() + " inclusive (" + zone + "), posts by the time they were published.");
        included.add("Accounts: " + String.join(", ", accounts.stream().map(a -> "@" + a.value2()).toList()) + ".");
        included.add("Periods before elections: " + (scope.periods().isEmpty() ? "none configured"
                : String.join("; ", scope.periods().stream().map(PreElectionPeriod::describe).toList())) + ".");
        for (var list : List.of(breaches, overrides, political, deleted)) {
            if (list.total > ComplianceReport.LIST_LIMIT) {
                included.add("A list was longer than " + ComplianceReport.LIST_LIMIT + " rows: the first "
                        + ComplianceReport.LIST_LIMIT + " are shown, with the total; the CSV export has every post.");
                break;
            }
        }
        return new ComplianceReport(organisation.name(), zone, request.start(), request.end(),
                accounts.stream().map(a -> "@" + a.value2()).toList(), clock.instant(), actor.displayName(),
                checks.isEmpty() ? null : checks.getFirst(), counts[0], counts[1], outside, breaches.listed(),
                overrides.listed(), rejections, ComplianceReport.LeadTimes.of(leads.toArray()), political.listed(),
                deleted.listed(), xNotes, included);
    }

    ComplianceScan.Scope scope(Actor actor, ComplianceRequest request, ZoneId zone) {
        Instant from = request.start().atStartOfDay(zone).toInstant();
        Instant to = request.end().plusDays(1).atStartOfDay(zone).toInstant();
        var ids = accounts(actor, request.accountIds()).stream().map(Record3::value1).toList();
        var all = new ArrayList<>(periods.periods(actor.organisationId()));
        // periods typed into the policy itself (unnamed) count too, so the report and the policy check agree
        policy.versions().stream().findFirst().ifPresent(latest -> latest.settings().parameters().preElectionPeriods()
                .forEach(range -> all.add(new PreElectionPeriod(0, "Pre-election period of policy version " + latest.version(),
                        range.from(), range.to(), latest.createdByName()))));
        return new ComplianceScan.Scope(actor.organisationId(), ids, from, to, zone, all);
    }

    private List<Record3<Long, String, String>> accounts(Actor actor, List<Long> wanted) {
        var found = db.select(OFFICIAL_ACCOUNT.ID, OFFICIAL_ACCOUNT.HANDLE, OFFICIAL_ACCOUNT.X_USER_ID)
                .from(OFFICIAL_ACCOUNT)
                .where(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(actor.organisationId()))
                .and(wanted.isEmpty() ? org.jooq.impl.DSL.trueCondition() : OFFICIAL_ACCOUNT.ID.in(wanted))
                .orderBy(OFFICIAL_ACCOUNT.HANDLE)
                .fetch();
        if (found.size() < new HashSet<>(wanted).size()) {
            throw new NotFoundException("One of the chosen official accounts is not one of your organisation's.");
        }
        return found;
    }

    private Set<String> ourXIds(Actor actor, long accountId) {
        return new HashSet<>(db.select(POST.X_POST_ID).from(POST)
                .where(POST.ORGANISATION_ID.eq(actor.organisationId()), POST.ACCOUNT_ID.eq(accountId), POST.X_POST_ID.isNotNull())
                .fetch(POST.X_POST_ID));
    }

    private Listed<Rejection> rejections(Actor actor, ComplianceScan.Scope scope) {
        var condition = POST_DECISION.ORGANISATION_ID.eq(actor.organisationId())
                .and(POST_DECISION.DECISION.eq("REJECTED"))
                .and(POST_DECISION.CREATED_AT.ge(scope.from().atOffset(ZoneOffset.UTC)))
                .and(POST_DECISION.CREATED_AT.lt(scope.to().atOffset(ZoneOffset.UTC)))
                .and(POST.ACCOUNT_ID.in(scope.accountIds()));
        int total = db.fetchCount(db.select(POST_DECISION.ID).from(POST_DECISION).join(POST).on(POST.ID.eq(POST_DECISION.POST_ID))
                .where(condition));
        var items = db.select(POST_DECISION.POST_ID, OFFICIAL_ACCOUNT.HANDLE, POST_DECISION.CREATED_AT, POST_DECISION.STEP,
                        POST_DECISION.MEMBER_NAME, POST_DECISION.REASON)
                .from(POST_DECISION)
                .join(POST).on(POST.ID.eq(POST_DECISION.POST_ID))
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .where(condition)
                .orderBy(POST_DECISION.CREATED_AT, POST_DECISION.ID)
                .limit(ComplianceReport.LIST_LIMIT)
                .fetch(r -> new Rejection(r.value1(), "@" + r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                        r.value6() == null ? "" : r.value6()));
        return new Listed<>(items, total);
    }

    static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 119) + "\u2026";
    }

    /** Keeps the first rows of a list and counts them all. */
    private static final class Collector<T> {
        private final List<T> items = new ArrayList<>();
        private int total;

        void add(T item) {
            total++;
            if (items.size() < ComplianceReport.LIST_LIMIT) {
                items.add(item);
            }
        }

        Listed<T> listed() {
            return new Listed<>(items, total);
        }
    }

    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
