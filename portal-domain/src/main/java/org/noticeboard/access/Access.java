package org.noticeboard.access;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.util.Arrays;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who the caller is and what they may do. Every domain service
 * asks it first, so rules hold however a service is reached (view, URL, another service).
 */
@Component
public class Access {

    private static final ThreadLocal<@Nullable Actor> systemActor = new ThreadLocal<>();

    private final DSLContext db;
    private final CurrentMember currentMember;

    public Access(DSLContext db, CurrentMember currentMember) {
        this.db = db;
        this.currentMember = currentMember;
    }

    /** The caller, with their organisation and grants as stored now. */
    public Actor actor() {
        Actor system = systemActor.get();
        if (system != null) {
            return system;
        }
        Long memberId = currentMember.memberId().orElseThrow(() -> new NotPermittedException(
                "not_signed_in", "You are not signed in, or your session has ended. Sign in again."));
        return load(memberId);
    }

    /**
     * The caller, who must hold at least one of the roles somewhere in their organisation: across it, or in any
     * department. Right for an operation on the organisation's own things (its directory, its campaigns) or on
     * the caller's own slice; an operation on one department's or one account's data checks against that
     * department with {@link #requireFor}. Organisation admin and auditor are held across the organisation only.
     */
    public Actor require(Role... anyOf) {
        Actor actor = actor();
        if (Arrays.stream(anyOf).noneMatch(actor::has)) {
            throw refused(anyOf);
        }
        return actor;
    }

    /**
     * The caller, who must hold some role: a member with none (anyone the identity provider lets in) sees
     * their home page and nothing of the organisation.
     */
    public Actor requireAnyRole() {
        Actor actor = actor();
        if (!actor.hasAnyRole()) {
            throw new NotPermittedException("no_role", "You have no role in this organisation yet, so there is "
                    + "nothing here for you to see. Ask your organisation admin for the role your work needs.");
        }
        return actor;
    }

    /** The caller, who must hold one of the roles across the organisation or in that department. */
    public Actor requireFor(@Nullable Long departmentId, Role... anyOf) {
        Actor actor = actor();
        if (Arrays.stream(anyOf).noneMatch(role -> actor.has(role, departmentId))) {
            throw refused(anyOf);
        }
        return actor;
    }

    /** Runs trusted server-side work (demo seeding, first sign-in) as the system within one organisation. */
    public <T> T asSystem(long organisationId, String name, Supplier<T> work) {
        return actingAs(Actor.system(organisationId, name), work);
    }

    /**
     * Runs trusted server-side work (demo seeding) as that member, with their grants as stored now,
     * so what it changes is recorded under their name and checked against their roles.
     */
    public <T> T asMember(long memberId, Supplier<T> work) {
        return actingAs(load(memberId), work);
    }

    private static <T> T actingAs(Actor actor, Supplier<T> work) {
        Actor previous = systemActor.get();
        systemActor.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                systemActor.remove();
            } else {
                systemActor.set(previous);
            }
        }
    }

    /**
     * The member and their grants in one query (a left join, so a member with no grant still comes back
     * as one row): every service call asks for the caller, so this runs on most requests.
     */
    Actor load(long memberId) {
        var rows = db.select(MEMBER.ID, MEMBER.ORGANISATION_ID, MEMBER.DISPLAY_NAME, MEMBER.ACTIVE,
                        ROLE_GRANT.ID, ROLE_GRANT.ROLE, ROLE_GRANT.DEPARTMENT_ID, DEPARTMENT.NAME)
                .from(MEMBER)
                .leftJoin(ROLE_GRANT).on(ROLE_GRANT.MEMBER_ID.eq(MEMBER.ID), ROLE_GRANT.ORGANISATION_ID.eq(MEMBER.ORGANISATION_ID))
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(ROLE_GRANT.DEPARTMENT_ID))
                .where(MEMBER.ID.eq(memberId))
                .orderBy(ROLE_GRANT.ROLE, ROLE_GRANT.ID)
                .fetch();
        if (rows.isEmpty() || !rows.getFirst().get(MEMBER.ACTIVE)) {
            throw new NotPermittedException("member_inactive",
                    "Your membership is not active. Ask your organisation admin to restore it.");
        }
        var member = rows.getFirst();
        var grants = rows.stream().filter(r -> r.get(ROLE_GRANT.ID) != null)
                .map(r -> new Grant(r.get(ROLE_GRANT.ID), Role.valueOf(r.get(ROLE_GRANT.ROLE)),
                        r.get(ROLE_GRANT.DEPARTMENT_ID), r.get(DEPARTMENT.NAME)))
                .toList();
        return new Actor(member.get(MEMBER.ID), member.get(MEMBER.ORGANISATION_ID), member.get(MEMBER.DISPLAY_NAME), grants);
    }

    private static NotPermittedException refused(Role... anyOf) {
        String needed = String.join(" or ", Arrays.stream(anyOf).map(Role::label).toList());
        return new NotPermittedException("role_required", "This needs the " + needed + " role.");
    }
}
