package org.noticeboard.x.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.x.XEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Disconnecting an account from X: the tokens are revoked at X (so they stop working there too,
 * not only here), then forgotten. Revoking is best effort: if X cannot be reached the account is
 * still disconnected here, and the log says the tokens could not be revoked.
 */
@Service
public class XDisconnect {

    private static final Logger log = LoggerFactory.getLogger(XDisconnect.class);

    private final OfficialAccountService accounts;
    private final XAuthorizedClients clients;
    private final XClientRegistration registration;
    private final XEndpoints endpoints;
    private final RestClient http;

    public XDisconnect(OfficialAccountService accounts, XAuthorizedClients clients, XClientRegistration registration,
            XEndpoints endpoints, XTokenEndpoint tokenEndpoint) {
        this.accounts = accounts;
        this.clients = clients;
        this.registration = registration;
        this.endpoints = endpoints;
        this.http = tokenEndpoint.rest();
    }

    /** Revokes the account's tokens at X and disconnects it; only its account admins may. */
    public OfficialAccount disconnect(long accountId) {
        accounts.requireConnectable(accountId);
        OAuth2AuthorizedClient client = endpoints.configured()
                ? clients.loadAuthorizedClient(XClientRegistration.ID, XClientRegistration.principal(accountId)) : null;
        if (client != null) {
            // revoking the refresh token ends the whole grant at X; the access token too, for good measure
            if (client.getRefreshToken() != null) {
                revoke(accountId, client.getRefreshToken().getTokenValue(), "refresh_token");
            }
            revoke(accountId, client.getAccessToken().getTokenValue(), "access_token");
        }
        return accounts.disconnect(accountId);
    }

    private void revoke(long accountId, String token, String hint) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", token);
        form.add("token_type_hint", hint);
        var client = registration.get();
        String basic = Base64.getEncoder().encodeToString((client.getClientId() + ":" + client.getClientSecret())
                .getBytes(StandardCharsets.UTF_8));
        try {
            http.post().uri(endpoints.revokeUri())
                    .header("Authorization", "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("Could not revoke the X {} of official account {} ({}); it is disconnected here all the same",
                    hint, accountId, e.getClass().getSimpleName());
        }
    }
}
