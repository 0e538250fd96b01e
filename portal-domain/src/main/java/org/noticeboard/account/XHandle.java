package org.noticeboard.account;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.shared.InvalidInputException;

/** An X handle: 1 to 15 letters, digits or underscores, written with or without the leading @. */
public record XHandle(String value) {

    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9_]+");

    public XHandle {
        if (!HANDLE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an X handle: " + value);
        }
    }

    public static XHandle parse(@Nullable String input, String field) {
        String text = input == null ? "" : input.strip();
        if (text.startsWith("@")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new InvalidInputException("blank", field, "Enter the account's X handle, for example @NorthshireNHS.");
        }
        if (!CHARACTERS.matcher(text).matches()) {
            throw new InvalidInputException("malformed_handle", field, "\"" + input.strip()
                    + "\" is not an X handle: use only letters, digits and underscores (no spaces, dots or hyphens).");
        }
        if (text.length() > 15) {
            throw new InvalidInputException("malformed_handle", field, "\"" + input.strip() + "\" is " + text.length()
                    + " characters long; an X handle has at most 15.");
        }
        return new XHandle(text);
    }

    @Override
    public String toString() {
        return "@" + value;
    }
}
