package org.noticeboard.publish;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.noticeboard.xapi.XException;

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

    /**
     * Valid tokens for several accounts at once (a batch of posts); an account whose token
     * {@link #tokenFor} would refuse is left out. By default, each account in turn.
     */
    default Map<Long, XToken> tokensFor(Collection<Long> accountIds) {
        Map<Long, XToken> tokens = new HashMap<>();
        for (long accountId : accountIds) {
            try {
                tokens.put(accountId, tokenFor(accountId));
            } catch (XException e) {
                // left to the one-post path, which records why
            }
        }
        return tokens;
    }

    /** X answered 401 to a call made with the account's token: it needs reconnecting. */
    void rejected(long accountId, String reason);
}
