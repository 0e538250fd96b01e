package org.noticeboard.x.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.x.XEndpoints;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

/**
 * "Connect to X": sends an account admin to X's consent page (authorisation code with PKCE) and
 * takes X's answer at {@value XClientRegistration#CALLBACK_PATH}. The pending request lives in the
 * member's session keyed by its {@code state}, so an answer with a forged, stale or missing state is
 * refused; tokens are stored only after X says which user consented and that user is the
 * account's handle. Every outcome goes back to the accounts page as a message in words.
 */
@Controller
public class XConnectController {

    private static final Logger log = LoggerFactory.getLogger(XConnectController.class);
    private static final String PENDING = XConnectController.class.getName() + ".pending";
    private static final String ACCOUNTS_PAGE = "redirect:/accounts";

    /** A connection started in this session and not answered yet. */
    record Pending(long accountId, OAuth2AuthorizationRequest request) implements Serializable {}

    private final OfficialAccountService accounts;
    private final XClientRegistration registration;
    private final XAuthorizedClients clients;
    private final XGateway x;
    private final XEndpoints endpoints;
    private final TransactionTemplate tx;
    private final RestClient http;
    private final SandboxClients sandboxClients;

    public XConnectController(OfficialAccountService accounts, XClientRegistration registration, XAuthorizedClients clients,
            XGateway x, XEndpoints endpoints, TransactionTemplate tx, XTokenEndpoint tokenEndpoint,
            SandboxClients sandboxClients) {
        this.accounts = accounts;
        this.registration = registration;
        this.clients = clients;
        this.x = x;
        this.endpoints = endpoints;
        this.tx = tx;
        this.http = tokenEndpoint.rest();
        this.sandboxClients = sandboxClients;
    }

    @GetMapping("/x/connect/{accountId}")
    public String connect(@PathVariable long accountId, HttpServletRequest request) {
        HttpSession session = request.getSession();
        OfficialAccount account;
        try {
            account = accounts.requireConnectable(accountId);
        } catch (DomainException e) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false, e.getMessage()));
            return ACCOUNTS_PAGE;
        }
        if (!endpoints.configured()) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false, "X is not set up in this installation: "
                    + "an administrator must configure the X app's client (NOTICEBOARD_X_CLIENT_ID and NOTICEBOARD_X_CLIENT_SECRET)."));
            return ACCOUNTS_PAGE;
        }
        ClientRegistration client = registration.get();
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(new InMemoryClientRegistrationRepository(client),
                "/x/connect");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OAuth2AuthorizationRequest authorization = resolver.resolve(request, XClientRegistration.ID);
        if (authorization == null) {
            throw new IllegalStateException("No authorisation request for X");
        }
        if (!sandboxClients.allows(authorization.getRedirectUri())) {
            // the sandbox would refuse this callback (it knows only the portal's own, fixed at start)
            ConnectFlash.put(session, new ConnectFlash(accountId, false, "The X sandbox sends you back only to "
                    + String.join(" or ", sandboxClients.redirectUris()) + ". Open the portal at one of these addresses, "
                    + "or ask an administrator to set noticeboard.base-url (NOTICEBOARD_BASE_URL) to the address you use."));
            return ACCOUNTS_PAGE;
        }
        pending(session).put(authorization.getState(), new Pending(account.id(), authorization));
        log.info("Connecting official account {} ({}) to X", account.id(), account.handle());
        return "redirect:" + authorization.getAuthorizationRequestUri();
    }

    @GetMapping(XClientRegistration.CALLBACK_PATH)
    public String callback(@RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String errorDescription,
            HttpServletRequest request) {
        HttpSession session = request.getSession();
        Pending pending = state == null ? null : pending(session).remove(state);
        if (pending == null) {
            ConnectFlash.put(session, new ConnectFlash(0, false, "That answer from X does not belong to a connection "
                    + "started here (its state is missing, unknown or already used). Nothing was stored; start again "
                    + "with Connect to X."));
            return ACCOUNTS_PAGE;
        }
        long accountId = pending.accountId();
        if (error != null) {
            String message = "access_denied".equals(error)
                    ? "You did not authorise Noticeboard on X's page, so nothing was connected."
                    : "X did not authorise the connection (" + error + (errorDescription == null ? "" : ": "
                            + errorDescription) + "). Nothing was stored; try again.";
            ConnectFlash.put(session, new ConnectFlash(accountId, false, message));
            return ACCOUNTS_PAGE;
        }
        if (code == null || code.isBlank()) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false,
                    "X answered without an authorisation code. Nothing was stored; try again."));
            return ACCOUNTS_PAGE;
        }
        try {
            var tokenClient = new RestClientAuthorizationCodeTokenResponseClient();
            tokenClient.setRestClient(http);
            ClientRegistration client = registration.get();
            OAuth2AccessTokenResponse tokens = tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(client,
                    new OAuth2AuthorizationExchange(pending.request(), OAuth2AuthorizationResponse.success(code)
                            .redirectUri(pending.request().getRedirectUri()).state(state).build())));
            XUser me = x.me(new XToken(tokens.getAccessToken().getTokenValue()));
            OfficialAccount connected = tx.execute(s -> {
                OfficialAccount account = accounts.connect(accountId, me.id(), me.username(), me.name());
                clients.saveAuthorizedClient(new OAuth2AuthorizedClient(client, XClientRegistration.principal(accountId),
                                tokens.getAccessToken(), tokens.getRefreshToken()),
                        UsernamePasswordAuthenticationToken.authenticated(XClientRegistration.principal(accountId), null,
                                java.util.List.of()));
                return account;
            });
            String refreshNote = tokens.getRefreshToken() == null
                    ? " X gave no refresh token (offline.access was not granted), so it must be reconnected every two hours."
                    : "";
            ConnectFlash.put(session, new ConnectFlash(accountId, true, connected.handle() + " is connected to X as @"
                    + me.username() + " (" + me.name() + ")." + refreshNote));
        } catch (OAuth2AuthorizationException e) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false, "X refused to issue tokens ("
                    + e.getError().getErrorCode() + (e.getError().getDescription() == null ? "" : ": "
                    + e.getError().getDescription()) + "). Nothing was stored; start again with Connect to X."));
        } catch (XException e) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false, "X did not say which user consented ("
                    + e.getMessage() + "). Nothing was stored; try again."));
        } catch (DomainException e) {
            ConnectFlash.put(session, new ConnectFlash(accountId, false, e.getMessage()));
        }
        return ACCOUNTS_PAGE;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Pending> pending(HttpSession session) {
        var map = (Map<String, Pending>) session.getAttribute(PENDING);
        if (map == null) {
            map = new HashMap<>();
            session.setAttribute(PENDING, map);
        }
        return map;
    }
}
