package org.noticeboard.x.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * X's OAuth 2.0 endpoints: the authorisation page ({@code /i/oauth2/authorize}, on x.com at X),
 * the token endpoint and token revocation ({@code /2/oauth2/token}, {@code /2/oauth2/revoke}, on
 * api.x.com), all under {@code /x-sandbox}.
 */
@RestController
@ConditionalOnBooleanProperty(XSandboxConfiguration.ENABLED)
@RequestMapping(XSandboxConfiguration.PREFIX)
class XSandboxOAuthController {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]{1,15}$");
    /** RFC 7636 4.2: an S256 challenge is a base64url SHA-256, 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final Pattern PLAIN_CHALLENGE = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");
    private static final String MISSING_AUTHORIZATION = "Missing valid authorization header";

    private final XSandbox sandbox;
    private final SandboxOAuth oauth;

    XSandboxOAuthController(XSandbox sandbox, SandboxOAuth oauth) {
        this.sandbox = sandbox;
        this.oauth = oauth;
    }

    // ------------------------------------------------------------------ authorisation page

    @GetMapping("/i/oauth2/authorize")
    ResponseEntity<String> authorize(HttpServletRequest request) {
        String clientId = request.getParameter("client_id");
        String redirectUri = request.getParameter("redirect_uri");
        // RFC 6749 4.1.2.1: without a known client and one of its redirect URIs, never redirect
        Optional<SandboxOAuth.Client> client = clientId == null ? Optional.empty() : oauth.client(clientId);
        if (client.isEmpty()) {
            return page(400, ConsentPage.error("Something went wrong",
                    "The application asking for access is not registered with the X sandbox (unknown client_id)."));
        }
        if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
            return page(400, ConsentPage.error("Something went wrong",
                    "The redirect_uri does not match any callback URL registered for this application."));
        }
        String state = request.getParameter("state");
        String responseType = request.getParameter("response_type");
        if (responseType == null) {
            return redirectError(redirectUri, "invalid_request", "Missing required parameter [response_type].", state);
        }
        if (!responseType.equals("code")) {
            return redirectError(redirectUri, "unsupported_response_type",
                    "Only response_type=code is supported.", state);
        }
        String scope = request.getParameter("scope");
        if (scope == null || scope.isBlank()) {
            return redirectError(redirectUri, "invalid_request", "Missing required parameter [scope].", state);
        }
        List<String> scopes = SandboxOAuth.parseScopes(scope);
        if (scopes == null) {
            return redirectError(redirectUri, "invalid_scope", "Value passed for scope was invalid: " + scope, state);
        }
        if (state == null || state.isEmpty()) {
            return redirectError(redirectUri, "invalid_request", "Missing required parameter [state].", null);
        }
        String challenge = request.getParameter("code_challenge");
        String method = request.getParameter("code_challenge_method");
        if (challenge == null || challenge.isEmpty()) {
            return redirectError(redirectUri, "invalid_request", "Missing required parameter [code_challenge].", state);
        }
        if (method == null || !(method.equals("S256") || method.equals("plain"))) {
            return redirectError(redirectUri, "invalid_request",
                    "Value passed for code_challenge_method must be S256 or plain.", state);
        }
        boolean wellFormed = method.equals("S256") ? S256_CHALLENGE.matcher(challenge).matches()
                : PLAIN_CHALLENGE.matcher(challenge).matches();
        if (!wellFormed) {
            return redirectError(redirectUri, "invalid_request", "Value passed for code_challenge was invalid.", state);
        }
        SandboxOAuth.Consent consent = new SandboxOAuth.Consent(clientId, redirectUri, scopes, state, challenge, method);
        String formToken = oauth.startConsent(consent);
        return page(200, ConsentPage.consent(formToken, clientId, scopes, sandbox.users(), null));
    }

    @PostMapping("/i/oauth2/authorize")
    ResponseEntity<String> decide(HttpServletRequest request) {
        String formToken = request.getParameter("form_token");
        Optional<SandboxOAuth.Consent> consent = formToken == null ? Optional.empty() : oauth.openConsent(formToken);
        if (consent.isEmpty()) {
            return page(400, ConsentPage.error("This page has expired",
                    "This authorisation page was already used or has expired."));
        }
        SandboxOAuth.Consent c = consent.get();
        String decision = request.getParameter("decision");
        if (!"authorize".equals(decision)) {
            if (!oauth.closeConsent(formToken)) {
                return page(400, ConsentPage.error("This page has expired", "This authorisation page was already used."));
            }
            return redirectError(c.redirectUri(), "access_denied", null, c.state());
        }
        String typed = trimmed(request.getParameter("typed_username"));
        String chosen = typed != null ? typed : trimmed(request.getParameter("username"));
        if (chosen == null || !USERNAME.matcher(chosen).matches()) {
            return page(400, ConsentPage.consent(formToken, c.clientId(), c.scopes(), sandbox.users(),
                    "Choose a user, or type a handle of 1 to 15 letters, digits or underscores."));
        }
        if (!oauth.closeConsent(formToken)) {
            return page(400, ConsentPage.error("This page has expired", "This authorisation page was already used."));
        }
        SandboxUser user = sandbox.ensureUser(chosen, chosen, "");
        String code = oauth.issueCode(c, Long.parseLong(user.id()));
        return redirect(c.redirectUri() + separator(c.redirectUri()) + "state=" + encode(c.state()) + "&code="
                + encode(code));
    }

    // ------------------------------------------------------------------ token endpoint

    @PostMapping("/2/oauth2/token")
    ResponseEntity<byte[]> token(HttpServletRequest request) {
        String clientId = authenticatedClient(request);
        String grantType = request.getParameter("grant_type");
        if (grantType == null) {
            throw SandboxOAuth.TokenError.invalidRequest("Missing required parameter [grant_type].");
        }
        String requestedClient = request.getParameter("client_id");
        if (requestedClient != null && !requestedClient.equals(clientId)) {
            throw new SandboxOAuth.TokenError(401, "unauthorized_client", MISSING_AUTHORIZATION);
        }
        SandboxOAuth.Tokens tokens = switch (grantType) {
            case "authorization_code" -> oauth.exchangeCode(clientId,
                    required(request, "code"), required(request, "redirect_uri"), required(request, "code_verifier"));
            case "refresh_token" -> oauth.refresh(clientId, required(request, "refresh_token"),
                    request.getParameter("scope"));
            default -> throw new SandboxOAuth.TokenError(400, "unsupported_grant_type",
                    "Value passed for the grant type was invalid.");
        };
        return Json.noStore(200, tokens.body());
    }

    @PostMapping("/2/oauth2/revoke")
    ResponseEntity<byte[]> revoke(HttpServletRequest request) {
        String clientId = authenticatedClient(request);
        oauth.revoke(clientId, required(request, "token"));
        return Json.noStore(200, Map.of("revoked", true));
    }

    @ExceptionHandler(SandboxOAuth.TokenError.class)
    ResponseEntity<byte[]> tokenError(SandboxOAuth.TokenError error) {
        return Json.noStore(error.status, error.body());
    }

    /**
     * X wants confidential clients to authenticate with HTTP Basic (client_secret_basic); the id
     * and secret are form-encoded before base64, as RFC 6749 2.3.1 says.
     */
    private String authenticatedClient(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                    if (oauth.authenticate(id, secret)) {
                        return id;
                    }
                }
            } catch (IllegalArgumentException notBase64) {
                // answered below like any other wrong credentials
            }
        }
        throw new SandboxOAuth.TokenError(401, "unauthorized_client", MISSING_AUTHORIZATION);
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            throw SandboxOAuth.TokenError.invalidRequest("Missing required parameter [" + name + "].");
        }
        return value;
    }

    // ------------------------------------------------------------------ helpers

    private static ResponseEntity<String> redirectError(String redirectUri, String error, @Nullable String description,
            @Nullable String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        if (description != null) {
            parameters.put("error_description", description);
        }
        if (state != null) {
            parameters.put("state", state);
        }
        StringBuilder location = new StringBuilder(redirectUri).append(separator(redirectUri));
        parameters.forEach((name, value) -> location.append(name).append('=').append(encode(value)).append('&'));
        location.setLength(location.length() - 1);
        return redirect(location.toString());
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static ResponseEntity<String> page(int status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    private static String separator(String uri) {
        return uri.contains("?") ? "&" : "?";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.startsWith("@")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
