package org.noticeboard.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.noticeboard.shared.InvalidInputException;

/**
 * Filters for the audit trail; null or blank means "any". {@code from} inclusive, {@code to} exclusive.
 * {@code accountId} keeps the events about one official account and about the posts written for it;
 * {@code subjectId} one subject (with {@code subjectType}, e.g. post 42).
 */
public record AuditQuery(
        @Nullable String actorName,
        @Nullable String action,
        @Nullable String subjectType,
        @Nullable String text,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long accountId,
        @Nullable String subjectId) {

    public AuditQuery(@Nullable String actorName, @Nullable String action, @Nullable String subjectType,
            @Nullable String text, @Nullable Instant from, @Nullable Instant to) {
        this(actorName, action, subjectType, text, from, to, null, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }

    public AuditQuery withText(@Nullable String value) {
        return new AuditQuery(actorName, action, subjectType, value, from, to, accountId, subjectId);
    }

    public AuditQuery withAction(@Nullable String value) {
        return new AuditQuery(actorName, value, subjectType, text, from, to, accountId, subjectId);
    }

    public AuditQuery withAccount(@Nullable Long value) {
        return new AuditQuery(actorName, action, subjectType, text, from, to, value, subjectId);
    }

    public AuditQuery withSubject(@Nullable String type, @Nullable String id) {
        return new AuditQuery(actorName, action, type, text, from, to, accountId, id);
    }

    public AuditQuery withPeriod(@Nullable Instant start, @Nullable Instant end) {
        return new AuditQuery(actorName, action, subjectType, text, start, end, accountId, subjectId);
    }

    /** A range that ends before it starts matches nothing by mistake: say so instead. */
    public AuditQuery validated() {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidInputException("date_range", "to", "The search ends (" + to + ") before it starts (" + from
                    + "): choose a \"to\" date on or after the \"from\" date.");
        }
        if (text != null && text.strip().length() > 200) {
            throw new InvalidInputException("text_too_long", "text", "Search for at most 200 characters of text.");
        }
        return this;
    }

    /** The filters in words, for the record of who searched for what and for exports. */
    public String describe() {
        var parts = new java.util.ArrayList<String>();
        if (actorName != null && !actorName.isBlank()) {
            parts.add("by \"" + actorName.strip() + "\"");
        }
        if (action != null && !action.isBlank()) {
            parts.add("action " + action.strip());
        }
        if (subjectType != null && !subjectType.isBlank()) {
            parts.add("subject " + subjectType.strip() + (subjectId == null || subjectId.isBlank() ? "" : " " + subjectId.strip()));
        }
        if (accountId != null) {
            parts.add("official account #" + accountId);
        }
        if (text != null && !text.isBlank()) {
            parts.add("containing \"" + text.strip() + "\"");
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("before " + to);
        }
        return parts.isEmpty() ? "all events" : String.join(", ", parts);
    }
}
