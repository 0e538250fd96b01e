package org.noticeboard.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XToken;

/** Tokens for domain tests: an account has one once a test connects it. */
public class FakeTokens implements XTokens {

    private final Map<Long, String> userIds = new ConcurrentHashMap<>();
    private final Map<Long, String> rejected = new ConcurrentHashMap<>();

    public void connect(long accountId, String xUserId) {
        userIds.put(accountId, xUserId);
        rejected.remove(accountId);
    }

    public void reset() {
        userIds.clear();
        rejected.clear();
    }

    public Map<Long, String> rejected() {
        return Map.copyOf(rejected);
    }

    @Override
    public XToken tokenFor(long accountId) {
        String userId = userIds.get(accountId);
        if (userId == null || rejected.containsKey(accountId)) {
            throw new XException(XFailure.UNAUTHORIZED, null, "The account is not connected to X");
        }
        return new XToken("token-" + accountId, userId);
    }

    @Override
    public void rejected(long accountId, String reason) {
        rejected.put(accountId, reason);
    }
}
