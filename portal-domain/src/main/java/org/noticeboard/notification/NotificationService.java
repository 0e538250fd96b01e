package org.noticeboard.notification;

import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.NOTIFICATION;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-app notifications, written in the transaction of the change they announce; the e-mails go
 * out only after that transaction commits, so a change that is rolled back announces nothing.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final DSLContext db;
    private final Access access;
    private final MailOutbox mail;
    private final Clock clock;

    public NotificationService(DSLContext db, Access access, MailOutbox mail, Clock clock) {
        this.db = db;
        this.access = access;
        this.mail = mail;
        this.clock = clock;
    }

    /** Tells these members of the organisation (the actor excepted) that something needs them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tell(long organisationId, Collection<Long> memberIds, @Nullable Long postId, String text, @Nullable Long except) {
        tellEach(organisationId, memberIds.stream().filter(id -> !id.equals(except)).distinct()
                .map(member -> new Notice(member, postId, text)).toList());
    }

    /** One notice for one member of the organisation. */
    public record Notice(long memberId, @Nullable Long postId, String text) {}

    /**
     * Several notices at once (publishing a burst of posts tells each author): one statement writes
     * them, one reads the addresses; the e-mails go out after commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tellEach(long organisationId, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        var insert = db.insertInto(NOTIFICATION, NOTIFICATION.ORGANISATION_ID, NOTIFICATION.MEMBER_ID, NOTIFICATION.POST_ID,
                NOTIFICATION.TEXT);
        for (Notice notice : notices) {
            insert = insert.values(organisationId, notice.memberId(), notice.postId(), notice.text());
        }
        insert.execute();
        Map<Long, String> addresses = db.select(MEMBER.ID, MEMBER.EMAIL).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(organisationId),
                        MEMBER.ID.in(notices.stream().map(Notice::memberId).distinct().toList()), MEMBER.ACTIVE.isTrue(),
                        MEMBER.EMAIL.isNotNull())
                .fetchMap(MEMBER.ID, MEMBER.EMAIL);
        if (addresses.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (Notice notice : notices) {
                    String address = addresses.get(notice.memberId());
                    if (address == null) {
                        continue;
                    }
                    try {
                        mail.send(address, "Noticeboard: " + notice.text(), notice.text() + "\n\nOpen Noticeboard to see it.");
                    } catch (RuntimeException e) {
                        // the in-app notification stands; a mail server hiccup must not undo the change
                        log.warn("Could not send a notification e-mail: {}", e.getMessage());
                    }
                }
            }
        });
    }

    /** The caller's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine() {
        Actor actor = access.actor();
        return db.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.ORGANISATION_ID.eq(actor.organisationId()), NOTIFICATION.MEMBER_ID.eq(actor.memberId()))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(200)
                .fetch(r -> new Notification(r.getId(), r.getPostId(), r.getText(), r.getCreatedAt().toInstant(), r.getReadAt() != null));
    }

    @Transactional(readOnly = true)
    public int unread() {
        Actor actor = access.actor();
        return db.fetchCount(NOTIFICATION, NOTIFICATION.ORGANISATION_ID.eq(actor.organisationId()),
                NOTIFICATION.MEMBER_ID.eq(actor.memberId()), NOTIFICATION.READ_AT.isNull());
    }

    @Transactional
    public void markRead(long id) {
        Actor actor = access.actor();
        int updated = db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(NOTIFICATION.ID.eq(id), NOTIFICATION.MEMBER_ID.eq(actor.memberId()),
                        NOTIFICATION.ORGANISATION_ID.eq(actor.organisationId()))
                .execute();
        if (updated == 0) {
            throw new NotFoundException("Notification", id);
        }
    }
}
