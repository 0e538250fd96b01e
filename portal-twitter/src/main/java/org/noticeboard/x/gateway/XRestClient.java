package org.noticeboard.x.gateway;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The calls twitter4j-v2 cannot make faithfully, through Spring's {@link RestClient} on the JDK's
 * {@link HttpClient}. That client never sends a POST twice by itself (HttpURLConnection, under
 * twitter4j, silently re-sends one whose connection was reset), which is why posts and lists are
 * created here: X has no idempotency key, and a re-sent create may post twice.
 */
final class XRestClient implements AutoCloseable {

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient httpClient;
    private final RestClient rest;

    XRestClient(XGatewaySettings settings) {
        this.base = settings.apiBaseUrl();
        // the client's own tasks, and Spring's writing of each request body, run on virtual threads:
        // otherwise Spring starts a new platform thread for the body of every POST
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(httpClient, executor);
        requestFactory.setReadTimeout(settings.readTimeout());
        this.rest = RestClient.builder()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.USER_AGENT, "Noticeboard")
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** {@code path} is relative to the base URL ("users/{id}/mentions"); every value is encoded strictly. */
    URI uri(String path, Map<String, ?> pathVariables, Map<String, String> query) {
        var builder = UriComponentsBuilder.fromUri(base).path(path);
        Map<String, Object> variables = new HashMap<>(pathVariables);
        int i = 0;
        for (var parameter : query.entrySet()) {
            String variable = "q" + i++;
            builder.queryParam(parameter.getKey(), "{" + variable + "}");
            variables.put(variable, parameter.getValue());
        }
        return builder.encode().buildAndExpand(variables).toUri();
    }

    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    JsonNode get(XCall call, URI uri) {
        return exchange(call, HttpMethod.GET, uri, null);
    }

    JsonNode postJson(XCall call, URI uri, JsonNode body) {
        byte[] json = XJson.MAPPER.writeValueAsBytes(body);
        return exchange(call, HttpMethod.POST, uri, spec -> spec.contentType(MediaType.APPLICATION_JSON).body(json));
    }

    JsonNode postMultipart(XCall call, URI uri, Object multipartBody) {
        return exchange(call, HttpMethod.POST, uri,
                spec -> spec.contentType(MediaType.MULTIPART_FORM_DATA).body(multipartBody));
    }

    private record Answer(int status, HttpHeaders headers, byte[] body) {}

    private JsonNode exchange(XCall call, HttpMethod method, URI uri,
            @Nullable Consumer<RestClient.RequestBodySpec> body) {
        RestClient.RequestBodySpec spec = rest.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + call.token().value());
        if (body != null) {
            body.accept(spec);
        }
        Answer answer;
        try {
            answer = spec.exchange((request, response) -> new Answer(response.getStatusCode().value(),
                    response.getHeaders(), response.getBody().readAllBytes()));
        } catch (RestClientException | UncheckedIOException e) {
            if (XFailures.isIo(e)) {
                throw XFailures.forIo(call.endpoint(), e);
            }
            throw XFailures.malformed(call.endpoint(), e.getClass().getSimpleName(), e);
        }
        RateWindow window = RateWindow.fromHeaders(answer.headers()::getFirst);
        if (answer.status() < 200 || answer.status() > 299) {
            throw call.failed(answer.status(), new String(answer.body(), StandardCharsets.UTF_8), window);
        }
        call.observed(window);
        return XJson.parse(answer.body());
    }

    @Override
    public void close() {
        httpClient.close();
        executor.close();
    }
}
