package org.noticeboard.x.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.X_AUTHORIZED_CLIENT;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.SandboxLogin;
import org.noticeboard.x.testing.XTestApplication;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * "Connect to X" end to end over HTTP: the portal's connect endpoint and callback (Spring Security's
 * OAuth 2.0 client) against the X sandbox in the same server, then refresh after expiry, rotation,
 * concurrent refreshes, and reuse detection ending in NEEDS_RECONNECT.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.enabled=false",
        "noticeboard.x.token-keys=k2:" + XConnectFlowTest.KEY_2 + ",k1:" + XConnectFlowTest.KEY_1})
class XConnectFlowTest {

    static final String KEY_1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String KEY_2 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired OfficialAccountService accounts;
    @Autowired XSandbox sandbox;
    @Autowired XOAuthTokens tokens;
    @Autowired XDisconnect disconnect;
    @Autowired XAuthorizedClients clients;
    @Autowired XGateway x;
    @Autowired DSLContext db;
    @Autowired ShiftableClock clock;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.noticeboard.x.XEndpoints endpoints;
    @Autowired org.noticeboard.x.XProperties properties;

    World.Org trust;
    String handle;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        clock.reset();
        trust = world.organisation("Connect Trust");
        handle = trust.account().handle().value();
        sandbox.ensureUser(handle, "Connect Trust", "The trust's official account");
        sandbox.ensureUser("SomeoneElse", "Someone Else", "");
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String pathOrUrl, long memberId) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
        return browser.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (memberId + ":" + XTestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts "Connect to X" as the member; returns the consent page's address. */
    String startConnect(long memberId) throws Exception {
        var start = get("/x/connect/" + trust.account().id(), memberId);
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        if (location.startsWith(base())) {
            location = location.substring(base().length());
        }
        assertThat(location).startsWith("/x-sandbox/i/oauth2/authorize?");
        return base() + location;
    }

    URI connectAs(String xUser) throws Exception {
        return SandboxLogin.consent(startConnect(trust.member(Role.ACCOUNT_ADMIN)), xUser, true);
    }

    int storedClients() {
        return db.fetchCount(X_AUTHORIZED_CLIENT, X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(trust.account().id()));
    }

    ConnectionState state() {
        return caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.get(trust.account().id())).connectionState();
    }

    OAuth2AuthorizedClient stored() {
        return clients.loadAuthorizedClient(XClientRegistration.ID, XClientRegistration.principal(trust.account().id()));
    }

    @Test
    void an_account_admin_connects_through_the_consent_page_with_pkce_and_the_tokens_are_stored_encrypted() throws Exception {
        String consentPage = startConnect(trust.member(Role.ACCOUNT_ADMIN));
        var request = SandboxLogin.query(URI.create(consentPage));
        assertThat(request).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base() + "/x/callback").containsKey("code_challenge").containsKey("state");
        assertThat(request.get("scope").split(" ")).contains("tweet.write", "users.read", "list.write", "follows.write",
                "offline.access");

        URI back = SandboxLogin.consent(consentPage, handle, true);
        assertThat(back.toString()).startsWith(base() + "/x/callback?");
        var callback = get(back.toString(), trust.member(Role.ACCOUNT_ADMIN));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/accounts");
        var account = caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.get(trust.account().id()));
        assertThat(account.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(account.connection().username()).isEqualTo(handle);
        assertThat(account.connection().xUserId()).isEqualTo(sandbox.user(handle).orElseThrow().id());

        var row = db.selectFrom(X_AUTHORIZED_CLIENT).where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(trust.account().id())).fetchSingle();
        String access = stored().getAccessToken().getTokenValue();
        assertThat(row.getAccessToken()).startsWith("k2:").doesNotContain(access);
        assertThat(row.getRefreshToken()).startsWith("k2:").doesNotContain(stored().getRefreshToken().getTokenValue());
        assertThat(x.me(tokens.tokenFor(trust.account().id())).username()).isEqualTo(handle);

        // replaying X's answer finds no pending connection: refused, nothing changes
        get(back.toString(), trust.member(Role.ACCOUNT_ADMIN));
        assertThat(stored().getAccessToken().getTokenValue()).isEqualTo(access);
    }

    @Test
    void consenting_as_another_x_user_connects_nothing() throws Exception {
        var callback = get(connectAs("SomeoneElse").toString(), trust.member(Role.ACCOUNT_ADMIN));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(state()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(storedClients()).isZero();
    }

    @Test
    void a_denied_consent_a_forged_state_or_a_missing_one_store_nothing() throws Exception {
        URI denied = SandboxLogin.consent(startConnect(trust.member(Role.ACCOUNT_ADMIN)), handle, false);
        assertThat(SandboxLogin.query(denied)).containsEntry("error", "access_denied");
        get(denied.toString(), trust.member(Role.ACCOUNT_ADMIN));

        URI real = connectAs(handle);
        String forged = real.toString().replaceAll("state=[^&]+", "state=forged");
        get(forged, trust.member(Role.ACCOUNT_ADMIN));
        get("/x/callback?code=" + SandboxLogin.query(real).get("code"), trust.member(Role.ACCOUNT_ADMIN));
        get("/x/callback?error=server_error&state=whatever", trust.member(Role.ACCOUNT_ADMIN));

        assertThat(state()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(storedClients()).isZero();
    }

    @Test
    void a_member_without_the_account_admin_role_is_not_sent_to_x() throws Exception {
        var start = get("/x/connect/" + trust.account().id(), trust.member(Role.APPROVER));

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/accounts");
        var other = world.organisation("Other Trust");
        var foreign = get("/x/connect/" + trust.account().id(), other.member(Role.ACCOUNT_ADMIN));
        assertThat(foreign.headers().firstValue("Location").orElseThrow()).endsWith("/accounts");
    }

    /** Saves a new access token for the stored client, as a token answer without a refresh token would. */
    void storeAccessTokenOnly(OAuth2AuthorizedClient before, String accessToken) {
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(before.getClientRegistration(), before.getPrincipalName(),
                        new org.springframework.security.oauth2.core.OAuth2AccessToken(
                                org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, accessToken,
                                clock.instant(), clock.instant().plusSeconds(7200), before.getAccessToken().getScopes()),
                        null),
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        before.getPrincipalName(), null, java.util.List.of()));
    }

    @Test
    void an_expired_token_is_refreshed_once_the_rotated_refresh_token_is_saved_and_concurrent_callers_share_it()
            throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        var before = stored();
        String firstAccess = before.getAccessToken().getTokenValue();
        assertThat(tokens.tokenFor(trust.account().id()).value()).isEqualTo(firstAccess);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        var pool = Executors.newFixedThreadPool(4);
        var seen = new HashSet<String>();
        try {
            var calls = new ArrayList<Callable<String>>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> tokens.tokenFor(trust.account().id()).value());
            }
            for (var f : pool.invokeAll(calls)) {
                seen.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seen).hasSize(1).doesNotContain(firstAccess);
        var after = stored();
        assertThat(after.getRefreshToken().getTokenValue()).isNotEqualTo(before.getRefreshToken().getTokenValue());
        assertThat(db.select(X_AUTHORIZED_CLIENT.REFRESHED_COUNT).from(X_AUTHORIZED_CLIENT)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(trust.account().id())).fetchSingle().value1()).isEqualTo(1);
        // the one refresh is in the account's audit trail, without the token
        assertThat(db.fetch("select summary, after_state from audit_event where organisation_id = ? and action = "
                + "'account.token-refreshed' and subject_id = ?", trust.organisation().id(), String.valueOf(trust.account().id())))
                .singleElement().satisfies(r -> assertThat(r.get(0, String.class) + r.get(1, String.class))
                        .contains("renewed the access token", "expiresAt").doesNotContain(after.getAccessToken().getTokenValue()));
        assertThat(x.me(tokens.tokenFor(trust.account().id())).username()).isEqualTo(handle);
        assertThat(state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void reuse_of_an_old_refresh_token_revokes_the_family_and_the_account_then_needs_reconnecting() throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        String oldRefresh = stored().getRefreshToken().getTokenValue();
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        tokens.tokenFor(trust.account().id());

        // someone replays the refresh token X already rotated: X revokes the whole family
        var replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/x-sandbox/2/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        // the portal's own credentials: whoever replays has them too in this scenario
                        (endpoints.clientId() + ":" + endpoints.clientSecret()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + oldRefresh))
                .build(), HttpResponse.BodyHandlers.ofString());
        // X's words for a spent refresh token (not RFC 6749's invalid_grant)
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("Value passed for the token was invalid.");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThatThrownBy(() -> tokens.tokenFor(trust.account().id()))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED));

        var account = caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.get(trust.account().id()));
        assertThat(account.connectionState()).isEqualTo(ConnectionState.NEEDS_RECONNECT);
        assertThat(account.connectionProblem()).contains("X refused to renew the connection");
        assertThat(storedClients()).isZero();

        // reconnecting works again
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        assertThat(state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void disconnecting_revokes_the_tokens_at_x_and_forgets_them_here() throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        var token = tokens.tokenFor(trust.account().id());
        assertThat(x.me(token).username()).isEqualTo(handle);

        assertThatThrownBy(() -> caller.run(trust.member(Role.STAFF), () -> disconnect.disconnect(trust.account().id())))
                .isInstanceOf(org.noticeboard.access.NotPermittedException.class);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> disconnect.disconnect(trust.account().id()));

        assertThat(state()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(storedClients()).isZero();
        assertThatThrownBy(() -> x.me(token))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED));
    }

    @Test
    void a_token_answer_without_a_refresh_token_keeps_the_stored_one() throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        var before = stored();

        storeAccessTokenOnly(before, "new-access");

        var after = stored();
        assertThat(after.getAccessToken().getTokenValue()).isEqualTo("new-access");
        assertThat(after.getRefreshToken().getTokenValue()).isEqualTo(before.getRefreshToken().getTokenValue());
    }

    @Test
    void tokens_under_a_retired_key_are_encrypted_again_with_the_current_one() throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        String access = stored().getAccessToken().getTokenValue();
        var oldCipher = TokenCipher.parse("k1:" + KEY_1);
        db.update(X_AUTHORIZED_CLIENT)
                .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN, oldCipher.encrypt(access,
                        "x_authorized_client:" + trust.account().id() + ":access"))
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(trust.account().id())).execute();
        assertThat(stored().getAccessToken().getTokenValue()).isEqualTo(access);

        assertThat(clients.reencrypt()).isGreaterThanOrEqualTo(1);

        assertThat(db.select(X_AUTHORIZED_CLIENT.ACCESS_TOKEN).from(X_AUTHORIZED_CLIENT)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(trust.account().id())).fetchSingle().value1()).startsWith("k2:");
        assertThat(stored().getAccessToken().getTokenValue()).isEqualTo(access);
    }

    @Test
    void a_token_already_read_is_confirmed_against_what_is_stored_without_the_refresh_lock() throws Exception {
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        long account = trust.account().id();
        String access = tokens.tokenFor(account).value();

        // another instance holds the account's refresh lock: a token this instance knows does not wait for it
        try (var other = dataSource.getConnection(); var lock = other.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, XOAuthTokens.REFRESH_LOCK);
            lock.setInt(2, Long.hashCode(account));
            lock.execute();
            var known = java.util.concurrent.CompletableFuture.supplyAsync(() -> tokens.tokenFor(account).value());
            assertThat(known.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(access);

            // once another instance has stored a new token, the old one is not handed out: the full way
            // waits for the lock like any refresh
            storeAccessTokenOnly(stored(), "rotated-elsewhere");
            var fresh = java.util.concurrent.CompletableFuture.supplyAsync(() -> tokens.tokenFor(account).value());
            Thread.sleep(500);
            assertThat(fresh).isNotDone();
            try (var unlock = other.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, XOAuthTokens.REFRESH_LOCK);
                unlock.setInt(2, Long.hashCode(account));
                unlock.execute();
            }
            assertThat(fresh.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("rotated-elsewhere");
        }

        // an account another instance marked as needing reconnection gets no token, known or not
        db.update(org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT)
                .set(org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT.CONNECTION_STATE, ConnectionState.NEEDS_RECONNECT.name())
                .where(org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT.ID.eq(account)).execute();
        assertThatThrownBy(() -> tokens.tokenFor(account))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED));

        // and a token near its expiry is refreshed, not handed out from memory
        get(connectAs(handle).toString(), trust.member(Role.ACCOUNT_ADMIN));
        String connected = tokens.tokenFor(account).value();
        clock.advance(Duration.ofHours(2).minusMinutes(1));
        assertThat(tokens.tokenFor(account).value()).isNotEqualTo(connected);
    }

    // ------------------------------------------------------------------ the Host header adds no redirect

    /**
     * An attacker writes their own Host (and forwarded headers) on requests to the portal, then
     * asks the sandbox's authorisation page to send the code to their site, as a link they would
     * hand to an account admin. Before, "Connect to X" with that Host let the sandbox accept
     * {@code http://evil.example/x/callback}. Now the sandbox knows only the callbacks fixed at
     * start, and answers as X does for a callback URL the app did not register: an error page of
     * its own, never a redirect, so no code (nor even an error) goes to evil.example.
     */
    @Test
    void a_forged_host_header_adds_no_redirect_and_the_sandbox_refuses_to_send_a_code_to_the_attackers_site()
            throws Exception {
        long admin = trust.member(Role.ACCOUNT_ADMIN);
        var connect = rawGet("/x/connect/" + trust.account().id(), "evil.example",
                "Authorization: Basic " + Base64.getEncoder().encodeToString(
                        (admin + ":" + XTestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https");
        assertThat(connect.status()).isEqualTo(302);
        assertThat(connect.location()).as("not sent to the sandbox with a callback at evil.example")
                .doesNotContain("x-sandbox").endsWith("/accounts");
        assertThat(db.select(org.noticeboard.db.jooq.Tables.X_SANDBOX_CLIENT.REDIRECT_URIS)
                .from(org.noticeboard.db.jooq.Tables.X_SANDBOX_CLIENT)
                .fetch(org.noticeboard.db.jooq.Tables.X_SANDBOX_CLIENT.REDIRECT_URIS))
                .allSatisfy(uris -> assertThat(java.util.List.of(uris)).noneMatch(uri -> uri.contains("evil.example"))
                        .contains(base() + XClientRegistration.CALLBACK_PATH));

        for (String evil : java.util.List.of("https://evil.example/x/callback", "http://evil.example/x/callback")) {
            var authorize = rawGet("/x-sandbox/i/oauth2/authorize?response_type=code&client_id=" + endpoints.clientId()
                    + "&redirect_uri=" + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8)
                    + "&scope=tweet.read%20users.read%20offline.access&state=attacker"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
                    "evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https");
            assertThat(authorize.status()).as(evil).isEqualTo(400);
            assertThat(authorize.location()).as("no redirect at all").isEmpty();
            assertThat(authorize.body()).contains("The redirect_uri does not match any callback URL registered")
                    .doesNotContain("form_token");
        }
        assertThat(db.fetchCount(org.noticeboard.db.jooq.Tables.X_SANDBOX_CONSENT,
                org.noticeboard.db.jooq.Tables.X_SANDBOX_CONSENT.REDIRECT_URI.contains("evil.example")))
                .as("no consent page was opened for evil.example, so no code can be issued for it").isZero();

        // the account admin's own connection, at the portal's real address, still works
        get(connectAs(handle).toString(), admin);
        assertThat(state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void a_configured_base_url_fixes_the_callback_the_portal_asks_for_and_a_malformed_one_is_refused_naming_its_variable() {
        var registration = new XClientRegistration(endpoints, properties, "https://noticeboard.example.nhs.uk/");
        assertThat(registration.get().getRedirectUri()).isEqualTo("https://noticeboard.example.nhs.uk/x/callback");
        assertThat(SandboxClients.callbacks("https://noticeboard.example.nhs.uk", 8080)).containsExactly(
                "https://noticeboard.example.nhs.uk/x/callback", "http://localhost:8080/x/callback",
                "http://127.0.0.1:8080/x/callback");
        assertThat(SandboxClients.callbacks(" ", 8080)).containsExactly("http://localhost:8080/x/callback",
                "http://127.0.0.1:8080/x/callback");
        assertThatThrownBy(() -> new XClientRegistration(endpoints, properties, "noticeboard.example.nhs.uk"))
                .hasMessageContaining("NOTICEBOARD_BASE_URL");
    }

    record RawAnswer(int status, String location, String body) {}

    /**
     * A GET written byte by byte, with whatever Host header the caller chooses (Java's HTTP client
     * will not send a forged one): as an attacker's script would.
     */
    RawAnswer rawGet(String path, String host, String... headers) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            var request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = answer.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? answer : answer.substring(0, headerEnd);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String location = java.util.Arrays.stream(lines)
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .map(line -> line.substring(9).strip()).findFirst().orElse("");
            return new RawAnswer(status, location, headerEnd < 0 ? "" : answer.substring(headerEnd + 4));
        }
    }
}
