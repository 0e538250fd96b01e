package org.noticeboard.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters for the audit trail; null or blank means "any". {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(
        @Nullable String actorName,
        @Nullable String action,
        @Nullable String subjectType,
        @Nullable String text,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery withText(@Nullable String value) {
        return new AuditQuery(actorName, action, subjectType, value, from, to);
    }

    public AuditQuery withAction(@Nullable String value) {
        return new AuditQuery(actorName, value, subjectType, text, from, to);
    }
}
