package org.noticeboard.xapi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a timeline or list. {@code nextToken} asks for the next (older) page; {@code newestId}
 * is the {@code meta.newest_id} to use as {@code since_id} next time; {@code users} are the
 * {@code includes.users} expanded with it (authors of the posts on the page).
 */
public record XPage<T>(List<T> items, @Nullable String nextToken, @Nullable String newestId, List<XUser> users) {

    public XPage {
        items = List.copyOf(items);
        users = List.copyOf(users);
    }

    public XPage(List<T> items, @Nullable String nextToken) {
        this(items, nextToken, null, List.of());
    }
}
