package org.noticeboard.x.gateway;

import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to one endpoint for one X user: asks the {@link RateLimitBook} first and tells it what X
 * said afterwards. Calls for a token whose user is not known yet (while an account is being
 * connected) are not counted.
 */
final class XCall {

    private static final Logger log = LoggerFactory.getLogger(XCall.class);

    private final XToken token;
    private final XEndpoint endpoint;
    private final RateLimitBook book;
    /** The window as {@link #acquire} left it, when one was known. */
    private RateLimitBook.@Nullable Window taken;

    XCall(XToken token, XEndpoint endpoint, RateLimitBook book) {
        this.token = token;
        this.endpoint = endpoint;
        this.book = book;
    }

    XToken token() {
        return token;
    }

    XEndpoint endpoint() {
        return endpoint;
    }

    /** Throws {@link org.noticeboard.xapi.XFailure#RATE_LIMITED} when the window is used up. */
    void acquire() {
        String userId = token.userId();
        if (userId == null) {
            return;
        }
        try {
            taken = book.acquire(userId, endpoint.key());
        } catch (XException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // X enforces its limits anyway; an unreadable book must not stop the portal talking to X
            log.warn("Rate-limit book unavailable before {}; calling X without it: {}", endpoint, e.getMessage());
        }
    }

    void observed(@Nullable RateWindow window) {
        String userId = token.userId();
        if (userId == null || window == null) {
            return;
        }
        if (RateLimitBook.agrees(taken, window.limit(), window.remaining(), window.resetAt())) {
            // X counts as the book does: nothing to write (one statement less for each request)
            return;
        }
        try {
            book.record(userId, endpoint.key(), window.limit(), window.remaining(), window.resetAt());
        } catch (RuntimeException e) {
            // the answer (perhaps a post's id) matters more than its bookkeeping
            log.warn("Could not record the rate-limit window of {}: {}", endpoint, e.getMessage());
        }
    }

    /** X did not do it: the failure, with a 429's window recorded as used up until its reset. */
    XException failed(int status, @Nullable String body, @Nullable RateWindow window) {
        if (status != 429) {
            observed(window);
            return XFailures.forStatus(endpoint, status, body, null);
        }
        var retryAt = window != null ? window.resetAt() : book.retryAfter429();
        String userId = token.userId();
        if (userId != null) {
            try {
                book.recordExhausted(userId, endpoint.key(), window == null ? null : window.limit(), retryAt);
            } catch (RuntimeException e) {
                log.warn("Could not record the used-up rate-limit window of {}: {}", endpoint, e.getMessage());
            }
        }
        return XFailures.forStatus(endpoint, status, body, retryAt);
    }
}
