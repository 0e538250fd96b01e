package org.noticeboard.x;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where X is, resolved when first needed: in sandbox mode the sandbox is this very portal, whose
 * port is only known once the web server has started.
 */
public final class XEndpoints {

    private final XProperties properties;
    private final IntSupplier localPort;
    private final Supplier<String> sandboxSecret;
    private volatile @Nullable String localBase;
    private volatile @Nullable String resolvedSandboxSecret;

    /** {@code sandboxSecret} is asked once, when first needed: it may live in the database. */
    public XEndpoints(XProperties properties, IntSupplier localPort, Supplier<String> sandboxSecret) {
        this.properties = properties;
        this.localPort = localPort;
        this.sandboxSecret = sandboxSecret;
    }

    public boolean sandbox() {
        return properties.sandbox().enabled();
    }

    /** Whether X is set up at all: always in sandbox mode, in live mode once the X app's client is configured. */
    public boolean configured() {
        return sandbox() || (properties.clientId() != null && !properties.clientId().isBlank());
    }

    /** {@code .../2/}, as twitter4j-v2 wants it. */
    public String apiBaseUrl() {
        return sandbox() ? sandboxBase() + "/2/" : withSlash(properties.apiBaseUrl());
    }

    /** Where the member's browser is sent to consent; a path relative to the portal for the sandbox. */
    public String authorizationUri() {
        return sandbox() ? "/x-sandbox/i/oauth2/authorize" : properties.authorizationUri();
    }

    public String tokenUri() {
        return sandbox() ? sandboxBase() + "/2/oauth2/token" : properties.tokenUri();
    }

    public String revokeUri() {
        return sandbox() ? sandboxBase() + "/2/oauth2/revoke" : properties.revokeUri();
    }

    public String clientId() {
        if (sandbox()) {
            return properties.sandbox().clientId();
        }
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            throw new IllegalStateException("X is not configured: set NOTICEBOARD_X_CLIENT_ID and NOTICEBOARD_X_CLIENT_SECRET "
                    + "(the OAuth 2.0 client of your X app), or run in demo mode with the X sandbox");
        }
        return properties.clientId();
    }

    public String clientSecret() {
        if (sandbox()) {
            String secret = resolvedSandboxSecret;
            if (secret == null) {
                secret = sandboxSecret.get();
                resolvedSandboxSecret = secret;
            }
            return secret;
        }
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("X is not configured: set NOTICEBOARD_X_CLIENT_SECRET");
        }
        return properties.clientSecret();
    }

    /** The address of a post on X (or on the sandbox timeline) for people to open. */
    public String postLink(String username, String postId) {
        return sandbox() ? "/sandbox-timeline?post=" + postId : "https://x.com/" + username + "/status/" + postId;
    }

    private String sandboxBase() {
        String base = localBase;
        if (base == null) {
            base = "http://127.0.0.1:" + localPort.getAsInt() + "/x-sandbox";
            localBase = base;
        }
        return base;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
