package org.noticeboard.x.oauth;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the X sandbox may send a member back after consent: the portal's own callback, fixed when
 * the portal starts (at {@code noticeboard.base-url} if set, and on {@code localhost} and
 * {@code 127.0.0.1} at the portal's port), never taken from a request: a request's Host header is
 * whatever its sender writes, and a redirect URI allowed from it would let anyone have the sandbox
 * send authorisation codes to their own site. Live X apps have their callback registered by hand
 * on X's developer portal, and X checks it; there this allows anything.
 */
public final class SandboxClients {

    public static final SandboxClients NONE = new SandboxClients(false);

    private final boolean sandbox;
    private volatile List<String> redirectUris = List.of();

    private SandboxClients(boolean sandbox) {
        this.sandbox = sandbox;
    }

    public static SandboxClients sandbox() {
        return new SandboxClients(true);
    }

    /** The portal's callbacks when it serves on {@code port}, the configured base URL's first. */
    public static List<String> callbacks(@Nullable String baseUrl, int port) {
        List<String> callbacks = new ArrayList<>();
        String configured = XClientRegistration.callback(baseUrl);
        if (configured != null) {
            callbacks.add(configured);
        }
        callbacks.add("http://localhost:" + port + XClientRegistration.CALLBACK_PATH);
        callbacks.add("http://127.0.0.1:" + port + XClientRegistration.CALLBACK_PATH);
        return List.copyOf(callbacks);
    }

    /** Set once the web server has started and the sandbox was told (the port is only known then). */
    public void fix(List<String> redirectUris) {
        this.redirectUris = List.copyOf(redirectUris);
    }

    public List<String> redirectUris() {
        return redirectUris;
    }

    /** Whether the sandbox would send the member back to this address. */
    public boolean allows(String redirectUri) {
        return !sandbox || redirectUris.contains(redirectUri);
    }
}
