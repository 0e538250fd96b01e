package org.noticeboard.stakeholder;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.account.XHandle;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks handles up on X as one of the organisation's connected official accounts. Never inside a
 * database transaction: a slow X must not hold rows locked or a connection from the pool.
 */
@Component
class XLookup {

    /** X answers {@code GET /2/users/by} for at most 100 usernames at once. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(XLookup.class);

    private final XGateway x;
    private final XTokens tokens;
    private final OfficialAccountService accounts;
    private final Clock clock;

    XLookup(XGateway x, XTokens tokens, OfficialAccountService accounts, Clock clock) {
        this.x = x;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * What X said about each handle, or why nothing could be asked ({@link Answer#problem()}): no
     * connected account, or X did not answer. Not having asked is not an error for the caller: the
     * stakeholders are kept unchecked and a refresh asks again.
     */
    Answer lookUp(List<XHandle> handles) {
        if (handles.isEmpty()) {
            return new Answer(Map.of(), null, clock.instant(), null);
        }
        // the oldest connected account, so the same one is asked every time while it stays connected
        List<OfficialAccount> connected = accounts.list().stream()
                .filter(a -> a.connectionState() == ConnectionState.CONNECTED)
                .sorted(Comparator.comparingLong(OfficialAccount::id))
                .toList();
        for (OfficialAccount account : connected) {
            XToken token;
            try {
                token = tokens.tokenFor(account.id());
            } catch (XException e) {
                log.info("No X token for {} to check handles with: {}", account.handle(), e.getMessage());
                continue;
            }
            return ask(account, token, handles);
        }
        return new Answer(Map.of(), null, clock.instant(), connected.isEmpty()
                ? "No official account of your organisation is connected to X, so the handle was not checked. "
                        + "It is checked when you refresh it once an account admin has connected one."
                : "None of your organisation's official accounts could reach X (they need reconnecting), so the handle "
                        + "was not checked. Refresh it once an account admin has reconnected one.");
    }

    private Answer ask(OfficialAccount account, XToken token, List<XHandle> handles) {
        var users = new HashMap<String, XUser>();
        try {
            for (int from = 0; from < handles.size(); from += BATCH) {
                var batch = handles.subList(from, Math.min(handles.size(), from + BATCH)).stream()
                        .map(XHandle::value).toList();
                for (XUser user : x.usersByUsernames(token, batch)) {
                    users.put(user.username().toLowerCase(Locale.ROOT), user);
                }
            }
        } catch (XException e) {
            if (e.failure() == XFailure.UNAUTHORIZED) {
                tokens.rejected(account.id(), "X answered \"" + e.getMessage() + "\" when looking handles up");
            }
            String when = e.retryAt() == null ? "" : " Try again after " + e.retryAt() + ".";
            return new Answer(Map.of(), account.handle(), clock.instant(),
                    "X did not answer when " + account.handle() + " asked about the handle (" + e.getMessage()
                            + "), so it was not checked." + when);
        }
        return new Answer(users, account.handle(), clock.instant(), null);
    }

    /** {@code users} by lower-cased username; a handle missing from it is unknown to X, unless there is a problem. */
    record Answer(Map<String, XUser> users, @Nullable XHandle askedAs, Instant at, @Nullable String problem) {

        boolean checked() {
            return problem == null;
        }

        @Nullable XFacts factsFor(XHandle handle) {
            if (!checked()) {
                return null;
            }
            XUser user = users.get(StakeholderFields.key(handle));
            return user == null ? XFacts.unknown(at) : XFacts.found(user, at);
        }
    }
}
