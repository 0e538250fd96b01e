package org.noticeboard.account;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.X_AUTHORIZED_CLIENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class OfficialAccountRepository {

    private final DSLContext db;

    OfficialAccountRepository(DSLContext db) {
        this.db = db;
    }

    List<OfficialAccount> findAll(long organisationId) {
        return fetch(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId));
    }

    Optional<OfficialAccount> find(long organisationId, long id) {
        return fetch(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId).and(OFFICIAL_ACCOUNT.ID.eq(id))).stream().findFirst();
    }

    Optional<OfficialAccount> findByHandle(long organisationId, XHandle handle) {
        return fetch(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId)
                        .and(DSL.lower(OFFICIAL_ACCOUNT.HANDLE).eq(handle.value().toLowerCase(java.util.Locale.ROOT))))
                .stream().findFirst();
    }

    long insert(long organisationId, XHandle handle, String displayName, @Nullable Long departmentId) {
        return db.insertInto(OFFICIAL_ACCOUNT)
                .set(OFFICIAL_ACCOUNT.ORGANISATION_ID, organisationId)
                .set(OFFICIAL_ACCOUNT.HANDLE, handle.value())
                .set(OFFICIAL_ACCOUNT.DISPLAY_NAME, displayName)
                .set(OFFICIAL_ACCOUNT.DEPARTMENT_ID, departmentId)
                .returning(OFFICIAL_ACCOUNT.ID)
                .fetchSingle(OFFICIAL_ACCOUNT.ID);
    }

    boolean update(long organisationId, long id, XHandle handle, String displayName, @Nullable Long departmentId,
            int expectedVersion) {
        return db.update(OFFICIAL_ACCOUNT)
                        .set(OFFICIAL_ACCOUNT.HANDLE, handle.value())
                        .set(OFFICIAL_ACCOUNT.DISPLAY_NAME, displayName)
                        .set(OFFICIAL_ACCOUNT.DEPARTMENT_ID, departmentId)
                        .set(OFFICIAL_ACCOUNT.VERSION, OFFICIAL_ACCOUNT.VERSION.plus(1))
                        .where(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId), OFFICIAL_ACCOUNT.ID.eq(id),
                                OFFICIAL_ACCOUNT.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    boolean delete(long organisationId, long id, int expectedVersion) {
        return db.deleteFrom(OFFICIAL_ACCOUNT)
                        .where(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId), OFFICIAL_ACCOUNT.ID.eq(id),
                                OFFICIAL_ACCOUNT.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    private List<OfficialAccount> fetch(Condition condition) {
        return db.select(OFFICIAL_ACCOUNT.asterisk(), DEPARTMENT.NAME)
                .from(OFFICIAL_ACCOUNT)
                .leftJoin(DEPARTMENT).on(DEPARTMENT.ID.eq(OFFICIAL_ACCOUNT.DEPARTMENT_ID))
                .where(condition)
                .orderBy(DSL.lower(OFFICIAL_ACCOUNT.HANDLE))
                .fetch(OfficialAccountRepository::toAccount);
    }

    /** Records that the account is connected to this X user; false when it changed meanwhile. */
    boolean connect(long organisationId, long id, String xUserId, String username, String name, Instant at) {
        return db.update(OFFICIAL_ACCOUNT)
                        .set(OFFICIAL_ACCOUNT.CONNECTION_STATE, ConnectionState.CONNECTED.name())
                        .set(OFFICIAL_ACCOUNT.X_USER_ID, xUserId)
                        .set(OFFICIAL_ACCOUNT.X_USERNAME, username)
                        .set(OFFICIAL_ACCOUNT.X_NAME, name)
                        .set(OFFICIAL_ACCOUNT.CONNECTED_AT, at.atOffset(ZoneOffset.UTC))
                        .setNull(OFFICIAL_ACCOUNT.CONNECTION_PROBLEM)
                        .set(OFFICIAL_ACCOUNT.VERSION, OFFICIAL_ACCOUNT.VERSION.plus(1))
                        .where(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId), OFFICIAL_ACCOUNT.ID.eq(id))
                        .execute() == 1;
    }

    void disconnect(long organisationId, long id) {
        db.deleteFrom(X_AUTHORIZED_CLIENT).where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(id)).execute();
        db.update(OFFICIAL_ACCOUNT)
                .set(OFFICIAL_ACCOUNT.CONNECTION_STATE, ConnectionState.NOT_CONNECTED.name())
                .setNull(OFFICIAL_ACCOUNT.X_USER_ID)
                .setNull(OFFICIAL_ACCOUNT.X_USERNAME)
                .setNull(OFFICIAL_ACCOUNT.X_NAME)
                .setNull(OFFICIAL_ACCOUNT.CONNECTED_AT)
                .setNull(OFFICIAL_ACCOUNT.CONNECTION_PROBLEM)
                .set(OFFICIAL_ACCOUNT.VERSION, OFFICIAL_ACCOUNT.VERSION.plus(1))
                .where(OFFICIAL_ACCOUNT.ORGANISATION_ID.eq(organisationId), OFFICIAL_ACCOUNT.ID.eq(id))
                .execute();
    }

    /** Marks a connected account as needing reconnection; false when it was not connected. */
    boolean needsReconnect(long id, String problem) {
        return db.update(OFFICIAL_ACCOUNT)
                        .set(OFFICIAL_ACCOUNT.CONNECTION_STATE, ConnectionState.NEEDS_RECONNECT.name())
                        .set(OFFICIAL_ACCOUNT.CONNECTION_PROBLEM, problem)
                        .set(OFFICIAL_ACCOUNT.VERSION, OFFICIAL_ACCOUNT.VERSION.plus(1))
                        .where(OFFICIAL_ACCOUNT.ID.eq(id),
                                OFFICIAL_ACCOUNT.CONNECTION_STATE.eq(ConnectionState.CONNECTED.name()))
                        .execute() == 1;
    }

    /** The handle of another account already connected to this X user, if any. */
    Optional<String> connectedElsewhere(long organisationId, long id, String xUserId) {
        return db.select(OFFICIAL_ACCOUNT.HANDLE, OFFICIAL_ACCOUNT.ORGANISATION_ID).from(OFFICIAL_ACCOUNT)
                .where(OFFICIAL_ACCOUNT.X_USER_ID.eq(xUserId), OFFICIAL_ACCOUNT.ID.ne(id))
                .fetchOptional(r -> r.get(OFFICIAL_ACCOUNT.ORGANISATION_ID) == organisationId
                        ? "@" + r.get(OFFICIAL_ACCOUNT.HANDLE) : "an official account of another organisation");
    }

    /** Active members who administer the account: account admins of its department or of the whole organisation. */
    List<Long> accountAdmins(long organisationId, @Nullable Long departmentId) {
        var scope = ROLE_GRANT.DEPARTMENT_ID.isNull();
        if (departmentId != null) {
            scope = scope.or(ROLE_GRANT.DEPARTMENT_ID.eq(departmentId));
        }
        return db.selectDistinct(ROLE_GRANT.MEMBER_ID).from(ROLE_GRANT)
                .join(MEMBER).on(MEMBER.ID.eq(ROLE_GRANT.MEMBER_ID))
                .where(ROLE_GRANT.ORGANISATION_ID.eq(organisationId), ROLE_GRANT.ROLE.eq("ACCOUNT_ADMIN"), scope,
                        MEMBER.ACTIVE.isTrue())
                .fetch(ROLE_GRANT.MEMBER_ID);
    }

    Optional<Long> organisationOf(long id) {
        return db.select(OFFICIAL_ACCOUNT.ORGANISATION_ID).from(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.ID.eq(id))
                .fetchOptional(OFFICIAL_ACCOUNT.ORGANISATION_ID);
    }

    private static OfficialAccount toAccount(Record r) {
        String xUserId = r.get(OFFICIAL_ACCOUNT.X_USER_ID);
        XConnection connection = xUserId == null ? null : new XConnection(xUserId, r.get(OFFICIAL_ACCOUNT.X_USERNAME),
                r.get(OFFICIAL_ACCOUNT.X_NAME), r.get(OFFICIAL_ACCOUNT.CONNECTED_AT).toInstant());
        return new OfficialAccount(r.get(OFFICIAL_ACCOUNT.ID), new XHandle(r.get(OFFICIAL_ACCOUNT.HANDLE)),
                r.get(OFFICIAL_ACCOUNT.DISPLAY_NAME), r.get(OFFICIAL_ACCOUNT.DEPARTMENT_ID), r.get(DEPARTMENT.NAME),
                ConnectionState.valueOf(r.get(OFFICIAL_ACCOUNT.CONNECTION_STATE)), r.get(OFFICIAL_ACCOUNT.VERSION),
                connection, r.get(OFFICIAL_ACCOUNT.CONNECTION_PROBLEM));
    }
}
