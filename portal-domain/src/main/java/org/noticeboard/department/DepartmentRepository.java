package org.noticeboard.department;

import static org.noticeboard.db.jooq.Tables.DEPARTMENT;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentRepository {

    private static final org.jooq.Field<Integer> MEMBERS = DSL.field(
            DSL.selectCount().from(MEMBER).where(MEMBER.DEPARTMENT_ID.eq(DEPARTMENT.ID))).as("members");
    private static final org.jooq.Field<Integer> ACCOUNTS = DSL.field(
            DSL.selectCount().from(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.DEPARTMENT_ID.eq(DEPARTMENT.ID))).as("accounts");

    private final DSLContext db;

    DepartmentRepository(DSLContext db) {
        this.db = db;
    }

    List<Department> findAll(long organisationId) {
        return db.select(DEPARTMENT.ID, DEPARTMENT.NAME, MEMBERS, ACCOUNTS, DEPARTMENT.VERSION)
                .from(DEPARTMENT)
                .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId))
                .orderBy(DEPARTMENT.NAME)
                .fetch(DepartmentRepository::toDepartment);
    }

    Optional<Department> find(long organisationId, long id) {
        return db.select(DEPARTMENT.ID, DEPARTMENT.NAME, MEMBERS, ACCOUNTS, DEPARTMENT.VERSION)
                .from(DEPARTMENT)
                .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId), DEPARTMENT.ID.eq(id))
                .fetchOptional(DepartmentRepository::toDepartment);
    }

    Optional<Department> findByName(long organisationId, String name) {
        return db.select(DEPARTMENT.ID, DEPARTMENT.NAME, MEMBERS, ACCOUNTS, DEPARTMENT.VERSION)
                .from(DEPARTMENT)
                .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId),
                        DSL.lower(DSL.trim(DEPARTMENT.NAME)).eq(name.strip().toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(DepartmentRepository::toDepartment);
    }

    long insert(long organisationId, String name) {
        return db.insertInto(DEPARTMENT)
                .set(DEPARTMENT.ORGANISATION_ID, organisationId)
                .set(DEPARTMENT.NAME, name)
                .returning(DEPARTMENT.ID)
                .fetchSingle(DEPARTMENT.ID);
    }

    /** False when the row's version moved on (someone else changed it first). */
    boolean rename(long organisationId, long id, String name, int expectedVersion) {
        return db.update(DEPARTMENT)
                        .set(DEPARTMENT.NAME, name)
                        .set(DEPARTMENT.VERSION, DEPARTMENT.VERSION.plus(1))
                        .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId), DEPARTMENT.ID.eq(id),
                                DEPARTMENT.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    int grantsIn(long id) {
        return db.fetchCount(ROLE_GRANT, ROLE_GRANT.DEPARTMENT_ID.eq(id));
    }

    /** Accounts whose workflow in force names this department's approvers in a step. */
    List<String> workflowsNaming(long organisationId, long id) {
        return db.resultQuery("""
                select a.handle from official_account a
                join approval_workflow w on w.account_id = a.id
                where a.organisation_id = ? and w.version = (select max(v.version) from approval_workflow v where v.account_id = a.id)
                  and jsonb_path_exists(w.definition, '$.steps[*] ? (@.kind == "DEPARTMENT" && @.departmentId == $id)',
                                        jsonb_build_object('id', ?::bigint))
                order by a.handle""", organisationId, id)
                .fetch(r -> "@" + r.get(0, String.class));
    }

    boolean delete(long organisationId, long id, int expectedVersion) {
        return db.deleteFrom(DEPARTMENT)
                        .where(DEPARTMENT.ORGANISATION_ID.eq(organisationId), DEPARTMENT.ID.eq(id),
                                DEPARTMENT.VERSION.eq(expectedVersion))
                        .execute() == 1;
    }

    private static Department toDepartment(Record r) {
        return new Department(r.get(DEPARTMENT.ID), r.get(DEPARTMENT.NAME), r.get(MEMBERS), r.get(ACCOUNTS),
                r.get(DEPARTMENT.VERSION));
    }
}
