package org.noticeboard.xapi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A call to X that did not succeed. {@link #getMessage()} is X's own detail (or ours), fit for a log
 * and for an expert; {@link #failure()} says what to do; {@link #retryAt()} is set for rate limits
 * ({@code x-rate-limit-reset}). Never carries a token.
 */
public class XException extends RuntimeException {

    private final XFailure failure;
    private final @Nullable Integer status;
    private final @Nullable Instant retryAt;

    public XException(XFailure failure, @Nullable Integer status, String detail, @Nullable Instant retryAt,
            @Nullable Throwable cause) {
        super(detail, cause);
        this.failure = failure;
        this.status = status;
        this.retryAt = retryAt;
    }

    public XException(XFailure failure, @Nullable Integer status, String detail) {
        this(failure, status, detail, null, null);
    }

    public XFailure failure() {
        return failure;
    }

    public @Nullable Integer status() {
        return status;
    }

    public @Nullable Instant retryAt() {
        return retryAt;
    }
}
