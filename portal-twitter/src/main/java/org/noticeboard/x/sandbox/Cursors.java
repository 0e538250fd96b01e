package org.noticeboard.x.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Pagination tokens: opaque to clients, and base32hex like X's (the OpenAPI description calls
 * them "a base32hex-encoded pagination token"). A token names the item a page starts after and
 * the direction, so that items arriving while a client pages cannot shift the pages under it.
 */
final class Cursors {

    private static final char OLDER = 'o';
    private static final char NEWER = 'n';

    private Cursors() {}

    static String encode(XSandbox.Cursor cursor) {
        // Long.toString(..., 32) writes 0-9a-v: exactly base32hex's alphabet, as are 'o' and 'n'
        return Long.toString(cursor.id(), 32) + (cursor.newer() ? NEWER : OLDER);
    }

    static XSandbox.@Nullable Cursor decode(String token) {
        if (token.length() < 2) {
            return null;
        }
        char direction = token.charAt(token.length() - 1);
        if (direction != OLDER && direction != NEWER) {
            return null;
        }
        try {
            long id = Long.parseLong(token.substring(0, token.length() - 1), 32);
            return id < 0 ? null : new XSandbox.Cursor(id, direction == NEWER);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
