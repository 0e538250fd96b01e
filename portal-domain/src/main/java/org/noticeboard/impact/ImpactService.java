package org.noticeboard.impact;

import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The impact dashboard of one account or one campaign over a period of days in the organisation's
 * time zone: posts per week, engagement (rate), top posts, the share of broadcast-only posts, and
 * from the mentions inbox: mentions by stakeholder category, replies from decision-makers and the
 * median first response time. Communications (approvers), account admins and organisation admins see it.
 */
@Service
public class ImpactService {

    /** Stakeholders who decide policy or money: their replies are what influencing aims for (seed 000). */
    public static final Set<StakeholderCategory> DECISION_MAKERS = Set.of(StakeholderCategory.MP, StakeholderCategory.MINISTER,
            StakeholderCategory.DEVOLVED_MEMBER, StakeholderCategory.ICB_HEALTH_BOARD);
    public static final String NOT_A_STAKEHOLDER = "Not a stakeholder";
    static final int MAX_DAYS = 731;
    static final int TOP_POSTS = 5;
    static final int DECISION_MAKER_REPLIES_SHOWN = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final DSLContext db;
    private final Access access;
    private final OfficialAccountService accounts;
    private final CampaignService campaigns;
    private final OrganisationService organisations;
    private final org.noticeboard.audit.AuditTrail audit;

    public ImpactService(DSLContext db, Access access, OfficialAccountService accounts, CampaignService campaigns,
            OrganisationService organisations, org.noticeboard.audit.AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.access = access;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(ImpactQuery query) {
        Actor actor = access.require(Role.APPROVER, Role.ACCOUNT_ADMIN, Role.ORG_ADMIN);
        LocalDate from = query.from();
        LocalDate to = query.to();
        if (from == null) {
            throw new InvalidInputException("period_from_missing", "from", "Choose the first day of the period.");
        }
        if (to == null) {
            throw new InvalidInputException("period_to_missing", "to", "Choose the last day of the period.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("period_reversed", "to", "The period ends on " + DAY.format(to)
                    + ", before it starts on " + DAY.format(from) + ": choose a last day on or after the first.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInputException("period_too_long", "to", "The period from " + DAY.format(from) + " to "
                    + DAY.format(to) + " is longer than two years; choose a shorter one.");
        }
        if ((query.accountId() == null) == (query.campaignId() == null)) {
            throw new InvalidInputException("scope", "scope", "Choose an account or a campaign.");
        }
        ZoneId zone = organisations.current().timeZone();
        long org = actor.organisationId();

        String scope;
        Condition postScope;
        Condition mentionScope;
        if (query.accountId() != null) {
            OfficialAccount account = accounts.get(query.accountId());
            if (!readsFiguresOf(actor, account)) {
                throw new NotPermittedException("role_required", "The figures of " + account.handle() + " are for "
                        + "the approvers and account admins of " + (account.departmentName() == null
                        ? "the organisation" : account.departmentName()) + ", and for organisation admins.");
            }
            scope = account.handle().toString();
            postScope = POST.ACCOUNT_ID.eq(account.id());
            mentionScope = MENTION.ACCOUNT_ID.eq(account.id());
        } else {
            Campaign campaign = campaigns.get(query.campaignId());
            scope = campaign.name();
            // a campaign spans departments: its figures are those of the accounts the caller reads the figures of
            List<Long> readable = accounts.list().stream().filter(a -> readsFiguresOf(actor, a))
                    .map(OfficialAccount::id).toList();
            postScope = POST_REVISION.CAMPAIGN_ID.eq(campaign.id()).and(POST.ACCOUNT_ID.in(readable));
            Condition tagged = DSL.falseCondition();
            for (String tag : campaign.hashtags()) {
                tagged = tagged.or(MENTION.TEXT.likeIgnoreCase("%" + tag.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%", '\\'));
            }
            mentionScope = MENTION.IN_REPLY_TO_X_POST_ID.in(scopePostIds(org, postScope)).or(tagged)
                    .and(MENTION.ACCOUNT_ID.in(readable));
        }

        return figures(db, org, zone, scope, postScope, mentionScope, from, to);
    }

    /** Organisation admins read every account's figures; approvers and account admins their department's. */
    private static boolean readsFiguresOf(Actor actor, OfficialAccount account) {
        return actor.hasOrganisationWide(Role.ORG_ADMIN) || actor.has(Role.APPROVER, account.departmentId())
                || actor.has(Role.ACCOUNT_ADMIN, account.departmentId());
    }

    /** One account's figures over the period (no access check): what the benchmark measures. */
    static Dashboard accountFigures(DSLContext db, long org, ZoneId zone, String handle, long accountId, LocalDate from,
            LocalDate to) {
        return figures(db, org, zone, handle, POST.ACCOUNT_ID.eq(accountId), MENTION.ACCOUNT_ID.eq(accountId), from, to);
    }

    /**
     * The figures of posts in {@code postScope} and mentions in {@code mentionScope} over the period (no access check).
     * Everything is added up in PostgreSQL: the weeks in one pass over the period's posts (each post's latest metrics
     * are kept on the post, see V022), the top posts with a LIMIT, the mentions by category in one hash aggregate and
     * the median first response in one more; only the few posts whose broadcast-only test needs the full mention
     * pattern (text with an @ sign) bring their text back to Java.
     */
    static Dashboard figures(DSLContext db, long org, ZoneId zone, String scope, Condition postScope, Condition mentionScope,
            LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Condition postsInPeriod = POST.ORGANISATION_ID.eq(org).and(POST.STATE.eq("PUBLISHED")).and(POST.PUBLISHED_AT.ge(start))
                .and(POST.PUBLISHED_AT.lt(end)).and(postScope);

        // the weeks (Monday to Sunday in the organisation's time zone): a post belongs to the last week starting
        // at or before it, found by width_bucket over the weeks' first instants (1 = the first week)
        var weekStarts = new ArrayList<LocalDate>();
        var instants = new StringBuilder("{");
        for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(to);
                week = week.plusWeeks(1)) {
            weekStarts.add(week);
            instants.append(weekStarts.size() == 1 ? "" : ",")
                    .append(week.atStartOfDay(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        instants.append('}');
        Field<Integer> bucket = DSL.field("width_bucket({0}, cast({1} as timestamptz[]))", Integer.class, POST.PUBLISHED_AT,
                DSL.inline(instants.toString()));
        Condition seen = POST.METRICS_IMPRESSIONS.gt(0L);
        // broadcast only (BroadcastOnly): not a reply, no question mark and no mention; a text without any @ sign
        // mentions nobody, one with an @ sign is checked in Java against the full pattern
        Condition noReplyNoQuestion = POST_REVISION.REPLY_TO_URL.isNull().and(DSL.position(POST_REVISION.TEXT, "?").eq(0))
                .and(DSL.position(POST_REVISION.TEXT, "\uFF1F").eq(0));
        Condition noAtSign = DSL.position(POST_REVISION.TEXT, "@").eq(0).and(DSL.position(POST_REVISION.TEXT, "\uFF20").eq(0));
        var posts = DSL.count();
        var measuredPosts = DSL.count(POST.METRICS_MILESTONE_HOURS);
        var engagementSum = DSL.sum(POST.METRICS_ENGAGEMENTS);
        var impressionSum = DSL.sum(POST.METRICS_IMPRESSIONS).filterWhere(seen);
        var engagedSeenSum = DSL.sum(POST.METRICS_ENGAGEMENTS).filterWhere(seen);
        var surelyBroadcast = DSL.count().filterWhere(noReplyNoQuestion.and(noAtSign));
        var withAtSign = DSL.arrayAgg(POST_REVISION.TEXT).filterWhere(noReplyNoQuestion.and(noAtSign.not()));
        long[][] weeks = new long[weekStarts.size()][4]; // posts, engagements, impressions, engagements of posts with impressions
        int published = 0;
        int measured = 0;
        int broadcast = 0;
        long engagements = 0;
        long impressions = 0;
        long engagedWithImpressions = 0;
        for (var r : db.select(bucket, posts, measuredPosts, engagementSum, impressionSum, engagedSeenSum, surelyBroadcast,
                        withAtSign)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(postsInPeriod)
                .groupBy(DSL.inline(1)) // the bucket
                .fetch()) {
            long[] week = weeks[r.value1() - 1];
            week[0] = r.value2();
            week[1] = r.value4() == null ? 0 : r.value4().longValue();
            week[2] = r.value5() == null ? 0 : r.value5().longValue();
            week[3] = r.value6() == null ? 0 : r.value6().longValue();
            published += r.value2();
            measured += r.value3();
            engagements += week[1];
            impressions += week[2];
            engagedWithImpressions += week[3];
            broadcast += r.value7();
            if (r.value8() != null) {
                for (String text : r.value8()) {
                    if (BroadcastOnly.isBroadcastOnly(text, null)) {
                        broadcast++;
                    }
                }
            }
        }
        var weekFigures = new ArrayList<Dashboard.Week>();
        for (int i = 0; i < weeks.length; i++) {
            long[] w = weeks[i];
            weekFigures.add(new Dashboard.Week(weekStarts.get(i), (int) w[0], w[1], w[2], w[2] == 0 ? null : (double) w[3] / w[2]));
        }
        // the most engaging measured posts, latest first among equals (index post_top_engagement_idx)
        var top = db.select(POST.ID, POST_REVISION.TEXT, POST.PUBLISHED_AT, POST.METRICS_LIKES, POST.METRICS_REPOSTS,
                        POST.METRICS_REPLIES, POST.METRICS_QUOTES, POST.METRICS_IMPRESSIONS, POST.GONE_FROM_X_AT)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(postsInPeriod, POST.METRICS_ENGAGEMENTS.isNotNull())
                .orderBy(POST.METRICS_ENGAGEMENTS.desc(), POST.PUBLISHED_AT.desc(), POST.ID.desc())
                .limit(TOP_POSTS)
                .fetch(r -> new Dashboard.TopPost(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9() != null));

        // mentions that arrived in the period: counted per stakeholder in one pass over the mentions (no join per
        // mention), then the few stakeholders' counts added up by category; the totals are the sums
        Condition mentionsInPeriod = MENTION.ORGANISATION_ID.eq(org).and(MENTION.POSTED_AT.ge(start))
                .and(MENTION.POSTED_AT.lt(end)).and(mentionScope);
        Condition fromDecisionMaker = STAKEHOLDER.CATEGORY.in(DECISION_MAKERS.stream().map(Enum::name).toList());
        Condition replyToOurs = MENTION.IN_REPLY_TO_X_POST_ID.in(scopePostIds(org, postScope));
        var perStakeholder = DSL.select(MENTION.STAKEHOLDER_ID, DSL.count().as("mentions"),
                        DSL.count(MENTION.FIRST_RESPONSE_AT).as("answered"),
                        DSL.count().filterWhere(MENTION.STAKEHOLDER_ID.isNotNull().and(replyToOurs)).as("replies"))
                .from(MENTION)
                .where(mentionsInPeriod)
                .groupBy(MENTION.STAKEHOLDER_ID)
                .asTable("per_stakeholder");
        var count = DSL.sum(perStakeholder.field("mentions", Integer.class));
        var answeredCount = DSL.sum(perStakeholder.field("answered", Integer.class));
        var replyCount = DSL.sum(perStakeholder.field("replies", Integer.class));
        var byCategory = new EnumMap<StakeholderCategory, Integer>(StakeholderCategory.class);
        int others = 0;
        int mentions = 0;
        int answered = 0;
        int decisionMakerReplies = 0;
        for (var r : db.select(STAKEHOLDER.CATEGORY, count, answeredCount, replyCount)
                .from(perStakeholder)
                .leftJoin(STAKEHOLDER).on(STAKEHOLDER.ID.eq(perStakeholder.field(MENTION.STAKEHOLDER_ID)))
                .groupBy(STAKEHOLDER.CATEGORY)
                .fetch()) {
            int inCategory = r.value2().intValue();
            mentions += inCategory;
            answered += r.value3().intValue();
            if (r.value1() == null) {
                others += inCategory;
            } else {
                var category = StakeholderCategory.valueOf(r.value1());
                byCategory.merge(category, inCategory, Integer::sum);
                if (DECISION_MAKERS.contains(category)) {
                    decisionMakerReplies += r.value4().intValue();
                }
            }
        }
        // the median first response, only when some mention was answered
        Duration median = null;
        if (answered > 0) {
            // date_part (double precision), not extract (numeric): the same seconds without numeric arithmetic per row
            Field<Double> seconds = DSL.field("date_part('epoch', {0} - {1})", Double.class, MENTION.FIRST_RESPONSE_AT,
                    MENTION.POSTED_AT);
            Double medianSeconds = db.select(DSL.percentileCont(0.5).withinGroupOrderBy(seconds).cast(Double.class))
                    .from(MENTION)
                    .where(mentionsInPeriod, MENTION.FIRST_RESPONSE_AT.isNotNull())
                    .fetchOne(0, Double.class);
            median = medianSeconds == null ? null : Duration.ofMillis(Math.round(medianSeconds * 1000));
        }
        var categories = new ArrayList<Dashboard.CategoryCount>();
        byCategory.entrySet().stream()
                .sorted(Map.Entry.<StakeholderCategory, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> categories.add(new Dashboard.CategoryCount(e.getKey().label(), e.getValue())));
        if (others > 0) {
            categories.add(new Dashboard.CategoryCount(NOT_A_STAKEHOLDER, others));
        }
        var replies10 = decisionMakerReplies == 0 ? List.<Dashboard.DecisionMakerReply>of()
                : db.select(MENTION.AUTHOR_USERNAME, STAKEHOLDER.NAME, STAKEHOLDER.CATEGORY, MENTION.POSTED_AT, MENTION.TEXT)
                        .from(MENTION)
                        .join(STAKEHOLDER).on(STAKEHOLDER.ID.eq(MENTION.STAKEHOLDER_ID))
                        .where(mentionsInPeriod.and(fromDecisionMaker).and(replyToOurs))
                        .orderBy(MENTION.POSTED_AT.desc(), MENTION.ID.desc())
                        .limit(DECISION_MAKER_REPLIES_SHOWN)
                        .fetch(r -> new Dashboard.DecisionMakerReply(r.value1(), r.value2(),
                                StakeholderCategory.valueOf(r.value3()).label(), r.value4().toInstant(), r.value5()));

        return new Dashboard(scope, from, to, published, measured, engagements, impressions,
                impressions == 0 ? null : (double) engagedWithImpressions / impressions, weekFigures, top, broadcast,
                published == 0 ? null : (double) broadcast / published, mentions, categories, decisionMakerReplies,
                replies10, answered, median);
    }

    /** The dashboard as CSV for a spreadsheet: one row per figure, week, top post and category; the export is recorded. */
    @Transactional
    public byte[] csv(ImpactQuery query) {
        Dashboard dashboard = dashboard(query);
        byte[] csv = ImpactCsv.write(dashboard);
        audit.record(access.actor(), "impact.exported", "impact_report", dashboard.scope(), "Impact figures of "
                + dashboard.scope() + " (" + dashboard.from() + " to " + dashboard.to() + ") exported as CSV", null, null);
        return csv;
    }

    static org.jooq.Select<org.jooq.Record1<String>> scopePostIds(long org, Condition postScope) {
        // an account's posts need no revision; a campaign is on the post's current revision
        boolean byRevision = postScope.toString().contains(POST_REVISION.getName());
        var posts = DSL.select(POST.X_POST_ID).from(POST);
        return (byRevision ? posts.join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID),
                        POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION)) : posts)
                .where(POST.ORGANISATION_ID.eq(org), POST.X_POST_ID.isNotNull(), postScope);
    }
}
