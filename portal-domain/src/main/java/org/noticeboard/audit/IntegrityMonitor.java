package org.noticeboard.audit;

import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ORGANISATION;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.notification.MailOutbox;
import org.noticeboard.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily verification of every organisation's hash chain, run by the scheduler (not by a
 * member). Each result is stored; a broken chain alerts the organisation's admins and auditors
 * (in the portal and by e-mail), every day until it is dealt with. An intact chain's head is then
 * exported as a signed checkpoint ({@link AuditCheckpoint}) to a file outside the database and
 * e-mailed to the organisation's auditors: later verifications hold the chain against it.
 */
@Component
public class IntegrityMonitor {

    private static final Logger log = LoggerFactory.getLogger(IntegrityMonitor.class);
    static final String CHECKER = "Daily integrity check";

    static final String CHECKPOINTER = "Audit checkpoint";

    private final DSLContext db;
    private final AuditService audit;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final AuditTrail trail;
    private final AuditKeys keys;
    private final AuditCheckpointFiles checkpoints;
    private final MailOutbox mail;
    private final java.time.Clock clock;

    public IntegrityMonitor(DSLContext db, AuditService audit, NotificationService notifications, TransactionTemplate tx,
            AuditTrail trail, AuditKeys keys, AuditCheckpointFiles checkpoints, MailOutbox mail, java.time.Clock clock) {
        this.db = db;
        this.audit = audit;
        this.notifications = notifications;
        this.tx = tx;
        this.trail = trail;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.mail = mail;
        this.clock = clock;
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

    /** Verifies the organisation's chain, stores the result and, when it is intact, exports a checkpoint of it. */
    public IntegrityReport check(long organisationId) {
        var verification = java.util.Objects.requireNonNull(tx.execute(status -> {
            AuditService.Verification verified = audit.verifyChain(organisationId);
            IntegrityReport report = verified.report();
            audit.store(organisationId, report, "SCHEDULED", CHECKER);
            if (!report.intact()) {
                log.warn("Audit trail of organisation {} is broken: {}", organisationId, report.describe());
                notifications.tell(organisationId, guardians(organisationId), null,
                        "The audit trail failed its daily integrity check. " + report.describe()
                                + " Open the audit trail's integrity page and tell information governance.", null);
            }
            return verified;
        }));
        if (verification.report().intact()) {
            try {
                checkpoint(organisationId, verification.lastSeq(), verification.lastHash());
            } catch (RuntimeException e) {
                // the check itself is stored; without a checkpoint the chain is still verified by its keyed hashes
                log.error("Audit checkpoint of organisation {} could not be exported to {}", organisationId,
                        checkpoints.directory(), e);
            }
        }
        return verification.report();
    }

    /**
     * Signs the verified head (event {@code seq} with hash {@code hash}), writes it to the checkpoint
     * directory, records that in the trail and e-mails the file's text to the organisation's auditors.
     * Nothing to do for an empty chain, or when a checkpoint of that event is already there.
     */
    public java.util.Optional<AuditCheckpoint> checkpoint(long organisationId, long seq, String hash) {
        if (seq == 0 || checkpoints.read(organisationId).stream()
                .anyMatch(f -> f.checkpoint().map(c -> c.seq() == seq).orElse(false))) {
            return java.util.Optional.empty();
        }
        var repository = new AuditRepository(db);
        String organisationName = repository.organisationName(organisationId);
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(keys, organisationId, seq, hash,
                AuditHashing.truncate(clock.instant()));
        java.nio.file.Path file = checkpoints.write(checkpoint, organisationName);
        List<String> auditors = repository.auditorAddresses(organisationId);
        tx.executeWithoutResult(status -> trail.record(Actor.system(organisationId, CHECKPOINTER), "audit.checkpoint-exported",
                "audit_trail", seq, "Checkpoint of event #" + seq + " signed with audit key \"" + checkpoint.keyId()
                        + "\", written to " + file + (auditors.isEmpty() ? " (no auditor has an e-mail address to send it to)"
                                : " and e-mailed to " + auditors.size() + (auditors.size() == 1 ? " auditor" : " auditors")),
                null, java.util.Map.of("seq", String.valueOf(seq), "headHash", hash, "keyId", checkpoint.keyId(),
                        "file", file.getFileName().toString())));
        String body = "This is a signed checkpoint of " + organisationName + "'s audit trail in Noticeboard: event #" + seq
                + " and the hash that chains every event before it. Keep this e-mail. If anyone rewrites or cuts the trail"
                + " short later, it will no longer match this checkpoint; to check, put the text below in a file named"
                + " *.checkpoint in the portal's checkpoint directory (" + checkpoints.folder(organisationId)
                + ") and run the integrity check.\n\n" + checkpoint.text(organisationName);
        for (String address : auditors) {
            try {
                mail.send(address, "Noticeboard: audit checkpoint of " + organisationName + " (event #" + seq + ")", body);
            } catch (RuntimeException e) {
                // the file is written and the trail records it; a mail server hiccup must not undo that
                log.warn("Could not e-mail the audit checkpoint of organisation {}: {}", organisationId, e.getMessage());
            }
        }
        return java.util.Optional.of(checkpoint);
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
