package org.noticeboard.x.sandbox;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers are written here rather than by Spring's message converters, so that the content type
 * (X's {@code application/json} or {@code application/problem+json}) and the body are exactly
 * what X sends, whatever the portal configures for its own JSON.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.shared();
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private Json() {}

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static ResponseEntity<byte[]> ok(int status, Map<String, Object> body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(bytes(body));
    }

    static ResponseEntity<byte[]> problem(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(bytes(problem.body()));
    }

    /** RFC 6749 5.1 / 5.2: token endpoint answers must not be cached. */
    static ResponseEntity<byte[]> noStore(int status, Map<String, Object> body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(bytes(body));
    }
}
