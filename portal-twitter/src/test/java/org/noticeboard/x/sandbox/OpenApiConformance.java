package org.noticeboard.x.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks recorded exchanges with the X sandbox ({@link XSandboxServer#exchanges()}) against X's
 * official OpenAPI description of X API v2, with Atlassian's swagger-request-validator.
 *
 * <p>Use from any test class:
 *
 * <pre>{@code
 * try (XSandboxServer x = XSandboxServer.builder(url, user, password).recordExchanges(true).start()) {
 *     ... talk to x.baseUrl() ...
 *     OpenApiConformance.get().assertConforms(x.exchanges());
 * }
 * }</pre>
 *
 * {@link #get()} aborts the calling test (JUnit assumption) when the description is not there: it
 * lives beside the repository ({@code ../shared/reference/x-api-v2-openapi.json} from the
 * directory holding {@code .ci}), which CI always has and a user's clone may not. The system
 * property {@value #SPEC_PROPERTY} names another file. The 827 KB description is parsed once per
 * JVM.
 *
 * <p>What counts as drift, and what does not:
 * <ul>
 *   <li>Every ERROR of the validator about a response is drift, with one exception below.
 *   <li>A request the description forbids is drift only when the sandbox accepted it (2xx): when
 *       it refused it (4xx) the sandbox did what X does with such a request, and the test sent it
 *       on purpose.
 *   <li>X answers 401, 429 and some 403s (duplicate content, missing scope, a too long text) with
 *       an RFC 7807 problem of type {@code about:blank}, as its own documentation lists
 *       ("about:blank: generic error, see HTTP status code") and as the live API does; the
 *       description's {@code Problem} schema only admits its nine typed problems. For those
 *       answers the schema messages are replaced by a check of the RFC 7807 shape X uses:
 *       exactly {@code type}, {@code title}, {@code status}, {@code detail}, the status equal to
 *       the HTTP status and the title its reason phrase.
 *   <li>Live X's legacy request vocabulary ({@code tweet.fields}, {@code referenced_tweets.id}
 *       ...), which clients such as twitter4j-v2 send and the sandbox accepts, is translated into
 *       the description's before validation ({@link #LEGACY_QUERY}); nothing else is translated.
 *   <li>The validator does not look inside multipart bodies, so a multipart media upload is
 *       validated as the JSON form of the same {@code MediaUploadRequest} schema (file parts in
 *       base64, as the description says of JSON bodies).
 * </ul>
 * One validator setting differs from its default, explained where it is made: schemas that do
 * not mention {@code additionalProperties} allow additional properties, as OpenAPI says. No
 * message level is downgraded: the validator's security check looks for an Authorization header
 * only, which the sandbox's user tokens satisfy, so it needs no exception.
 */
public final class OpenApiConformance {

    public static final String SPEC_PROPERTY = "noticeboard.x.openapi";

    /**
     * Live X's names in requests, and the description's for the same thing. A legacy field that
     * the description moved from the field list to the expansions is dropped from the fields (the
     * expansion that brings it is asked for separately).
     */
    static final Map<String, String> LEGACY_QUERY = Map.of("tweet.fields", "post.fields");
    /** tweet.fields values: those the description asks for by expansion instead are dropped (null). */
    static final Map<String, @Nullable String> LEGACY_FIELDS = nullable(Map.of(
            "author_id", "", "in_reply_to_user_id", "", "referenced_tweets", "", "edit_history_tweet_ids", "",
            "note_tweet", "note_post"));
    static final Map<String, @Nullable String> LEGACY_EXPANSIONS = nullable(Map.of(
            "referenced_tweets.id", "referenced_posts", "referenced_tweets.id.author_id", "referenced_posts",
            "edit_history_tweet_ids", "edit_history_post_ids"));

    private static Map<String, @Nullable String> nullable(Map<String, String> map) {
        Map<String, @Nullable String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v.isEmpty() ? null : v));
        return copy;
    }

    private static @Nullable OpenApiConformance shared;

    private final OpenApiInteractionValidator validator;
    private final Path spec;

    private OpenApiConformance(Path spec) {
        this.spec = spec;
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                // OpenAPI: a schema without "additionalProperties" allows any. By default the
                // validator writes "additionalProperties: false" into every such schema, which
                // would reject what X's description allows (X's own legacy fields next to the
                // described ones, the "errors" X adds to an invalid-request problem). This key
                // switches that injection off and nothing else: explicit "additionalProperties:
                // false" in the description (request bodies, image metadata) is still enforced.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The harness for this JVM; aborts the calling test if X's OpenAPI description is not available. */
    public static synchronized OpenApiConformance get() {
        String override = System.getProperty(SPEC_PROPERTY);
        Optional<Path> spec = locateSpec();
        if (spec.isEmpty()) {
            Assumptions.abort(override != null && !override.isBlank()
                    ? "X's OpenAPI description is not at " + override + " (system property " + SPEC_PROPERTY + ")"
                    : "X's OpenAPI description (../shared/reference/x-api-v2-openapi.json beside the repository) is "
                            + "not in this checkout, so conformance to it cannot be checked here; CI always has it, and "
                            + "-D" + SPEC_PROPERTY + "=<file> names another copy");
        }
        if (shared == null || !shared.spec.equals(spec.get())) {
            shared = new OpenApiConformance(spec.get());
        }
        return shared;
    }

    static Optional<Path> locateSpec() {
        String override = System.getProperty(SPEC_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override).toAbsolutePath().normalize();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve("../shared/reference/x-api-v2-openapi.json").normalize();
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** One way an exchange departs from X's description. */
    public record Finding(RecordedExchange exchange, String key, String message) {

        @Override
        public String toString() {
            return exchange + ": [" + key + "] " + message;
        }
    }

    /** Fails, listing every finding, unless all the exchanges conform. */
    public void assertConforms(Collection<RecordedExchange> exchanges) {
        if (exchanges.isEmpty()) {
            throw new AssertionError("No exchanges were recorded: was the server started with recordExchanges(true)?");
        }
        List<Finding> findings = exchanges.stream().flatMap(e -> check(e).stream()).toList();
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " departures from X's OpenAPI description in "
                    + exchanges.size() + " exchanges:\n" + findings.stream().map(Finding::toString)
                            .collect(Collectors.joining("\n")));
        }
    }

    /** What in this exchange departs from X's description; empty if it conforms. */
    public List<Finding> check(RecordedExchange exchange) {
        ValidationReport report = validator.validate(request(exchange), response(exchange));
        boolean accepted = exchange.status() >= 200 && exchange.status() < 300;
        Map<String, Object> aboutBlank = aboutBlankProblem(exchange);
        List<Finding> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String key = message.getKey();
            if (key.startsWith("validation.request") && !accepted) {
                continue;
            }
            if (aboutBlank != null && key.startsWith("validation.response.body")) {
                continue;
            }
            String detail = message.getMessage();
            if (!message.getAdditionalInfo().isEmpty()) {
                detail += " " + message.getAdditionalInfo();
            }
            if (key.startsWith("validation.request")) {
                detail = "the sandbox accepted a request that X's description forbids: " + detail;
            }
            findings.add(new Finding(exchange, key, detail));
        }
        if (aboutBlank != null) {
            checkAboutBlank(exchange, aboutBlank, findings);
        }
        return findings;
    }

    /**
     * What the description finds wrong with the request itself, whatever the answer: for a request
     * the sandbox refused, this shows that the description forbids it too.
     */
    public List<String> requestProblems(RecordedExchange exchange) {
        return validator.validate(request(exchange), response(exchange)).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && m.getKey().startsWith("validation.request"))
                .map(m -> "[" + m.getKey() + "] " + m.getMessage())
                .toList();
    }

    private static void checkAboutBlank(RecordedExchange exchange, Map<String, Object> body, List<Finding> findings) {
        String key = "x.problem.about-blank";
        if (!body.keySet().equals(Set.of("type", "title", "status", "detail"))) {
            findings.add(new Finding(exchange, key, "an about:blank problem has exactly type, title, status and "
                    + "detail; found " + body.keySet()));
        }
        if (!Integer.valueOf(exchange.status()).equals(body.get("status"))) {
            findings.add(new Finding(exchange, key, "status " + body.get("status") + " is not the HTTP status "
                    + exchange.status()));
        }
        HttpStatus status = HttpStatus.resolve(exchange.status());
        if (status == null || !status.getReasonPhrase().equals(body.get("title"))) {
            findings.add(new Finding(exchange, key, "title " + body.get("title") + " is not the reason phrase of "
                    + exchange.status()));
        }
        if (!(body.get("detail") instanceof String)) {
            findings.add(new Finding(exchange, key, "detail is not a string"));
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> aboutBlankProblem(RecordedExchange exchange) {
        String contentType = exchange.responseHeader("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return null;
        }
        try {
            Object body = JsonMapper.shared().readValue(exchange.responseBody(), Object.class);
            return body instanceof Map<?, ?> map && "about:blank".equals(map.get("type")) ? (Map<String, Object>) map : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static SimpleRequest request(RecordedExchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        query(exchange.query()).forEach(request::withQueryParam);
        boolean multipart = !exchange.requestParts().isEmpty();
        exchange.requestHeaders().forEach((name, values) -> {
            if (!(multipart && name.equals("content-type")) && !name.equals("content-length")) {
                request.withHeader(name, values);
            }
        });
        if (multipart) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (RecordedExchange.Part part : exchange.requestParts()) {
                json.put(part.name(), part.filename() != null
                        ? Base64.getEncoder().encodeToString(part.bytes())
                        : new String(part.bytes(), StandardCharsets.UTF_8));
            }
            request.withContentType("application/json");
            request.withBody(JsonMapper.shared().writeValueAsBytes(json));
        } else if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(RecordedExchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    /** The query parameters, with live X's legacy names and values in the description's words. */
    static Map<String, List<String>> query(@Nullable String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, java.util.LinkedHashSet<String>> lists = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            Map<String, @Nullable String> legacy = name.equals("tweet.fields") ? LEGACY_FIELDS
                    : name.equals("expansions") ? LEGACY_EXPANSIONS : null;
            if (legacy == null) {
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                continue;
            }
            // one list per parameter without repeats, as the description's uniqueItems wants
            var values = lists.computeIfAbsent(LEGACY_QUERY.getOrDefault(name, name), n -> new java.util.LinkedHashSet<>());
            for (String item : value.split(",", -1)) {
                String translated = legacy.containsKey(item) ? legacy.get(item) : item;
                if (translated != null) {
                    values.add(translated);
                }
            }
        }
        lists.forEach((name, values) -> {
            if (!values.isEmpty()) {
                List<String> merged = parameters.computeIfAbsent(name, n -> new ArrayList<>());
                java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
                merged.forEach(v -> all.addAll(List.of(v.split(","))));
                all.addAll(values);
                merged.clear();
                merged.add(String.join(",", all));
            }
        });
        return parameters;
    }
}
