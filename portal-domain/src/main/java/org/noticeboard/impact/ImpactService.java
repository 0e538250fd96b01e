package org.noticeboard.impact;

import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
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

    public ImpactService(DSLContext db, Access access, OfficialAccountService accounts, CampaignService campaigns,
            OrganisationService organisations) {
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
            scope = account.handle().toString();
            postScope = POST.ACCOUNT_ID.eq(account.id());
            mentionScope = MENTION.ACCOUNT_ID.eq(account.id());
        } else {
            Campaign campaign = campaigns.get(query.campaignId());
            scope = campaign.name();
            postScope = POST_REVISION.CAMPAIGN_ID.eq(campaign.id());
            Condition tagged = DSL.falseCondition();
            for (String tag : campaign.hashtags()) {
                tagged = tagged.or(MENTION.TEXT.likeIgnoreCase("%" + tag.replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%", '\\'));
            }
            mentionScope = MENTION.IN_REPLY_TO_X_POST_ID.in(scopePostIds(org, postScope)).or(tagged);
        }

        return figures(db, org, zone, scope, postScope, mentionScope, from, to);
    }

    /** One account's figures over the period (no access check): what the benchmark measures. */
    static Dashboard accountFigures(DSLContext db, long org, ZoneId zone, String handle, long accountId, LocalDate from,
            LocalDate to) {
        return figures(db, org, zone, handle, POST.ACCOUNT_ID.eq(accountId), MENTION.ACCOUNT_ID.eq(accountId), from, to);
    }

    /** The figures of posts in {@code postScope} and mentions in {@code mentionScope} over the period (no access check). */
    static Dashboard figures(DSLContext db, long org, ZoneId zone, String scope, Condition postScope, Condition mentionScope,
            LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        // posts published in the period, each with its current text and latest metrics snapshot
        var latest = DSL.select(POST_METRIC_SNAPSHOT.LIKES, POST_METRIC_SNAPSHOT.REPOSTS, POST_METRIC_SNAPSHOT.REPLIES,
                        POST_METRIC_SNAPSHOT.QUOTES, POST_METRIC_SNAPSHOT.IMPRESSIONS)
                .from(POST_METRIC_SNAPSHOT)
                .where(POST_METRIC_SNAPSHOT.POST_ID.eq(POST.ID))
                .orderBy(POST_METRIC_SNAPSHOT.MILESTONE_HOURS.desc())
                .limit(1)
                .asTable("latest");
        Field<Integer> likes = latest.field(POST_METRIC_SNAPSHOT.LIKES);
        Field<Integer> reposts = latest.field(POST_METRIC_SNAPSHOT.REPOSTS);
        Field<Integer> replies = latest.field(POST_METRIC_SNAPSHOT.REPLIES);
        Field<Integer> quotes = latest.field(POST_METRIC_SNAPSHOT.QUOTES);
        Field<Long> impressionsField = latest.field(POST_METRIC_SNAPSHOT.IMPRESSIONS);
        var rows = db.select(POST.ID, POST.PUBLISHED_AT, POST.GONE_FROM_X_AT, POST_REVISION.TEXT, POST_REVISION.REPLY_TO_URL,
                        likes, reposts, replies, quotes, impressionsField)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .leftJoin(DSL.lateral(latest)).on(DSL.trueCondition())
                .where(POST.ORGANISATION_ID.eq(org), POST.STATE.eq("PUBLISHED"), POST.PUBLISHED_AT.ge(start),
                        POST.PUBLISHED_AT.lt(end), postScope)
                .fetch();

        var weeks = new LinkedHashMap<LocalDate, long[]>();
        for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(to);
                week = week.plusWeeks(1)) {
            weeks.put(week, new long[4]); // posts, engagements, impressions, engagements of posts with impressions
        }
        long engagements = 0;
        long impressions = 0;
        long engagedWithImpressions = 0;
        int measured = 0;
        int broadcast = 0;
        var top = new ArrayList<Dashboard.TopPost>();
        for (var row : rows) {
            Instant publishedAt = row.get(POST.PUBLISHED_AT).toInstant();
            LocalDate day = LocalDate.ofInstant(publishedAt, zone);
            long[] week = weeks.get(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            week[0]++;
            if (BroadcastOnly.isBroadcastOnly(row.get(POST_REVISION.TEXT), row.get(POST_REVISION.REPLY_TO_URL))) {
                broadcast++;
            }
            if (row.get(likes) == null) {
                continue;
            }
            measured++;
            var post = new Dashboard.TopPost(row.get(POST.ID), row.get(POST_REVISION.TEXT), publishedAt, row.get(likes),
                    row.get(reposts), row.get(replies), row.get(quotes), row.get(impressionsField),
                    row.get(POST.GONE_FROM_X_AT) != null);
            top.add(post);
            engagements += post.engagements();
            week[1] += post.engagements();
            Long seen = post.impressions();
            if (seen != null && seen > 0) {
                impressions += seen;
                engagedWithImpressions += post.engagements();
                week[2] += seen;
                week[3] += post.engagements();
            }
        }
        top.sort(Comparator.comparingInt(Dashboard.TopPost::engagements).reversed()
                .thenComparing(Dashboard.TopPost::publishedAt, Comparator.reverseOrder()));
        var weekFigures = new ArrayList<Dashboard.Week>();
        weeks.forEach((startsOn, w) -> weekFigures.add(new Dashboard.Week(startsOn, (int) w[0], w[1], w[2],
                w[2] == 0 ? null : (double) w[3] / w[2])));

        // mentions that arrived in the period
        Condition mentionsInPeriod = MENTION.ORGANISATION_ID.eq(org).and(MENTION.POSTED_AT.ge(start))
                .and(MENTION.POSTED_AT.lt(end)).and(mentionScope);
        // one pass over the period's mentions: per category, and (grouping set ()) for all of them
        Field<Double> seconds = DSL.field("extract(epoch from ({0} - {1}))", Double.class, MENTION.FIRST_RESPONSE_AT,
                MENTION.POSTED_AT);
        Condition fromDecisionMaker = STAKEHOLDER.CATEGORY.in(DECISION_MAKERS.stream().map(Enum::name).toList());
        Condition replyToOurs = MENTION.IN_REPLY_TO_X_POST_ID.in(scopePostIds(org, postScope));
        var count = DSL.count();
        var answeredCount = DSL.count(MENTION.FIRST_RESPONSE_AT);
        var medianSeconds = DSL.percentileCont(0.5).withinGroupOrderBy(seconds);
        var decisionMakerCount = DSL.count().filterWhere(fromDecisionMaker.and(replyToOurs));
        var total = DSL.grouping(STAKEHOLDER.CATEGORY);
        var byCategory = new EnumMap<StakeholderCategory, Integer>(StakeholderCategory.class);
        int others = 0;
        int mentions = 0;
        int answered = 0;
        int decisionMakerReplies = 0;
        Duration median = null;
        for (var r : db.select(STAKEHOLDER.CATEGORY, total, count, answeredCount, medianSeconds, decisionMakerCount)
                .from(MENTION)
                .leftJoin(STAKEHOLDER).on(STAKEHOLDER.ID.eq(MENTION.STAKEHOLDER_ID))
                .where(mentionsInPeriod)
                .groupBy(DSL.groupingSets(new org.jooq.Field<?>[] {STAKEHOLDER.CATEGORY}, new org.jooq.Field<?>[0]))
                .fetch()) {
            if (r.get(total) == 1) {
                mentions = r.get(count);
                answered = r.get(answeredCount);
                decisionMakerReplies = r.get(decisionMakerCount);
                median = r.get(medianSeconds) == null ? null : Duration.ofMillis(Math.round(r.get(medianSeconds).doubleValue() * 1000));
            } else if (r.get(STAKEHOLDER.CATEGORY) == null) {
                others += r.get(count);
            } else {
                byCategory.merge(StakeholderCategory.valueOf(r.get(STAKEHOLDER.CATEGORY)), r.get(count), Integer::sum);
            }
        }
        var categories = new ArrayList<Dashboard.CategoryCount>();
        byCategory.entrySet().stream()
                .sorted(Map.Entry.<StakeholderCategory, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> categories.add(new Dashboard.CategoryCount(e.getKey().label(), e.getValue())));
        if (others > 0) {
            categories.add(new Dashboard.CategoryCount(NOT_A_STAKEHOLDER, others));
        }
        Condition decisionMakerReply = mentionsInPeriod.and(fromDecisionMaker).and(replyToOurs);
        var replies10 = db.select(MENTION.AUTHOR_USERNAME, STAKEHOLDER.NAME, STAKEHOLDER.CATEGORY, MENTION.POSTED_AT,
                        MENTION.TEXT)
                .from(MENTION)
                .join(STAKEHOLDER).on(STAKEHOLDER.ID.eq(MENTION.STAKEHOLDER_ID))
                .where(decisionMakerReply)
                .orderBy(MENTION.POSTED_AT.desc(), MENTION.ID.desc())
                .limit(DECISION_MAKER_REPLIES_SHOWN)
                .fetch(r -> new Dashboard.DecisionMakerReply(r.value1(), r.value2(),
                        StakeholderCategory.valueOf(r.value3()).label(), r.value4().toInstant(), r.value5()));

        return new Dashboard(scope, from, to, rows.size(), measured, engagements, impressions,
                impressions == 0 ? null : (double) engagedWithImpressions / impressions, weekFigures,
                top.subList(0, Math.min(TOP_POSTS, top.size())), broadcast,
                rows.isEmpty() ? null : (double) broadcast / rows.size(), mentions, categories, decisionMakerReplies,
                replies10, answered, median);
    }

    /** The dashboard as CSV for a spreadsheet: one row per figure, week, top post and category. */
    @Transactional(readOnly = true)
    public byte[] csv(ImpactQuery query) {
        return ImpactCsv.write(dashboard(query));
    }

    static org.jooq.Select<org.jooq.Record1<String>> scopePostIds(long org, Condition postScope) {
        return DSL.select(POST.X_POST_ID)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .where(POST.ORGANISATION_ID.eq(org), POST.X_POST_ID.isNotNull(), postScope);
    }
}
