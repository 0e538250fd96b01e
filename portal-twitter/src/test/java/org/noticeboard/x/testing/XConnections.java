package org.noticeboard.x.testing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.x.XEndpoints;
import org.noticeboard.x.oauth.SandboxClients;
import org.noticeboard.x.oauth.XAuthorizedClients;
import org.noticeboard.x.oauth.XClientRegistration;
import org.noticeboard.x.sandbox.XSandbox;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects an official account to its sandbox X user without the browser part: consent and token
 * exchange straight with the sandbox, then the same storage and domain call as the callback.
 */
@Component
public class XConnections {

    public static final String REDIRECT = "http://127.0.0.1:9/x/callback";

    private final XEndpoints endpoints;
    private final SandboxClients sandboxClients;
    private final XAuthorizedClients clients;
    private final XClientRegistration registration;
    private final OfficialAccountService accounts;
    private final TestCaller caller;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    public XConnections(XEndpoints endpoints, SandboxClients sandboxClients, XAuthorizedClients clients,
            XClientRegistration registration, OfficialAccountService accounts, TestCaller caller, TransactionTemplate tx,
            java.time.Clock clock) {
        this.clock = clock;
        this.endpoints = endpoints;
        this.sandboxClients = sandboxClients;
        this.clients = clients;
        this.registration = registration;
        this.accounts = accounts;
        this.caller = caller;
        this.tx = tx;
    }

    /** Connects the account as the sandbox at {@code sandboxBase} (…/x-sandbox) knows {@code handle}. */
    public void connect(XSandbox sandbox, String sandboxBase, long accountId, String handle, long accountAdmin)
            throws Exception {
        var user = sandbox.ensureUser(handle, handle, "");
        // the portal's own sandbox knows only the portal's callbacks (the code is read from the answer, never sent there)
        String redirect = endpoints.sandbox() ? sandboxClients.redirectUris().getFirst() : REDIRECT;
        if (!endpoints.sandbox()) {
            sandbox.registerClient(endpoints.clientId(), endpoints.clientSecret(), List.of(REDIRECT));
        }
        var tokens = SandboxLogin.tokens(sandboxBase, endpoints.clientId(), endpoints.clientSecret(), redirect, handle,
                String.join(" ", registration.get().getScopes()));
        Instant now = clock.instant();
        var client = new OAuth2AuthorizedClient(registration.get(), XClientRegistration.principal(accountId),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokens.accessToken(), now,
                        now.plusSeconds(tokens.expiresIn()), Set.of(tokens.scope().split(" "))),
                new OAuth2RefreshToken(tokens.refreshToken(), now));
        caller.run(accountAdmin, () -> tx.executeWithoutResult(s -> {
            accounts.connect(accountId, user.id(), user.username(), user.name());
            clients.saveAuthorizedClient(client, UsernamePasswordAuthenticationToken.authenticated(
                    XClientRegistration.principal(accountId), null, List.of()));
        }));
    }
}
