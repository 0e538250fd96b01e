package org.noticeboard.testing;

import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Stakeholders, follow lists and their members written straight into their tables, thousands at a
 * time, for tests of what uses them (syncing to X) without the directory's services.
 */
public final class FollowListRows {

    /** A stakeholder to write: their handle and, when X knows them, their X user id. */
    public record Person(String handle, @Nullable String xUserId) {}

    private FollowListRows() {}

    /** A follow list of the department; visibility DEPARTMENT, ORGANISATION or PUBLIC. */
    public static long list(DSLContext db, long organisationId, long departmentId, String name, String visibility) {
        return db.insertInto(FOLLOW_LIST)
                .set(FOLLOW_LIST.ORGANISATION_ID, organisationId)
                .set(FOLLOW_LIST.DEPARTMENT_ID, departmentId)
                .set(FOLLOW_LIST.NAME, name)
                .set(FOLLOW_LIST.DESCRIPTION, "Who " + name + " follows")
                .set(FOLLOW_LIST.VISIBILITY, visibility)
                .set(FOLLOW_LIST.PUBLIC_TOKEN, "PUBLIC".equals(visibility) ? UUID.randomUUID().toString() : null)
                .returning(FOLLOW_LIST.ID)
                .fetchSingle(FOLLOW_LIST.ID);
    }

    /** Writes the stakeholders (category OTHER); their ids in the order given. */
    public static List<Long> stakeholders(DSLContext db, long organisationId, List<Person> people) {
        for (int from = 0; from < people.size(); from += 1000) {
            var insert = db.insertInto(STAKEHOLDER, STAKEHOLDER.ORGANISATION_ID, STAKEHOLDER.HANDLE, STAKEHOLDER.NAME,
                    STAKEHOLDER.CATEGORY, STAKEHOLDER.X_USER_ID, STAKEHOLDER.X_EXISTS);
            for (Person person : people.subList(from, Math.min(people.size(), from + 1000))) {
                insert = insert.values(organisationId, person.handle(), "Stakeholder " + person.handle(), "OTHER",
                        person.xUserId(), person.xUserId() == null ? null : Boolean.TRUE);
            }
            insert.execute();
        }
        Map<String, Long> ids = new HashMap<>();
        db.select(STAKEHOLDER.ID, STAKEHOLDER.HANDLE).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId))
                .forEach(r -> ids.put(r.value2(), r.value1()));
        List<Long> ordered = new ArrayList<>(people.size());
        people.forEach(p -> ordered.add(ids.get(p.handle())));
        return ordered;
    }

    public static void add(DSLContext db, long organisationId, long listId, List<Long> stakeholderIds) {
        for (int from = 0; from < stakeholderIds.size(); from += 1000) {
            var insert = db.insertInto(FOLLOW_LIST_MEMBER, FOLLOW_LIST_MEMBER.LIST_ID, FOLLOW_LIST_MEMBER.ORGANISATION_ID,
                    FOLLOW_LIST_MEMBER.STAKEHOLDER_ID);
            for (long id : stakeholderIds.subList(from, Math.min(stakeholderIds.size(), from + 1000))) {
                insert = insert.values(listId, organisationId, id);
            }
            insert.execute();
        }
    }

    public static void remove(DSLContext db, long listId, List<Long> stakeholderIds) {
        db.deleteFrom(FOLLOW_LIST_MEMBER)
                .where(FOLLOW_LIST_MEMBER.LIST_ID.eq(listId), FOLLOW_LIST_MEMBER.STAKEHOLDER_ID.in(stakeholderIds))
                .execute();
    }

    /** Handles that fit X's 15 characters and no other test's: a short random prefix and a number. */
    public static List<String> handles(int count) {
        String prefix = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        List<String> handles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            handles.add(prefix + "_" + i);
        }
        return handles;
    }
}
