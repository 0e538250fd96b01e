package org.noticeboard.inbox;

import org.jspecify.annotations.Nullable;

/** Someone a mention can be given to: a member or a whole department (one of the two ids is set). */
public record Assignee(@Nullable Long memberId, @Nullable Long departmentId, String label) {

    public static Assignee member(long id, String name) {
        return new Assignee(id, null, name);
    }

    public static Assignee department(long id, String name) {
        return new Assignee(null, id, name + " (department)");
    }
}
