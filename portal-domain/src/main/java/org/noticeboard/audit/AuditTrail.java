package org.noticeboard.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to an organisation's audit trail. Must run inside the transaction of the change it
 * records (it refuses to run outside one), so that the change and its record commit together
 * or not at all. Each event is chained to the one before it with HMAC-SHA256 under the current
 * audit key ({@link AuditKeys}), which the database never holds.
 */
@Component
public class AuditTrail {

    private final AuditRepository chain;
    private final Clock clock;
    private final AuditKeys keys;

    public AuditTrail(org.jooq.DSLContext db, Clock clock, AuditKeys keys) {
        this.chain = new AuditRepository(db);
        this.clock = clock;
        this.keys = keys;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, Object subjectId, String summary,
            @Nullable Map<String, ? extends @Nullable Object> before,
            @Nullable Map<String, ? extends @Nullable Object> after) {
        recordAll(actor, List.of(new Entry(action, subjectType, subjectId, summary, before, after)));
    }

    /** One change to record: what was done, to what, and its state before and after. */
    public record Entry(String action, String subjectType, Object subjectId, String summary,
            @Nullable Map<String, ? extends @Nullable Object> before,
            @Nullable Map<String, ? extends @Nullable Object> after) {}

    /**
     * Several changes by one actor, chained in the order given, with three statements however many
     * there are (publishing a burst of posts records each one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Actor actor, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long org = actor.organisationId();
        var head = chain.lockHead(org);
        long seq = head.seq();
        String previous = head.hash();
        String keyId = keys.currentKeyId();
        var occurredAt = AuditHashing.truncate(clock.instant());
        var rows = new ArrayList<AuditRepository.NewEvent>(entries.size());
        for (Entry entry : entries) {
            seq++;
            String beforeState = entry.before() == null ? null : AuditState.canonical(entry.before());
            String afterState = entry.after() == null ? null : AuditState.canonical(entry.after());
            String id = entry.subjectId().toString();
            String hash = AuditHashing.keyedHash(keys, keyId, previous, org, seq, occurredAt, actor.memberId(),
                    actor.displayName(), entry.action(), entry.subjectType(), id, entry.summary(), beforeState, afterState)
                    .orElseThrow();
            rows.add(new AuditRepository.NewEvent(org, seq, occurredAt, actor.memberId(), actor.displayName(),
                    entry.action(), entry.subjectType(), id, entry.summary(), beforeState, afterState,
                    AuditHashing.digest(beforeState), AuditHashing.digest(afterState), previous, hash, AuditHashing.KEYED,
                    keyId));
            previous = hash;
        }
        chain.append(rows);
        chain.moveHead(org, new AuditRepository.Head(seq, previous));
    }
}
