package org.noticeboard.xapi;

/** What went wrong when talking to X, sorted by what the caller may do about it. */
public enum XFailure {
    /** 403 "You are not allowed to create a Tweet with duplicate content.": the text must change. */
    DUPLICATE(false),
    /** 401: X no longer accepts the account's tokens; an account admin must reconnect. */
    UNAUTHORIZED(false),
    /** 403 for any other reason (suspended, not permitted, protected...): permanent, X's words say why. */
    FORBIDDEN(false),
    /** 404 or a resource X says does not exist (a deleted post, a missing user). */
    NOT_FOUND(false),
    /** 400: X refused the request itself (an image X will not take, a text too long); permanent. */
    INVALID_REQUEST(false),
    /** 429, or our own bookkeeping says the window is used up: wait until {@link XException#retryAt()}. */
    RATE_LIMITED(true),
    /** 5xx, or the connection failed before the request was sent: try again later with backoff. */
    SERVER_ERROR(true),
    /**
     * The request may have reached X but no answer came (timeout, reset after sending). For a
     * create the post may exist: reconcile before any retry.
     */
    UNKNOWN_OUTCOME(true),
    /** X answered but with something we cannot read (malformed JSON): retry later, report if it persists. */
    MALFORMED_RESPONSE(true);

    private final boolean retryable;

    XFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
