package org.noticeboard.x.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The publishing benchmark's second view of X ({@code -Dbench.x=answering}): X's own work taken off
 * this machine, as it is in service. {@code POST /2/tweets} is answered here at once, as X answers
 * it (201, the new post's id and text, the {@code x-rate-limit-*} headers of X's per-user limit of
 * 100 posts in 15 minutes, 429 beyond it), without the sandbox's storage, duplicate check and
 * Spring stack; each create is recorded with the moment it arrived and the token it came with.
 * Every other request (there are none while posts are published) goes on to the sandbox.
 */
final class AnsweringX implements AutoCloseable {

    /** One create request as it arrived. */
    record Create(String token, String text, Instant at, int status) {}

    private static final int LIMIT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String sandboxApi;
    private final HttpClient forward = HttpClient.newHttpClient();
    private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
    private final Map<String, AtomicInteger> usedByToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Create> creates = new ConcurrentLinkedQueue<>();
    private final long resetAt = Instant.now().plusSeconds(15 * 60).getEpochSecond();

    /** {@code sandboxApi}: the sandbox's API root, ending in {@code /2/}. */
    AnsweringX(String sandboxApi) throws IOException {
        this.sandboxApi = sandboxApi;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2/", this::handle);
        server.start();
    }

    /** The API root to give the portal, ending in {@code /2/}. */
    String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/2/";
    }

    List<Create> creates() {
        return List.copyOf(creates);
    }

    void clear() {
        creates.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("POST".equals(exchange.getRequestMethod()) && "/2/tweets".equals(exchange.getRequestURI().getPath())) {
                create(exchange, body);
            } else {
                forward(exchange, body);
            }
        }
    }

    private void create(HttpExchange exchange, byte[] body) throws IOException {
        Instant at = Instant.now();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("(?i)^Bearer ", "");
        String text = JSON.readTree(body).path("text").asString("");
        int used = usedByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        headers.set("x-rate-limit-limit", Integer.toString(LIMIT));
        headers.set("x-rate-limit-remaining", Integer.toString(Math.max(0, LIMIT - used)));
        headers.set("x-rate-limit-reset", Long.toString(resetAt));
        byte[] answer;
        int status;
        if (token.isEmpty()) {
            status = 401;
            answer = "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"
                    .getBytes(StandardCharsets.UTF_8);
        } else if (used > LIMIT) {
            status = 429;
            answer = "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            status = 201;
            String id = Long.toString(ids.incrementAndGet());
            ObjectNode data = JSON.createObjectNode();
            data.putObject("data").put("id", id).put("text", text).putArray("edit_history_tweet_ids").add(id);
            answer = JSON.writeValueAsBytes(data);
        }
        creates.add(new Create(token, text, at, status));
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        var uri = exchange.getRequestURI();
        String target = sandboxApi + uri.getRawPath().substring("/2/".length())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        var request = HttpRequest.newBuilder(URI.create(target))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!Set.of("host", "content-length", "connection", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            var response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
