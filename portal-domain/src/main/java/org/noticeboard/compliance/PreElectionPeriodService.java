package org.noticeboard.compliance;

import static org.noticeboard.db.jooq.Tables.PRE_ELECTION_PERIOD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.PreElectionPeriodRecord;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's named pre-election periods: organisation admins keep them, auditors and approvers read them. */
@Service
public class PreElectionPeriodService {

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;

    public PreElectionPeriodService(DSLContext db, Access access, AuditTrail audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PreElectionPeriod> list() {
        Actor actor = access.require(Role.ORG_ADMIN, Role.AUDITOR, Role.APPROVER);
        return periods(actor.organisationId());
    }

    List<PreElectionPeriod> periods(long organisationId) {
        return db.selectFrom(PRE_ELECTION_PERIOD)
                .where(PRE_ELECTION_PERIOD.ORGANISATION_ID.eq(organisationId))
                .orderBy(PRE_ELECTION_PERIOD.STARTS_ON, PRE_ELECTION_PERIOD.ID)
                .fetch(PreElectionPeriodService::toPeriod);
    }

    @Transactional
    public PreElectionPeriod add(@Nullable String name, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
        Actor actor = access.require(Role.ORG_ADMIN);
        String clean = Names.required(name, "name", "The period's name", 200);
        if (startsOn == null) {
            throw new InvalidInputException("required", "startsOn", "Give the day the period starts.");
        }
        if (endsOn == null) {
            throw new InvalidInputException("required", "endsOn", "Give the day the period ends.");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("date_range", "endsOn", "The period ends (" + endsOn + ") before it starts ("
                    + startsOn + ").");
        }
        long id = db.insertInto(PRE_ELECTION_PERIOD)
                .set(PRE_ELECTION_PERIOD.ORGANISATION_ID, actor.organisationId())
                .set(PRE_ELECTION_PERIOD.NAME, clean)
                .set(PRE_ELECTION_PERIOD.STARTS_ON, startsOn)
                .set(PRE_ELECTION_PERIOD.ENDS_ON, endsOn)
                .set(PRE_ELECTION_PERIOD.CREATED_BY_NAME, actor.displayName())
                .returning(PRE_ELECTION_PERIOD.ID)
                .fetchSingle(PRE_ELECTION_PERIOD.ID);
        audit.record(actor, "pre_election_period.added", "pre_election_period", id, "Pre-election period \"" + clean
                + "\" added: " + startsOn + " to " + endsOn, null,
                Map.of("name", clean, "startsOn", startsOn.toString(), "endsOn", endsOn.toString()));
        return get(actor, id);
    }

    @Transactional
    public void remove(long id) {
        Actor actor = access.require(Role.ORG_ADMIN);
        PreElectionPeriod period = get(actor, id);
        db.deleteFrom(PRE_ELECTION_PERIOD).where(PRE_ELECTION_PERIOD.ID.eq(id)).execute();
        audit.record(actor, "pre_election_period.removed", "pre_election_period", id, "Pre-election period \""
                + period.name() + "\" removed", Map.of("name", period.name(), "startsOn", period.startsOn().toString(),
                        "endsOn", period.endsOn().toString()), null);
    }

    private PreElectionPeriod get(Actor actor, long id) {
        return db.selectFrom(PRE_ELECTION_PERIOD)
                .where(PRE_ELECTION_PERIOD.ID.eq(id), PRE_ELECTION_PERIOD.ORGANISATION_ID.eq(actor.organisationId()))
                .fetchOptional(PreElectionPeriodService::toPeriod)
                .orElseThrow(() -> new NotFoundException("Pre-election period", id));
    }

    private static PreElectionPeriod toPeriod(PreElectionPeriodRecord r) {
        return new PreElectionPeriod(r.getId(), r.getName(), r.getStartsOn(), r.getEndsOn(), r.getCreatedByName());
    }
}
