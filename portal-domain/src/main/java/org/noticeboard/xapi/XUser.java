package org.noticeboard.xapi;

import org.jspecify.annotations.Nullable;

/** An X user as X describes it ({@code id}, {@code username}, {@code name}, public metrics). */
public record XUser(String id, String username, String name, @Nullable Integer followersCount,
        @Nullable Boolean verified, @Nullable String description) {

    public XUser(String id, String username, String name) {
        this(id, username, name, null, null, null);
    }
}
