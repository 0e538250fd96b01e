package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ORGANISATION;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.noticeboard.access.Role;
import org.noticeboard.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily verification of every organisation's hash chain, run by the scheduler (not by a
 * member). Each result is stored; a broken chain alerts the organisation's admins and auditors
 * (in the portal and by e-mail), every day until it is dealt with.
 */
@Component
public class IntegrityMonitor {

    private static final Logger log = LoggerFactory.getLogger(IntegrityMonitor.class);
    static final String CHECKER = "Daily integrity check";

    private final DSLContext db;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;

    public IntegrityMonitor(DSLContext db, AuditService audit, NotificationService notifications, TransactionTemplate tx) {
        this.db = db;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
    }

    /** Verifies every organisation, each in its own transaction so one failure does not stop the others. */
    public List<IntegrityReport> checkAll() {
        var reports = new ArrayList<IntegrityReport>();
        for (long organisationId : db.select(ORGANISATION.ID).from(ORGANISATION).orderBy(ORGANISATION.ID).fetch(ORGANISATION.ID)) {
            try {
                reports.add(check(organisationId));
            } catch (RuntimeException e) {
                log.error("Integrity check of organisation {} could not run", organisationId, e);
            }
        }
        return reports;
    }

    public IntegrityReport check(long organisationId) {
        return java.util.Objects.requireNonNull(tx.execute(status -> {
            IntegrityReport report = audit.verify(organisationId);
            audit.store(organisationId, report, "SCHEDULED", CHECKER);
            if (!report.intact()) {
                log.warn("Audit trail of organisation {} is broken: {}", organisationId, report.describe());
                notifications.tell(organisationId, guardians(organisationId), null,
                        "The audit trail failed its daily integrity check. " + report.describe()
                                + " Open the audit trail's integrity page and tell information governance.", null);
            }
            return report;
        }));
    }

    /** Active organisation admins and auditors: those who must hear of a broken chain. */
    private List<Long> guardians(long organisationId) {
        return db.selectDistinct(ROLE_GRANT.MEMBER_ID)
                .from(ROLE_GRANT)
                .join(MEMBER).on(MEMBER.ID.eq(ROLE_GRANT.MEMBER_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), MEMBER.ACTIVE.isTrue(),
                        ROLE_GRANT.ROLE.in(Role.ORG_ADMIN.name(), Role.AUDITOR.name()))
                .fetch(ROLE_GRANT.MEMBER_ID);
    }
}
