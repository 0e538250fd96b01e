package org.noticeboard.x.oauth;

/**
 * In sandbox mode, makes sure the sandbox knows the portal's client and accepts the redirect URI the
 * member's browser will come back to (its host and port are only known from the request). Live X
 * apps are registered by hand on X's developer portal, so there it does nothing.
 */
@FunctionalInterface
public interface SandboxClients {

    void allowRedirect(String redirectUri);

    SandboxClients NONE = redirectUri -> { };
}
