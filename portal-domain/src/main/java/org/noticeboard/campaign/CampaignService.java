package org.noticeboard.campaign;

import static org.noticeboard.db.jooq.Tables.CAMPAIGN;

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
                .where(CAMPAIGN.ORGANISATION_ID.eq(access.actor().organisationId()))
                .orderBy(CAMPAIGN.NAME)
                .fetch(CampaignService::toCampaign);
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        return db.selectFrom(CAMPAIGN)
                .where(CAMPAIGN.ORGANISATION_ID.eq(access.actor().organisationId()), CAMPAIGN.ID.eq(id))
                .fetchOptional(CampaignService::toCampaign)
                .orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    @Transactional
    public Campaign create(String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
        Actor actor = access.require(Role.APPROVER, Role.ORG_ADMIN);
        String clean = Names.required(name, "name", "The campaign's name", 120);
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
                .returning(CAMPAIGN.ID)
                .fetchSingle(CAMPAIGN.ID);
        audit.record(actor, "campaign.created", "campaign", id, "Campaign \"" + clean + "\" created", null,
                Map.of("name", clean, "hashtags", String.join(" ", tags),
                        "dates", (startsOn == null ? "" : startsOn) + " to " + (endsOn == null ? "" : endsOn)));
        return get(id);
    }

    private static Campaign toCampaign(CampaignRecord row) {
        return new Campaign(row.getId(), row.getName(), Arrays.asList(row.getHashtags()), row.getStartsOn(), row.getEndsOn());
    }
}
