package org.noticeboard.x.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request to the sandbox's X API and its answer, as they went over the wire, for checking
 * against X's OpenAPI description. The path is the API's own ({@code /2/...}, without the
 * {@code /x-sandbox} mount); header names are lower case.
 *
 * @param query the raw query string, or null
 * @param requestBody the raw body (empty for multipart requests: see {@code requestParts})
 * @param requestParts the parts of a multipart request, in order
 */
public record RecordedExchange(
        String method,
        String path,
        @Nullable String query,
        Map<String, List<String>> requestHeaders,
        byte[] requestBody,
        List<Part> requestParts,
        int status,
        Map<String, List<String>> responseHeaders,
        byte[] responseBody) {

    /** One part of a multipart/form-data body. */
    public record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] bytes) {}

    public @Nullable String requestHeader(String name) {
        List<String> values = requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public @Nullable String responseHeader(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
