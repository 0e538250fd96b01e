package org.noticeboard.x.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error answer of X API v2, thrown wherever the sandbox refuses a request and written as X
 * writes it: an RFC 7807 problem with {@code application/problem+json}, the content type the
 * OpenAPI description gives to problems.
 */
final class ApiProblem extends RuntimeException {

    static final String PROBLEMS = "https://api.x.com/2/problems/";

    private final int status;
    private final Map<String, Object> body;

    private ApiProblem(int status, Map<String, Object> body) {
        super(String.valueOf(body.get("detail")), null, false, false);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        return body;
    }

    /**
     * The generic problem X answers for 401, 403 and 429 ({@code type} "about:blank", the title
     * being the HTTP reason phrase), e.g. the duplicate-content refusal.
     */
    static ApiProblem aboutBlank(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("detail", detail);
        return new ApiProblem(status, body);
    }

    static ApiProblem unauthorized() {
        return aboutBlank(401, "Unauthorized");
    }

    static ApiProblem forbidden(String detail) {
        return aboutBlank(403, detail);
    }

    /** 400 as X words a refused parameter: one entry per parameter in {@code errors}. */
    static ApiProblem invalidRequest(String parameter, List<String> values, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameters", Map.of(parameter, values));
        error.put("message", message);
        return invalidRequest(error);
    }

    /** 400 for a body X cannot read or that breaks its schema (no single parameter to name). */
    static ApiProblem invalidBody(String message) {
        return invalidRequest(Map.of("message", message));
    }

    private static ApiProblem invalidRequest(Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", PROBLEMS + "invalid-request");
        return new ApiProblem(400, body);
    }

    /** A missing resource the request is about (not a partial-result entry: see {@link #notFoundEntry}). */
    static ApiProblem notFound(String resourceType, String parameter, String value, String detail) {
        Map<String, Object> body = notFoundEntry(resourceType, parameter, value, detail);
        body.put("status", 404);
        return new ApiProblem(404, body);
    }

    /** One entry of the {@code errors} array X adds to a 200 answer when some of the asked-for things do not exist. */
    static Map<String, Object> notFoundEntry(String resourceType, String parameter, String value, String detail) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("value", value);
        entry.put("detail", detail);
        entry.put("title", "Not Found Error");
        entry.put("resource_type", resourceType);
        entry.put("parameter", parameter);
        entry.put("resource_id", value);
        entry.put("type", PROBLEMS + "resource-not-found");
        return entry;
    }
}
