package org.noticeboard.stakeholder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.account.XHandle;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's stakeholder directory. Every member reads it; curators (of any department) and
 * organisation admins change it. Handles are checked against X as one of the organisation's
 * connected official accounts; without one they are kept unchecked, which is not an error.
 *
 * <p>Adding, editing a handle and refreshing call X between two short steps, not inside a
 * transaction: the duplicate checks run again in the transaction that writes.
 */
@Service
public class StakeholderService {

    static final int MAX_PAGE = 500;
    static final int MAX_REFRESH = 1000;

    private final StakeholderRepository stakeholders;
    private final StakeholderLists lists;
    private final XLookup lookup;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public StakeholderService(StakeholderRepository stakeholders, StakeholderLists lists, XLookup lookup, Access access,
            AuditTrail audit, Clock clock, TransactionTemplate tx) {
        this.stakeholders = stakeholders;
        this.lists = lists;
        this.lookup = lookup;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Transactional(readOnly = true)
    public Stakeholder get(long id) {
        return find(access.requireAnyRole(), id);
    }

    /** A page of the directory in name order, and how many match in all. */
    @Transactional(readOnly = true)
    public StakeholderPage search(StakeholderQuery query, int offset, int limit) {
        Actor actor = access.requireAnyRole();
        if (offset < 0) {
            throw new InvalidInputException("out_of_range", "offset", "The offset cannot be negative.");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("out_of_range", "limit", "A page holds 1 to " + MAX_PAGE + " stakeholders.");
        }
        return stakeholders.page(actor.organisationId(), query, offset, limit);
    }

    /** Every stakeholder matching the query, in name order: for exports. */
    @Transactional(readOnly = true)
    public List<Stakeholder> all(StakeholderQuery query) {
        Actor actor = access.requireAnyRole();
        return stakeholders.search(actor.organisationId(), query, 0, Integer.MAX_VALUE);
    }

    /** The regions in use, for the directory's filter. */
    @Transactional(readOnly = true)
    public List<String> regions() {
        return stakeholders.regions(access.requireAnyRole().organisationId());
    }

    /** The topics in use, for the directory's filter. */
    @Transactional(readOnly = true)
    public List<String> topics() {
        return stakeholders.topics(access.requireAnyRole().organisationId());
    }

    public CheckedStakeholder add(StakeholderDraft draft) {
        Actor actor = writer();
        StakeholderFields.Clean clean = StakeholderFields.clean(draft);
        refuseDuplicateHandle(actor, clean.handle(), null);
        XLookup.Answer answer = lookup.lookUp(List.of(clean.handle()));
        XFacts facts = answer.factsFor(clean.handle());
        return saving(actor, clean.handle(), null, () -> tx.execute(status -> {
            refuseDuplicateHandle(actor, clean.handle(), null);
            if (facts != null && facts.userId() != null) {
                refuseDuplicateXUser(actor, clean.handle(), facts.userId(), null);
            }
            long id = stakeholders.insert(actor.organisationId(), clean, facts, actor.memberId(), clock.instant());
            var after = clean.state();
            after.put("x", facts == null ? "unchecked" : facts.exists() ? "user " + facts.userId() : "not on X");
            audit.record(actor, "stakeholder.added", "stakeholder", id,
                    "Stakeholder " + clean.handle() + " (" + clean.name() + ") added to the directory", null, after);
            return checked(find(actor, id), answer);
        }));
    }

    /**
     * Saves a person's changes. A changed handle is looked up on X again; an unchanged one keeps what
     * X said before (refresh asks again).
     */
    public CheckedStakeholder update(long id, StakeholderDraft draft, int version) {
        Actor actor = writer();
        Stakeholder current = find(actor, id);
        StakeholderFields.Clean clean = StakeholderFields.clean(draft);
        boolean handleChanged = !clean.handle().value().equals(current.handle().value());
        boolean newUser = !StakeholderFields.key(clean.handle()).equals(StakeholderFields.key(current.handle()));
        XLookup.Answer answer = null;
        if (newUser) {
            refuseDuplicateHandle(actor, clean.handle(), id);
            answer = lookup.lookUp(List.of(clean.handle()));
        }
        XLookup.Answer asked = answer;
        XFacts facts = asked == null ? null : asked.factsFor(clean.handle());
        return saving(actor, clean.handle(), id, () -> tx.execute(status -> {
            if (newUser) {
                refuseDuplicateHandle(actor, clean.handle(), id);
                if (facts != null && facts.userId() != null) {
                    refuseDuplicateXUser(actor, clean.handle(), facts.userId(), id);
                }
            }
            if (!stakeholders.update(actor.organisationId(), id, clean, newUser, facts, version, clock.instant())) {
                throw ConflictException.changedMeanwhile("Stakeholder " + current.handle());
            }
            var before = StakeholderFields.clean(current.toDraft()).state();
            audit.record(actor, "stakeholder.updated", "stakeholder", id, "Stakeholder " + clean.handle() + " ("
                    + clean.name() + ") updated" + (handleChanged ? ", handle was " + current.handle() : ""),
                    before, clean.state());
            Stakeholder saved = find(actor, id);
            return asked == null ? new CheckedStakeholder(saved, saved.xCheck(), "") : checked(saved, asked);
        }));
    }

    /** Removes a stakeholder from the directory; refused while it is on a follow list (the message says which). */
    @Transactional
    public void remove(long id, int version) {
        Actor actor = writer();
        Stakeholder current = find(actor, id);
        lists.holding(actor, id).ifPresent(where -> {
            throw new ConflictException("on_list", current.handle() + " (" + current.name() + ") is on " + where
                    + ". Remove it from those lists first.");
        });
        try {
            if (!stakeholders.delete(actor.organisationId(), id, version)) {
                throw ConflictException.changedMeanwhile("Stakeholder " + current.handle());
            }
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("on_list", current.handle() + " was added to a follow list meanwhile. "
                    + "Remove it from that list first.");
        }
        audit.record(actor, "stakeholder.removed", "stakeholder", id, "Stakeholder " + current.handle() + " ("
                + current.name() + ") removed from the directory", StakeholderFields.clean(current.toDraft()).state(), null);
    }

    /**
     * Asks X again about these stakeholders, 100 handles a request, and records the answers: user id,
     * name, follower count and whether the account still exists. One audit event for the batch.
     */
    public List<CheckedStakeholder> refresh(List<Long> ids) {
        Actor actor = writer();
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_REFRESH) {
            throw new InvalidInputException("too_many", "ids", distinct.size() + " stakeholders to refresh; at most "
                    + MAX_REFRESH + " at once.");
        }
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<Stakeholder> current = stakeholders.findAll(actor.organisationId(), distinct);
        if (current.size() < distinct.size()) {
            var found = current.stream().map(Stakeholder::id).toList();
            long missing = distinct.stream().filter(i -> !found.contains(i)).findFirst().orElseThrow();
            throw new NotFoundException("Stakeholder", missing);
        }
        XLookup.Answer answer = lookup.lookUp(current.stream().map(Stakeholder::handle).toList());
        if (!answer.checked()) {
            // X did not answer (limit reached, X down, tokens refused): nothing changes, but the attempt is
            // recorded, so the trail shows the background checks that could not run as well as those that did
            tx.executeWithoutResult(status -> audit.record(actor, "stakeholder.check-failed", "stakeholder",
                    current.size() == 1 ? current.getFirst().id() : "batch", current.size()
                            + " stakeholder handle(s) not checked: " + answer.problem(), null,
                    Map.of("handles", current.stream().map(s -> s.handle().toString()).collect(
                            java.util.stream.Collectors.joining(" ")))));
            return current.stream().map(s -> checked(s, answer)).toList();
        }
        return Objects.requireNonNull(tx.execute(status -> record(actor, current, answer)));
    }

    /**
     * Checks up to {@code max} stakeholders that were never checked (imported ones, or added while no
     * account was connected), oldest first. Called after an import, a page at a time, by the UI or by
     * a background job acting as the system.
     */
    public List<CheckedStakeholder> refreshUnchecked(int max) {
        Actor actor = writer();
        return refresh(stakeholders.unchecked(actor.organisationId(), Math.max(1, Math.min(max, MAX_REFRESH))));
    }

    /** How many stakeholders were never checked against X. */
    @Transactional(readOnly = true)
    public int uncheckedCount() {
        return stakeholders.uncheckedCount(access.requireAnyRole().organisationId());
    }

    private List<CheckedStakeholder> record(Actor actor, List<Stakeholder> current, XLookup.Answer answer) {
        var results = new ArrayList<CheckedStakeholder>();
        var found = new ArrayList<String>();
        var missing = new ArrayList<String>();
        for (Stakeholder s : current) {
            XFacts facts = Objects.requireNonNull(answer.factsFor(s.handle()));
            String clash = null;
            if (facts.userId() != null) {
                var other = stakeholders.findByXUserId(actor.organisationId(), facts.userId())
                        .filter(o -> o.id() != s.id());
                if (other.isPresent()) {
                    // two entries for one X user (one of them renamed on X): keep both, say so, link neither
                    clash = s.handle() + " is the same X user as " + other.get().handle() + " (" + other.get().name()
                            + ", #" + other.get().id() + "): one of them is a duplicate.";
                    facts = facts.withoutUserId();
                }
            }
            stakeholders.recordX(actor.organisationId(), s.id(), facts);
            (facts.exists() ? found : missing).add(s.handle().toString());
            Stakeholder saved = find(actor, s.id());
            CheckedStakeholder result = checked(saved, answer);
            results.add(clash == null ? result : new CheckedStakeholder(saved, result.check(), clash));
        }
        var after = new LinkedHashMap<String, @Nullable String>();
        after.put("found", String.join(" ", found));
        after.put("notOnX", String.join(" ", missing));
        after.put("askedAs", String.valueOf(answer.askedAs()));
        audit.record(actor, "stakeholder.checked", "stakeholder", current.size() == 1 ? current.getFirst().id() : "batch",
                current.size() + " stakeholder handle(s) checked against X: " + found.size() + " found, " + missing.size()
                        + " not on X", null, after);
        return results;
    }

    private CheckedStakeholder checked(Stakeholder stakeholder, XLookup.Answer answer) {
        if (!answer.checked()) {
            return new CheckedStakeholder(stakeholder, stakeholder.xCheck(), Objects.requireNonNull(answer.problem()));
        }
        if (Boolean.TRUE.equals(stakeholder.xExists())) {
            return new CheckedStakeholder(stakeholder, XCheck.ON_X, stakeholder.handle() + " is on X as \""
                    + stakeholder.xName() + "\"" + (stakeholder.followersCount() == null ? ""
                    : " with " + stakeholder.followersCount() + " followers") + ".");
        }
        return new CheckedStakeholder(stakeholder, XCheck.NOT_ON_X, "X does not know " + stakeholder.handle()
                + ": the account may have been renamed, suspended or deleted, or the handle is misspelt. "
                + "It is kept in the directory, marked as not on X.");
    }

    private CheckedStakeholder saving(Actor actor, XHandle handle, @Nullable Long exceptId,
            Supplier<@Nullable CheckedStakeholder> work) {
        try {
            return Objects.requireNonNull(work.get());
        } catch (DataIntegrityViolationException e) {
            // someone saved the same handle or X user between our check and our insert
            refuseDuplicateHandle(actor, handle, exceptId);
            throw new ConflictException("duplicate", handle + " was added to the directory by someone else meanwhile.");
        }
    }

    private Actor writer() {
        return access.require(Role.CURATOR, Role.ORG_ADMIN);
    }

    private Stakeholder find(Actor actor, long id) {
        return stakeholders.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Stakeholder", id));
    }

    private void refuseDuplicateHandle(Actor actor, XHandle handle, @Nullable Long exceptId) {
        stakeholders.findByHandle(actor.organisationId(), handle)
                .filter(existing -> !Objects.equals(existing.id(), exceptId))
                .ifPresent(existing -> {
                    throw new DuplicateStakeholderException(existing.id(), existing.handle(), existing.handle()
                            + " is already in the directory as \"" + existing.name() + "\" (#" + existing.id() + ").");
                });
    }

    private void refuseDuplicateXUser(Actor actor, XHandle handle, String xUserId, @Nullable Long exceptId) {
        stakeholders.findByXUserId(actor.organisationId(), xUserId)
                .filter(existing -> !Objects.equals(existing.id(), exceptId))
                .ifPresent(existing -> {
                    throw new DuplicateStakeholderException(existing.id(), existing.handle(), handle
                            + " is the same X user as " + existing.handle() + ", already in the directory as \""
                            + existing.name() + "\" (#" + existing.id() + "): the account was renamed on X.");
                });
    }
}
