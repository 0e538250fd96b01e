package org.noticeboard.x.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the sandbox, as an app would talk to X: no redirects followed, no Spring. */
final class SandboxHttp {

    static final String CLIENT_ID = "noticeboard-test";
    static final String CLIENT_SECRET = "s3cret-of-the-test-client";
    static final String REDIRECT_URI = "http://127.0.0.1:9/login/oauth2/code/x";
    static final String ALL_SCOPES = "tweet.read tweet.write users.read offline.access media.write list.read "
            + "list.write follows.read follows.write";

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    SandboxHttp(String baseUrl) {
        this.base = baseUrl;
    }

    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JsonMapper.shared().readValue(body, Map.class);
        }

        @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json().get("data");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dataList() {
            Object data = json().get("data");
            return data == null ? List.of() : (List<Map<String, Object>>) data;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors() {
            Object errors = json().get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> meta() {
            return (Map<String, Object>) json().get("meta");
        }
    }

    record Tokens(String accessToken, @Nullable String refreshToken, Map<String, Object> body) {}

    Answer get(String path, @Nullable String token) {
        return send("GET", path, token, null, null);
    }

    Answer delete(String path, @Nullable String token) {
        return send("DELETE", path, token, null, null);
    }

    Answer postJson(String path, @Nullable String token, Object body) {
        return send("POST", path, token, "application/json", JsonMapper.shared().writeValueAsBytes(body));
    }

    Answer send(String method, String path, @Nullable String token, @Nullable String contentType, byte @Nullable [] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    Answer multipart(String path, String token, Map<String, String> fields, String fileField, byte[] file,
            String fileContentType) {
        String boundary = "----sandbox" + Long.toHexString(RANDOM.nextLong());
        var out = new java.io.ByteArrayOutputStream();
        var ascii = StandardCharsets.UTF_8;
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(ascii)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"upload\"\r\nContent-Type: " + fileContentType + "\r\n\r\n").getBytes(ascii));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(ascii));
        return send("POST", path, token, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    Answer form(String path, Map<String, String> parameters, @Nullable String basic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(parameters)));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return exchange(request.build());
    }

    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String formBody(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the OAuth 2.0 dance

    /** A PKCE pair: a random verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[48];
            RANDOM.nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            return new Pkce(verifier, Hashes.s256(verifier));
        }
    }

    static Map<String, String> authorizeParameters(String scopes, String state, Pkce pkce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT_ID);
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("scope", scopes);
        parameters.put("state", state);
        parameters.put("code_challenge", pkce.challenge());
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    Answer authorizePage(Map<String, String> parameters) {
        return get("/i/oauth2/authorize?" + formBody(parameters), null);
    }

    static String formToken(Answer page) {
        Matcher m = FORM_TOKEN.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No form token on the consent page:\n" + page.body());
        }
        return m.group(1);
    }

    /** Posts the consent form as a person would: the chosen user and the button pressed. */
    Answer decide(String formToken, String username, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form_token", formToken);
        form.put("username", username);
        form.put("typed_username", "");
        form.put("decision", decision);
        return form("/i/oauth2/authorize", form, null);
    }

    static Map<String, String> query(String location) {
        int q = location.indexOf('?');
        Map<String, String> parameters = new LinkedHashMap<>();
        if (q < 0) {
            return parameters;
        }
        for (String pair : location.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Through the consent page to a code, as {@code username}. */
    String code(String username, String scopes, Pkce pkce) {
        Answer page = authorizePage(authorizeParameters(scopes, "st-" + username, pkce));
        if (page.status() != 200) {
            throw new AssertionError("Consent page: " + page.status() + " " + page.body());
        }
        Answer redirect = decide(formToken(page), username, "authorize");
        String location = Optional.ofNullable(redirect.header("Location"))
                .orElseThrow(() -> new AssertionError("No redirect: " + redirect.status() + " " + redirect.body()));
        return query(location).get("code");
    }

    Answer exchange(String code, Pkce pkce) {
        return form("/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier()), basic(CLIENT_ID, CLIENT_SECRET));
    }

    Answer refresh(String refreshToken) {
        return form("/2/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                basic(CLIENT_ID, CLIENT_SECRET));
    }

    /** The whole authorization code flow with PKCE, signed in as {@code username}. */
    Tokens signIn(String username, String scopes) {
        Pkce pkce = Pkce.create();
        Answer answer = exchange(code(username, scopes, pkce), pkce);
        if (answer.status() != 200) {
            throw new AssertionError("Token exchange: " + answer.status() + " " + answer.body());
        }
        Map<String, Object> body = answer.json();
        return new Tokens((String) body.get("access_token"), (String) body.get("refresh_token"), body);
    }

    Tokens signIn(String username) {
        return signIn(username, ALL_SCOPES);
    }
}
