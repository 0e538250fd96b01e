package org.noticeboard.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One recorded change, with the fields that changed read back from its before and after states. */
public record AuditEvent(
        long id,
        long seq,
        Instant occurredAt,
        @Nullable Long actorMemberId,
        String actorName,
        String action,
        String subjectType,
        String subjectId,
        String summary,
        Map<String, @Nullable String> before,
        Map<String, @Nullable String> after) {

    /** The fields whose value differs, in words: "name: "Physio" → "Physiotherapy"". */
    public java.util.List<String> changes() {
        var keys = new java.util.TreeSet<String>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        var lines = new java.util.ArrayList<String>();
        for (String key : keys) {
            String was = before.get(key);
            String now = after.get(key);
            if (java.util.Objects.equals(was, now)) {
                continue;
            }
            if (!before.containsKey(key) || was == null) {
                lines.add(key + ": set to \"" + now + "\"");
            } else if (!after.containsKey(key) || now == null) {
                lines.add(key + ": \"" + was + "\" removed");
            } else {
                lines.add(key + ": \"" + was + "\" \u2192 \"" + now + "\"");
            }
        }
        return lines;
    }
}
