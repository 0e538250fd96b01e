package org.noticeboard.x.oauth;

import org.jspecify.annotations.Nullable;
import org.noticeboard.x.XEndpoints;
import org.noticeboard.x.XProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The portal's OAuth 2.0 client at X. Deliberately not in the application's
 * {@code ClientRegistrationRepository}: that one signs members in (live mode), and X must never
 * become a way to sign in to Noticeboard.
 */
public final class XClientRegistration {

    public static final String ID = "x";
    public static final String CALLBACK_PATH = "/x/callback";

    private final XEndpoints endpoints;
    private final XProperties properties;
    private final @Nullable String callback;
    private volatile @Nullable ClientRegistration registration;

    /**
     * {@code baseUrl}: the address members reach the portal at ({@code noticeboard.base-url}); the
     * callback is then fixed there. Without it the callback follows the request's own address.
     */
    public XClientRegistration(XEndpoints endpoints, XProperties properties, @Nullable String baseUrl) {
        this.endpoints = endpoints;
        this.properties = properties;
        this.callback = callback(baseUrl);
    }

    /** The callback at a configured base URL, or null without one; a base URL that is not http(s) is refused. */
    static @Nullable String callback(@Nullable String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String base = baseUrl.strip();
        if (!(base.startsWith("https://") || base.startsWith("http://")) || base.contains("?") || base.contains("#")) {
            throw new IllegalStateException("noticeboard.base-url (NOTICEBOARD_BASE_URL) must be the portal's address as "
                    + "members open it, such as https://noticeboard.example.nhs.uk, not " + base);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + CALLBACK_PATH;
    }

    public ClientRegistration get() {
        ClientRegistration current = registration;
        if (current == null) {
            current = ClientRegistration.withRegistrationId(ID)
                    .clientName("X")
                    .clientId(endpoints.clientId())
                    .clientSecret(endpoints.clientSecret())
                    // X wants the client's credentials in the Authorization header at its token endpoint
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(callback != null ? callback : "{baseUrl}" + CALLBACK_PATH)
                    .scope(properties.scopes())
                    .authorizationUri(endpoints.authorizationUri())
                    .tokenUri(endpoints.tokenUri())
                    .userInfoUri(endpoints.apiBaseUrl() + "users/me")
                    .userNameAttributeName("username")
                    .build();
            registration = current;
        }
        return current;
    }

    /** The principal name under which an official account's authorised client is kept. */
    public static String principal(long accountId) {
        return "account:" + accountId;
    }

    static long accountId(String principalName) {
        if (!principalName.startsWith("account:")) {
            throw new IllegalArgumentException("Not an official account principal: " + principalName);
        }
        return Long.parseLong(principalName.substring("account:".length()));
    }
}
