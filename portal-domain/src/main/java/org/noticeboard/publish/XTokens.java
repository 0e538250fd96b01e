package org.noticeboard.publish;

import org.noticeboard.xapi.XToken;

/**
 * Access tokens of connected official accounts, refreshed when they expire. Implemented where the
 * OAuth client lives (portal-twitter).
 */
public interface XTokens {

    /**
     * A valid token for the account's X user. Throws {@link org.noticeboard.xapi.XException} with
     * {@link org.noticeboard.xapi.XFailure#UNAUTHORIZED} when the account is not connected or X
     * refused to refresh its token (the account is then marked as needing reconnection).
     */
    XToken tokenFor(long accountId);

    /** X answered 401 to a call made with the account's token: it needs reconnecting. */
    void rejected(long accountId, String reason);
}
