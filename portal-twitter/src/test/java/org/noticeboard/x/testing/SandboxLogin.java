package org.noticeboard.x.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Walks the X sandbox's OAuth 2.0 flow as a browser and a client would (consent page, code, token
 * with PKCE and Basic client authentication), for tests that need an account's tokens.
 */
public final class SandboxLogin {

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String scope) {}

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxLogin() {}

    /** The consent page's form token for an authorisation request (the page a browser would show). */
    public static String consentFormToken(String pageUrl) throws Exception {
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(pageUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The consent page answered " + page.statusCode() + ": " + page.body());
        }
        Matcher m = FORM_TOKEN.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No consent form on " + pageUrl);
        }
        return m.group(1);
    }

    /** Posts the consent form; returns the redirect back to the client (with code or error). */
    public static URI consent(String pageUrl, String username, boolean authorize) throws Exception {
        String formToken = consentFormToken(pageUrl);
        String action = pageUrl.substring(0, pageUrl.indexOf('?'));
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("form_token", formToken, "username", username,
                        "decision", authorize ? "authorize" : "cancel"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 3) {
            throw new IllegalStateException("Consent answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Tokens for a sandbox user, straight from the sandbox (consent as that user, then the token endpoint). */
    public static Tokens tokens(String sandboxBase, String clientId, String secret, String redirectUri, String username,
            String scopes) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scopes);
        query.put("state", "test-state");
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        URI back = consent(sandboxBase + "/i/oauth2/authorize?" + form(query), username, true);
        String code = query(back).get("code");
        var token = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxBase + "/2/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("The token endpoint answered " + token.statusCode() + ": " + token.body());
        }
        JsonNode body = JSON.readTree(token.body());
        return new Tokens(body.path("access_token").asText(), body.path("refresh_token").asText(),
                body.path("expires_in").asLong(), body.path("scope").asText());
    }

    public static Map<String, String> query(URI uri) {
        var result = new LinkedHashMap<String, String>();
        if (uri.getRawQuery() == null) {
            return result;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
