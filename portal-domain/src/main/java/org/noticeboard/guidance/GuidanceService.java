package org.noticeboard.guidance;

import static org.noticeboard.db.jooq.Tables.GUIDANCE_SECTION;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.GuidanceSectionRecord;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.Names;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's social-media guidance: every member reads it, organisation admins edit it. */
@Service
public class GuidanceService {

    static final int MAX_BODY = 5000;

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public GuidanceService(DSLContext db, Access access, AuditTrail audit, Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** All sections in order; sections the organisation has not written yet start from the default text. */
    @Transactional
    public List<GuidanceEntry> sections() {
        Actor actor = access.actor();
        ensureDefaults(actor.organisationId());
        return db.selectFrom(GUIDANCE_SECTION)
                .where(GUIDANCE_SECTION.ORGANISATION_ID.eq(actor.organisationId()))
                .orderBy(GUIDANCE_SECTION.POSITION)
                .fetch(GuidanceService::toEntry);
    }

    @Transactional
    public GuidanceEntry update(GuidanceSection section, String body, int version) {
        Actor actor = access.require(Role.ORG_ADMIN);
        ensureDefaults(actor.organisationId());
        String clean = Names.required(body, "body", "The guidance text", MAX_BODY).replace("\r\n", "\n");
        var current = db.selectFrom(GUIDANCE_SECTION)
                .where(GUIDANCE_SECTION.ORGANISATION_ID.eq(actor.organisationId()), GUIDANCE_SECTION.ANCHOR.eq(section.anchor()))
                .fetchSingle();
        int updated = db.update(GUIDANCE_SECTION)
                .set(GUIDANCE_SECTION.BODY, clean)
                .set(GUIDANCE_SECTION.UPDATED_BY_NAME, actor.displayName())
                .set(GUIDANCE_SECTION.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(GUIDANCE_SECTION.VERSION, GUIDANCE_SECTION.VERSION.plus(1))
                .where(GUIDANCE_SECTION.ORGANISATION_ID.eq(actor.organisationId()),
                        GUIDANCE_SECTION.ANCHOR.eq(section.anchor()), GUIDANCE_SECTION.VERSION.eq(version))
                .execute();
        if (updated != 1) {
            throw ConflictException.changedMeanwhile("The guidance section \"" + section.title() + "\"");
        }
        audit.record(actor, "guidance.updated", "guidance", section.anchor(),
                "Guidance \"" + section.title() + "\" edited", Map.of("text", current.getBody()), Map.of("text", clean));
        return sections().stream().filter(e -> e.section() == section).findFirst().orElseThrow();
    }

    private void ensureDefaults(long organisationId) {
        if (db.fetchCount(GUIDANCE_SECTION, GUIDANCE_SECTION.ORGANISATION_ID.eq(organisationId))
                == GuidanceSection.values().length) {
            return;
        }
        for (GuidanceSection section : GuidanceSection.values()) {
            db.insertInto(GUIDANCE_SECTION)
                    .set(GUIDANCE_SECTION.ORGANISATION_ID, organisationId)
                    .set(GUIDANCE_SECTION.ANCHOR, section.anchor())
                    .set(GUIDANCE_SECTION.TITLE, section.title())
                    .set(GUIDANCE_SECTION.BODY, DefaultGuidance.TEXT.get(section))
                    .set(GUIDANCE_SECTION.POSITION, section.ordinal())
                    .set(GUIDANCE_SECTION.UPDATED_BY_NAME, "Noticeboard (default text)")
                    .onConflictDoNothing()
                    .execute();
        }
    }

    private static GuidanceEntry toEntry(GuidanceSectionRecord row) {
        var section = java.util.Arrays.stream(GuidanceSection.values())
                .filter(s -> s.anchor().equals(row.getAnchor())).findFirst().orElseThrow();
        return new GuidanceEntry(section, row.getTitle(), row.getBody(), row.getUpdatedByName(),
                row.getUpdatedAt().toInstant(), row.getVersion());
    }
}
