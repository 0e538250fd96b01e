package org.noticeboard.x.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a failed call to X means for the caller, decided the same way whichever client made it:
 * by X's status and RFC 7807 problem, or by how far the request got when the connection failed.
 */
final class XFailures {

    /** X's detail on a 403 for a text it already has from this account. */
    static final String DUPLICATE_DETAIL = "You are not allowed to create a Tweet with duplicate content.";

    private XFailures() {}

    /** An answer from X with a status outside 2xx. */
    static XException forStatus(XEndpoint endpoint, int status, @Nullable String body, @Nullable Instant retryAt) {
        String detail = problemDetail(body);
        String message = detail != null ? detail : "X answered " + endpoint + " with HTTP " + status;
        XFailure failure;
        if (status == 401) {
            failure = XFailure.UNAUTHORIZED;
        } else if (status == 403) {
            failure = isDuplicate(detail) ? XFailure.DUPLICATE : XFailure.FORBIDDEN;
        } else if (status == 404) {
            failure = XFailure.NOT_FOUND;
        } else if (status == 429) {
            failure = XFailure.RATE_LIMITED;
        } else if (status >= 500 && status <= 599) {
            failure = XFailure.SERVER_ERROR;
        } else if (status >= 400 && status <= 499) {
            // 400 and the rarer refusals (409, 413, 422...): X will not take this request as it is
            failure = XFailure.INVALID_REQUEST;
        } else {
            // 1xx or an unfollowed 3xx: not an answer X API v2 gives
            failure = XFailure.MALFORMED_RESPONSE;
            message = "X answered " + endpoint + " with HTTP " + status;
        }
        return new XException(failure, status, message, failure == XFailure.RATE_LIMITED ? retryAt : null, null);
    }

    /**
     * The connection failed. Before the request went out (refused, unreachable, connect timeout)
     * nothing happened at X; after it went out (read timeout, reset, no answer) a write may have
     * been carried out, so only a read is a plain server error.
     */
    static XException forIo(XEndpoint endpoint, Throwable failure) {
        String reason = describe(failure);
        if (notSent(failure)) {
            return new XException(XFailure.SERVER_ERROR, null, "X could not be reached for " + endpoint + ": " + reason,
                    null, failure);
        }
        if (endpoint.write()) {
            return new XException(XFailure.UNKNOWN_OUTCOME, null, "No answer from X to " + endpoint + " (" + reason
                    + "): it may have been carried out", null, failure);
        }
        return new XException(XFailure.SERVER_ERROR, null, "No answer from X to " + endpoint + ": " + reason, null,
                failure);
    }

    /**
     * X said yes to a create but we cannot read what it made: it exists, without an id we know, so
     * the caller must reconcile before trying again, exactly as after a timeout.
     */
    static XException createdButUnreadable(XEndpoint endpoint, String reason, @Nullable Throwable cause) {
        return new XException(XFailure.UNKNOWN_OUTCOME, null, "X accepted " + endpoint
                + " but its answer could not be read (" + reason + "): it was carried out, look it up", null, cause);
    }

    static XException malformed(XEndpoint endpoint, String reason, @Nullable Throwable cause) {
        return new XException(XFailure.MALFORMED_RESPONSE, null,
                "X answered " + endpoint + " with something other than the JSON expected: " + reason, null, cause);
    }

    static boolean notSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
            // HttpURLConnection (under twitter4j) says "Connect timed out" / "Read timed out" with one class
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).startsWith("connect")) {
                return true;
            }
        }
        return false;
    }

    static boolean isIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The I/O exceptions under the clients' wrappers, outermost first ("ConnectException;
     * ClosedChannelException"): the wrappers only repeat them, with the URL.
     */
    private static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof IOException)) {
                continue;
            }
            String message = t.getMessage();
            String part = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? failure.getClass().getSimpleName() : String.join("; ", parts);
    }

    private static boolean isDuplicate(@Nullable String detail) {
        return detail != null && (detail.equalsIgnoreCase(DUPLICATE_DETAIL)
                || detail.toLowerCase(Locale.ROOT).contains("duplicate content"));
    }

    /**
     * X's words for the failure: the problem's {@code detail} (or {@code title}), followed by the
     * messages of its {@code errors}, which say which parameter was wrong on a 400.
     */
    static @Nullable String problemDetail(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode problem;
        try {
            problem = XJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        if (problem == null || !problem.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String detail = text(problem.get("detail"));
        if (detail == null) {
            detail = text(problem.get("title"));
        }
        if (detail != null) {
            parts.add(detail);
        }
        JsonNode errors = problem.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                String message = text(error.get("message"));
                if (message == null) {
                    message = text(error.get("detail"));
                }
                if (message != null && !parts.contains(message) && parts.size() < 4) {
                    parts.add(message);
                }
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }
}
