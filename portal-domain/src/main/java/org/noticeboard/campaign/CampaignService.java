package org.noticeboard.campaign;

import static org.noticeboard.db.jooq.Tables.CAMPAIGN;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.CampaignRecord;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns group posts under hashtags and dates: members choose them, approvers and admins create them. */
@Service
public class CampaignService {

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;

    public CampaignService(DSLContext db, Access access, AuditTrail audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Campaign> list() {
        return db.selectFrom(CAMPAIGN)
                .where(CAMPAIGN.ORGANISATION_ID.eq(access.requireAnyRole().organisationId()))
                .orderBy(CAMPAIGN.NAME)
                .fetch(CampaignService::toCampaign);
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        return db.selectFrom(CAMPAIGN)
                .where(CAMPAIGN.ORGANISATION_ID.eq(access.requireAnyRole().organisationId()), CAMPAIGN.ID.eq(id))
                .fetchOptional(CampaignService::toCampaign)
                .orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    @Transactional
    public Campaign create(String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
        return create(name, hashtags, startsOn, endsOn, null);
    }

    /** A campaign with the goal it serves (at most 1,000 characters), e.g. "Get three ICBs to fund falls clinics". */
    @Transactional
    public Campaign create(String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String goal) {
        Actor actor = access.require(Role.APPROVER, Role.ORG_ADMIN);
        String clean = Names.required(name, "name", "The campaign's name", 120);
        String cleanGoal = goal == null || goal.isBlank() ? null : goal.strip();
        if (cleanGoal != null && cleanGoal.length() > 1000) {
            throw new InvalidInputException("goal_too_long", "goal",
                    "The goal is " + cleanGoal.length() + " characters long; keep it to 1,000.");
        }
        var tags = new ArrayList<String>();
        for (String tag : hashtags) {
            String t = tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("#?[\\p{L}\\p{N}_]{1,100}")) {
                throw new InvalidInputException("malformed_hashtag", "hashtags",
                        "\"" + t + "\" is not a hashtag: use letters, digits and underscores only.");
            }
            tags.add(t.startsWith("#") ? t : "#" + t);
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("dates", "endsOn", "The campaign ends before it starts.");
        }
        if (db.fetchExists(CAMPAIGN, CAMPAIGN.ORGANISATION_ID.eq(actor.organisationId()),
                DSL.lower(DSL.trim(CAMPAIGN.NAME)).eq(clean.toLowerCase(java.util.Locale.ROOT)))) {
            throw new ConflictException("duplicate", "A campaign called \"" + clean + "\" already exists.");
        }
        long id = db.insertInto(CAMPAIGN)
                .set(CAMPAIGN.ORGANISATION_ID, actor.organisationId())
                .set(CAMPAIGN.NAME, clean)
                .set(CAMPAIGN.HASHTAGS, tags.toArray(String[]::new))
                .set(CAMPAIGN.STARTS_ON, startsOn)
                .set(CAMPAIGN.ENDS_ON, endsOn)
                .set(CAMPAIGN.GOAL, cleanGoal)
                .returning(CAMPAIGN.ID)
                .fetchSingle(CAMPAIGN.ID);
        audit.record(actor, "campaign.created", "campaign", id, "Campaign \"" + clean + "\" created", null,
                Map.of("name", clean, "hashtags", String.join(" ", tags),
                        "dates", (startsOn == null ? "" : startsOn) + " to " + (endsOn == null ? "" : endsOn),
                        "goal", cleanGoal == null ? "" : cleanGoal));
        return get(id);
    }

    /**
     * The campaign's posts (by their current revision), soonest or latest first: scheduled ones by their
     * time, published ones by when they went out, with their latest metrics. Each post only to who may see it
     * ({@link Actor#maySeePost}, as everywhere else): its author, the approvers of its account's department (or
     * of the whole organisation), the organisation's auditors. A campaign spans departments; its page does not.
     */
    @Transactional(readOnly = true)
    public List<CampaignPost> posts(long campaignId) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER, Role.ORG_ADMIN, Role.AUDITOR);
        Campaign campaign = get(campaignId);
        var latest = POST_METRIC_SNAPSHOT.as("latest");
        var engagements = latest.LIKES.plus(latest.REPOSTS).plus(latest.REPLIES).plus(latest.QUOTES);
        return db.select(POST.ID, OFFICIAL_ACCOUNT.HANDLE, POST_REVISION.TEXT, POST.STATE, POST.SCHEDULED_AT, POST.PUBLISHED_AT,
                        engagements, latest.IMPRESSIONS, POST.GONE_FROM_X_AT, POST.AUTHOR_ID, OFFICIAL_ACCOUNT.DEPARTMENT_ID)
                .from(POST)
                .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                .leftJoin(latest).on(latest.POST_ID.eq(POST.ID), latest.MILESTONE_HOURS.eq(
                        DSL.select(DSL.max(POST_METRIC_SNAPSHOT.MILESTONE_HOURS)).from(POST_METRIC_SNAPSHOT)
                                .where(POST_METRIC_SNAPSHOT.POST_ID.eq(POST.ID))))
                .where(POST.ORGANISATION_ID.eq(actor.organisationId()), POST_REVISION.CAMPAIGN_ID.eq(campaign.id()))
                .orderBy(DSL.coalesce(POST.PUBLISHED_AT, POST.SCHEDULED_AT, POST.CREATED_AT).desc(), POST.ID.desc())
                .fetch().stream()
                .filter(r -> actor.maySeePost(r.get(POST.AUTHOR_ID), r.get(OFFICIAL_ACCOUNT.DEPARTMENT_ID)))
                .map(r -> new CampaignPost(r.get(POST.ID), r.get(OFFICIAL_ACCOUNT.HANDLE), r.get(POST_REVISION.TEXT),
                        r.get(POST.STATE), r.get(POST.SCHEDULED_AT) == null ? null : r.get(POST.SCHEDULED_AT).toInstant(),
                        r.get(POST.PUBLISHED_AT) == null ? null : r.get(POST.PUBLISHED_AT).toInstant(),
                        r.get(engagements), r.get(latest.IMPRESSIONS), r.get(POST.GONE_FROM_X_AT) != null))
                .toList();
    }

    private static Campaign toCampaign(CampaignRecord row) {
        return new Campaign(row.getId(), row.getName(), Arrays.asList(row.getHashtags()), row.getStartsOn(), row.getEndsOn(),
                row.getGoal());
    }
}
