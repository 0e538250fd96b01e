package org.noticeboard.member;

import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;
import static org.noticeboard.db.jooq.Tables.UNATTRIBUTED_SIGN_IN_FAILURE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Grant;
import org.noticeboard.access.Role;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private final DSLContext db;

    MemberRepository(DSLContext db) {
        this.db = db;
    }

    List<Member> findAll(long organisationId) {
        return fetch(MEMBER.ORGANISATION_ID.eq(organisationId));
    }

    Optional<Member> find(long organisationId, long id) {
        return fetch(MEMBER.ORGANISATION_ID.eq(organisationId).and(MEMBER.ID.eq(id))).stream().findFirst();
    }

    Optional<Long> findIdByUsername(String username) {
        return db.select(MEMBER.ID).from(MEMBER)
                .where(DSL.lower(MEMBER.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(MEMBER.ID);
    }

    Optional<Long> findIdBySubject(String issuer, String subject) {
        return db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.IDP_ISSUER.eq(issuer), MEMBER.IDP_SUBJECT.eq(subject))
                .fetchOptional(MEMBER.ID);
    }

    Optional<Long> findUnlinkedIdByEmail(long organisationId, String email) {
        return db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.IDP_SUBJECT.isNull(),
                        DSL.lower(MEMBER.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(MEMBER.ID);
    }

    Optional<Long> organisationOf(long memberId) {
        return db.select(MEMBER.ORGANISATION_ID).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOptional(MEMBER.ORGANISATION_ID);
    }

    boolean emailTaken(long organisationId, String email, @Nullable Long exceptId) {
        Condition condition = MEMBER.ORGANISATION_ID.eq(organisationId)
                .and(DSL.lower(MEMBER.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)));
        if (exceptId != null) {
            condition = condition.and(MEMBER.ID.ne(exceptId));
        }
        return db.fetchExists(MEMBER, condition);
    }

    boolean usernameTaken(String username) {
        return db.fetchExists(MEMBER, DSL.lower(MEMBER.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)));
    }

    long insert(long organisationId, String displayName, @Nullable String email, @Nullable Long departmentId,
            @Nullable String username, @Nullable String issuer, @Nullable String subject) {
        return db.insertInto(MEMBER)
                .set(MEMBER.ORGANISATION_ID, organisationId)
                .set(MEMBER.DISPLAY_NAME, displayName)
                .set(MEMBER.EMAIL, email)
                .set(MEMBER.DEPARTMENT_ID, departmentId)
                .set(MEMBER.USERNAME, username)
                .set(MEMBER.IDP_ISSUER, issuer)
                .set(MEMBER.IDP_SUBJECT, subject)
                .returning(MEMBER.ID)
                .fetchSingle(MEMBER.ID);
    }

    boolean update(long organisationId, long id, String displayName, @Nullable String email,
            @Nullable Long departmentId, int expectedVersion) {
        return db.update(MEMBER)
                        .set(MEMBER.DISPLAY_NAME, displayName)
                        .set(MEMBER.EMAIL, email)
                        .set(MEMBER.DEPARTMENT_ID, departmentId)
                        .set(MEMBER.VERSION, MEMBER.VERSION.plus(1))
                        .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.ID.eq(id), MEMBER.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    boolean setActive(long organisationId, long id, boolean active, int expectedVersion) {
        return db.update(MEMBER)
                        .set(MEMBER.ACTIVE, active)
                        .set(MEMBER.VERSION, MEMBER.VERSION.plus(1))
                        .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.ID.eq(id), MEMBER.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    void linkSubject(long id, String issuer, String subject) {
        db.update(MEMBER).set(MEMBER.IDP_ISSUER, issuer).set(MEMBER.IDP_SUBJECT, subject).where(MEMBER.ID.eq(id)).execute();
    }

    /**
     * Counts a failed sign-in that names nobody known, per day, name tried and source address: one row
     * however often it is tried, so a flood of guesses cannot fill the database one row a guess.
     */
    void countUnattributedSignInFailure(String username, String sourceAddress, OffsetDateTime at) {
        db.insertInto(UNATTRIBUTED_SIGN_IN_FAILURE)
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.DAY, at.toLocalDate())
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.USERNAME, username)
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.SOURCE_ADDRESS, sourceAddress)
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.ATTEMPTS, 1L)
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.LAST_AT, at)
                .onConflict(UNATTRIBUTED_SIGN_IN_FAILURE.DAY, UNATTRIBUTED_SIGN_IN_FAILURE.USERNAME,
                        UNATTRIBUTED_SIGN_IN_FAILURE.SOURCE_ADDRESS)
                .doUpdate()
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.ATTEMPTS, UNATTRIBUTED_SIGN_IN_FAILURE.ATTEMPTS.plus(1L))
                .set(UNATTRIBUTED_SIGN_IN_FAILURE.LAST_AT, at)
                .execute();
    }

    void touchSignIn(long id, OffsetDateTime at) {
        db.update(MEMBER).set(MEMBER.LAST_SIGN_IN_AT, at).where(MEMBER.ID.eq(id)).execute();
    }

    boolean grantExists(long memberId, Role role, @Nullable Long departmentId) {
        return db.fetchExists(ROLE_GRANT, ROLE_GRANT.MEMBER_ID.eq(memberId), ROLE_GRANT.ROLE.eq(role.name()),
                departmentId == null ? ROLE_GRANT.DEPARTMENT_ID.isNull() : ROLE_GRANT.DEPARTMENT_ID.eq(departmentId));
    }

    long insertGrant(long organisationId, long memberId, Role role, @Nullable Long departmentId, @Nullable Long grantedBy) {
        return db.insertInto(ROLE_GRANT)
                .set(ROLE_GRANT.ORGANISATION_ID, organisationId)
                .set(ROLE_GRANT.MEMBER_ID, memberId)
                .set(ROLE_GRANT.ROLE, role.name())
                .set(ROLE_GRANT.DEPARTMENT_ID, departmentId)
                .set(ROLE_GRANT.GRANTED_BY, grantedBy)
                .returning(ROLE_GRANT.ID)
                .fetchSingle(ROLE_GRANT.ID);
    }

    /** The grant with its member, when it belongs to the organisation. */
    Optional<Map.Entry<Long, Grant>> findGrant(long organisationId, long grantId) {
        return db.select(ROLE_GRANT.ID, ROLE_GRANT.MEMBER_ID, ROLE_GRANT.ROLE, ROLE_GRANT.DEPARTMENT_ID, DEPARTMENT.NAME)
                .from(ROLE_GRANT)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(ROLE_GRANT.DEPARTMENT_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), ROLE_GRANT.ID.eq(grantId))
                .fetchOptional(r -> Map.entry(r.get(ROLE_GRANT.MEMBER_ID), toGrant(r)));
    }

    void deleteGrant(long grantId) {
        db.deleteFrom(ROLE_GRANT).where(ROLE_GRANT.ID.eq(grantId)).execute();
    }

    /**
     * Whether the organisation has ever had an organisation admin: someone holds the role now (in any scope), or
     * the audit trail records a grant of it (since revoked, or its member since changed).
     */
    boolean organisationAdminEverGranted(long organisationId) {
        return db.fetchExists(ROLE_GRANT, ROLE_GRANT.ORGANISATION_ID.eq(organisationId), ROLE_GRANT.ROLE.eq(Role.ORG_ADMIN.name()))
                || db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ORGANISATION_ID.eq(organisationId),
                        AUDIT_EVENT.ACTION.eq("role.granted"),
                        DSL.field("cast({0} as jsonb) ->> 'role'", String.class, AUDIT_EVENT.AFTER_STATE)
                                .eq(Role.ORG_ADMIN.name()));
    }

    /** Active members holding ORG_ADMIN across the organisation, locked so two removals cannot both pass the check. */
    int countActiveOrganisationAdmins(long organisationId) {
        return db.select(ROLE_GRANT.ID)
                .from(ROLE_GRANT)
                .join(MEMBER).on(MEMBER.ID.eq(ROLE_GRANT.MEMBER_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), ROLE_GRANT.ROLE.eq(Role.ORG_ADMIN.name()),
                        ROLE_GRANT.DEPARTMENT_ID.isNull(), MEMBER.ACTIVE.isTrue())
                .forUpdate()
                .fetch()
                .size();
    }

    private List<Member> fetch(Condition condition) {
        var rows = db.select(MEMBER.asterisk(), DEPARTMENT.NAME)
                .from(MEMBER)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(MEMBER.DEPARTMENT_ID))
                .where(condition)
                .orderBy(MEMBER.DISPLAY_NAME, MEMBER.ID)
                .fetch();
        var ids = rows.map(r -> r.get(MEMBER.ID));
        Map<Long, List<Grant>> grants = db.select(ROLE_GRANT.ID, ROLE_GRANT.MEMBER_ID, ROLE_GRANT.ROLE,
                        ROLE_GRANT.DEPARTMENT_ID, DEPARTMENT.NAME)
                .from(ROLE_GRANT)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(ROLE_GRANT.DEPARTMENT_ID))
                .where(ROLE_GRANT.MEMBER_ID.in(ids))
                .orderBy(ROLE_GRANT.ROLE, ROLE_GRANT.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.get(ROLE_GRANT.MEMBER_ID),
                        Collectors.mapping(MemberRepository::toGrant, Collectors.toList())));
        return rows.map(r -> toMember(r, grants.getOrDefault(r.get(MEMBER.ID), List.of())));
    }

    private static Grant toGrant(Record r) {
        return new Grant(r.get(ROLE_GRANT.ID), Role.valueOf(r.get(ROLE_GRANT.ROLE)), r.get(ROLE_GRANT.DEPARTMENT_ID),
                r.get(DEPARTMENT.NAME));
    }

    private static Member toMember(Record r, List<Grant> grants) {
        var lastSignIn = r.get(MEMBER.LAST_SIGN_IN_AT);
        return new Member(r.get(MEMBER.ID), r.get(MEMBER.DISPLAY_NAME), r.get(MEMBER.EMAIL), r.get(MEMBER.DEPARTMENT_ID),
                r.get(DEPARTMENT.NAME), r.get(MEMBER.USERNAME), r.get(MEMBER.IDP_SUBJECT) != null, r.get(MEMBER.ACTIVE),
                lastSignIn == null ? null : lastSignIn.toInstant(), grants, r.get(MEMBER.VERSION));
    }
}
