package org.noticeboard.shared;

import org.jspecify.annotations.Nullable;

/** Checks shared by every name a person types in. */
public final class Names {

    private Names() {}

    /** Trimmed, inner runs of spaces collapsed; refused when empty or longer than {@code max}. */
    public static String required(@Nullable String value, String field, String what, int max) {
        String name = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidInputException("blank", field, what + " must not be empty.");
        }
        if (name.length() > max) {
            throw new InvalidInputException("too_long", field,
                    what + " is " + name.length() + " characters long; at most " + max + " are allowed.");
        }
        return name;
    }

    public static @Nullable String optional(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
