package org.noticeboard.ui.stakeholder;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.noticeboard.followlist.ListChange;
import org.noticeboard.stakeholder.Stakeholder;

/** How stakeholders and list changes read on screen, the same on every page. */
final class Shown {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private Shown() {}

    static String time(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String followers(@Nullable Integer count) {
        return count == null ? "" : NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    /** "On X", "Not on X" or "Not checked yet", with when X was last asked. */
    static String onX(Stakeholder s, ZoneId zone) {
        return s.xCheck().label() + (s.checkedAt() == null ? "" : " (checked " + time(s.checkedAt(), zone) + ")");
    }

    static String handle(String value) {
        return value.startsWith("@") ? value : "@" + value;
    }

    static String kind(ListChange.Kind kind) {
        return switch (kind) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
        };
    }

    /** One change in a sentence: "Added @AgeUK (Age UK)". */
    static String change(ListChange change) {
        return kind(change.kind()) + " " + handle(change.handle()) + " (" + change.stakeholderName() + ")";
    }
}
