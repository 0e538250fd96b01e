package org.noticeboard.x.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What X checks before it looks at a request: a live OAuth 2.0 user token (401 otherwise), the
 * user's rate limit for the endpoint (429, with the x-rate-limit-* headers on every answer), and
 * the scopes the endpoint needs (403). A 401 carries no rate-limit headers: without a user there
 * is no window to count in.
 */
final class ApiAccess implements HandlerInterceptor {

    static final String CALLER = "org.noticeboard.x.sandbox.caller";

    private final SandboxOAuth oauth;
    private final RateLimits rateLimits;

    ApiAccess(SandboxOAuth oauth, RateLimits rateLimits) {
        this.oauth = oauth;
        this.rateLimits = rateLimits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(XApi.class)) {
            return true;
        }
        Endpoint endpoint = method.getMethodAnnotation(XApi.class).value();
        Optional<SandboxOAuth.Caller> caller = bearer(request.getHeader("Authorization")).flatMap(oauth::caller);
        if (caller.isEmpty()) {
            write(response, ApiProblem.unauthorized());
            return false;
        }
        RateLimits.Verdict verdict = rateLimits.take(caller.get().userId(), caller.get().clientId(), endpoint);
        response.setHeader("x-rate-limit-limit", String.valueOf(verdict.limit()));
        response.setHeader("x-rate-limit-remaining", String.valueOf(verdict.remaining()));
        response.setHeader("x-rate-limit-reset", String.valueOf(verdict.resetEpochSecond()));
        if (!verdict.allowed()) {
            write(response, ApiProblem.aboutBlank(429, "Too Many Requests"));
            return false;
        }
        if (!caller.get().scopes().containsAll(endpoint.scopes())) {
            write(response, ApiProblem.forbidden("Forbidden"));
            return false;
        }
        request.setAttribute(CALLER, caller.get());
        return true;
    }

    private static Optional<String> bearer(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        byte[] body = Json.bytes(problem.body());
        response.setStatus(problem.status());
        response.setContentType(Json.PROBLEM.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
