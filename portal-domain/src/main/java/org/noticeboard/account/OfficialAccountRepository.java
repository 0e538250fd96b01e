package org.noticeboard.account;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;

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

    private static OfficialAccount toAccount(Record r) {
        return new OfficialAccount(r.get(OFFICIAL_ACCOUNT.ID), new XHandle(r.get(OFFICIAL_ACCOUNT.HANDLE)),
                r.get(OFFICIAL_ACCOUNT.DISPLAY_NAME), r.get(OFFICIAL_ACCOUNT.DEPARTMENT_ID), r.get(DEPARTMENT.NAME),
                ConnectionState.valueOf(r.get(OFFICIAL_ACCOUNT.CONNECTION_STATE)), r.get(OFFICIAL_ACCOUNT.VERSION));
    }
}
