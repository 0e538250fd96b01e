package org.noticeboard.organisation;

import static org.noticeboard.db.jooq.Tables.ORGANISATION;

import java.time.ZoneId;
import org.jooq.DSLContext;
import org.noticeboard.access.Access;
import org.noticeboard.db.jooq.tables.records.OrganisationRecord;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrganisationService {

    private final DSLContext db;
    private final Access access;

    public OrganisationService(DSLContext db, Access access) {
        this.db = db;
        this.access = access;
    }

    /** The caller's own organisation. */
    @Transactional(readOnly = true)
    public Organisation current() {
        long id = access.actor().organisationId();
        var row = db.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOne();
        if (row == null) {
            throw new NotFoundException("Organisation", id);
        }
        return toOrganisation(row);
    }

    static Organisation toOrganisation(OrganisationRecord row) {
        return new Organisation(row.getId(), row.getSlug(), row.getName(), ZoneId.of(row.getTimeZone()));
    }
}
