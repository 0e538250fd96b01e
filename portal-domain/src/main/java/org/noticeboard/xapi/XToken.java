package org.noticeboard.xapi;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2.0 user-context access token, and the id of the X user it acts for when known (it is
 * not yet while an account is being connected). The gateway keeps rate-limit windows per user id.
 * Never printed: {@link #toString()} hides the token.
 */
public record XToken(String value, @Nullable String userId) {

    public XToken {
        if (value.isBlank()) {
            throw new IllegalArgumentException("An X access token cannot be blank");
        }
    }

    public XToken(String value) {
        this(value, null);
    }

    @Override
    public String toString() {
        return "XToken[user=" + userId + ", token hidden]";
    }
}
