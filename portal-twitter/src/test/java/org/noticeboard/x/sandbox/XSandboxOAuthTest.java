package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.x.sandbox.SandboxHttp.Answer;
import org.noticeboard.x.sandbox.SandboxHttp.Pkce;

/** X's OAuth 2.0 authorization code flow with PKCE, through the sandbox's consent page and token endpoint. */
class XSandboxOAuthTest {

    static SandboxFixture fixture;
    static SandboxHttp http;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start(false);
        http = fixture.http;
        fixture.sandbox().seedDemoWorld();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Map<String, String> error(Answer redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).startsWith(SandboxHttp.REDIRECT_URI + "?");
        return SandboxHttp.query(location);
    }

    @Test
    void the_code_flow_with_pkce_through_the_consent_page_signs_in_the_chosen_user() {
        Pkce pkce = Pkce.create();
        Answer page = http.authorizePage(SandboxHttp.authorizeParameters(SandboxHttp.ALL_SCOPES, "state-1", pkce));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("X sandbox \u2014 nothing here reaches the real X")
                .contains("Authorize app").contains("Cancel")
                .contains("<code>tweet.write</code>").contains("<code>offline.access</code>")
                .contains("<option value=\"NorthshireNHS\">")
                .contains("name=\"typed_username\"")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");

        Answer redirect = http.decide(SandboxHttp.formToken(page), "NorthshireNHS", "authorize");
        Map<String, String> callback = error(redirect);
        assertThat(callback).containsEntry("state", "state-1").containsKey("code").doesNotContainKey("error");

        Answer token = http.exchange(callback.get("code"), pkce);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = token.json();
        assertThat(body.keySet()).containsExactly("token_type", "expires_in", "access_token", "scope", "refresh_token");
        assertThat(body).containsEntry("token_type", "bearer").containsEntry("expires_in", 7200)
                .containsEntry("scope", SandboxHttp.ALL_SCOPES);

        Answer me = http.get("/2/users/me", (String) body.get("access_token"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data()).containsEntry("username", "NorthshireNHS")
                .containsEntry("name", "Northshire Community Health NHS Trust");
    }

    @Test
    void there_is_no_refresh_token_without_offline_access() {
        SandboxHttp.Tokens tokens = http.signIn("ValleyHealth", "tweet.read users.read");

        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.body()).doesNotContainKey("refresh_token").containsEntry("scope", "tweet.read users.read");
    }

    @Test
    void a_typed_username_signs_in_as_that_user_even_a_new_one() {
        Pkce pkce = Pkce.create();
        Answer page = http.authorizePage(SandboxHttp.authorizeParameters("tweet.read users.read", "s", pkce));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form_token", SandboxHttp.formToken(page));
        form.put("username", "NorthshireNHS");
        form.put("typed_username", "@BrandNewTrust");
        form.put("decision", "authorize");

        Map<String, String> callback = error(http.form("/i/oauth2/authorize", form, null));
        String access = (String) http.exchange(callback.get("code"), pkce).json().get("access_token");

        assertThat(http.get("/2/users/me", access).data()).containsEntry("username", "BrandNewTrust");
    }

    @Test
    void a_wrong_code_verifier_is_refused() {
        String code = http.code("NShirePhysio", "tweet.read users.read", Pkce.create());

        Answer answer = http.exchange(code, Pkce.create());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Value passed for the code verifier did not match the code challenge.");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void plain_pkce_is_accepted_as_x_allows_it() {
        Pkce pkce = Pkce.create();
        Map<String, String> parameters = SandboxHttp.authorizeParameters("tweet.read users.read", "s", pkce);
        parameters.put("code_challenge", pkce.verifier());
        parameters.put("code_challenge_method", "plain");
        Answer page = http.authorizePage(parameters);
        String code = SandboxHttp.query(http.decide(SandboxHttp.formToken(page), "NShirePhysio", "authorize")
                .header("Location")).get("code");

        assertThat(http.exchange(code, pkce).status()).isEqualTo(200);
    }

    @Test
    void a_wrong_client_secret_is_refused_with_401() {
        Pkce pkce = Pkce.create();
        String code = http.code("NShirePhysio", "tweet.read users.read", pkce);

        Answer answer = http.form("/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxHttp.REDIRECT_URI, "code_verifier", pkce.verifier()),
                SandboxHttp.basic(SandboxHttp.CLIENT_ID, "not-the-secret"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).containsOnly(Map.entry("error", "unauthorized_client"),
                Map.entry("error_description", "Missing valid authorization header"));
        assertThat(answer.json()).isEqualTo(Map.of(
                "error", "unauthorized_client", "error_description", "Missing valid authorization header"));
    }

    @Test
    void a_token_request_without_basic_authentication_is_refused_with_401() {
        Pkce pkce = Pkce.create();
        String code = http.code("NShirePhysio", "tweet.read users.read", pkce);

        Answer answer = http.form("/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxHttp.REDIRECT_URI, "code_verifier", pkce.verifier(),
                "client_id", SandboxHttp.CLIENT_ID), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).containsEntry("error", "unauthorized_client")
                .containsEntry("error_description", "Missing valid authorization header");
    }

    @Test
    void a_code_expires_after_30_seconds() {
        Pkce pkce = Pkce.create();
        String code = http.code("NShirePhysio", "tweet.read users.read", pkce);
        fixture.clock.advance(Duration.ofSeconds(31));

        Answer answer = http.exchange(code, pkce);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Value passed for the authorization code was invalid.");
    }

    @Test
    void a_code_used_twice_is_refused_and_revokes_the_tokens_issued_from_it() {
        Pkce pkce = Pkce.create();
        String code = http.code("NShirePhysio", SandboxHttp.ALL_SCOPES, pkce);
        Map<String, Object> first = http.exchange(code, pkce).json();
        String access = (String) first.get("access_token");
        assertThat(http.get("/2/users/me", access).status()).isEqualTo(200);

        Answer again = http.exchange(code, pkce);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json()).containsEntry("error", "invalid_request");
        assertThat(http.get("/2/users/me", access).status()).isEqualTo(401);
        assertThat(http.refresh((String) first.get("refresh_token")).status()).isEqualTo(400);
    }

    @Test
    void the_redirect_uri_must_be_the_one_used_to_authorize() {
        fixture.sandbox().registerClient(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET,
                List.of(SandboxHttp.REDIRECT_URI, "http://127.0.0.1:9/other"));
        Pkce pkce = Pkce.create();
        String code = http.code("NShirePhysio", "tweet.read users.read", pkce);

        Answer answer = http.form("/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://127.0.0.1:9/other", "code_verifier", pkce.verifier()),
                SandboxHttp.basic(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("error", "invalid_request");
        assertThat((String) answer.json().get("error_description")).contains("redirect uri");
    }

    @Test
    void an_unknown_client_gets_an_error_page_and_no_redirect() {
        Map<String, String> parameters = SandboxHttp.authorizeParameters("tweet.read", "s", Pkce.create());
        parameters.put("client_id", "nobody-registered-this");

        Answer answer = http.authorizePage(parameters);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.body()).contains("X sandbox \u2014 nothing here reaches the real X").contains("unknown client_id");
    }

    @Test
    void an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect() {
        Map<String, String> parameters = SandboxHttp.authorizeParameters("tweet.read", "s", Pkce.create());
        parameters.put("redirect_uri", "https://attacker.example/steal");

        Answer answer = http.authorizePage(parameters);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.body()).contains("redirect_uri does not match");
    }

    @Test
    void cancel_redirects_with_access_denied_and_the_state() {
        Answer page = http.authorizePage(SandboxHttp.authorizeParameters("tweet.read", "keep-me", Pkce.create()));

        Map<String, String> callback = error(http.decide(SandboxHttp.formToken(page), "NorthshireNHS", "cancel"));

        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "keep-me")
                .doesNotContainKey("code");
    }

    @Test
    void invalid_authorization_requests_are_redirected_with_the_error() {
        Map<String, String> noChallenge = SandboxHttp.authorizeParameters("tweet.read", "s1", Pkce.create());
        noChallenge.remove("code_challenge");
        assertThat(error(http.authorizePage(noChallenge))).containsEntry("error", "invalid_request")
                .containsEntry("state", "s1").containsKey("error_description");

        Map<String, String> implicit = SandboxHttp.authorizeParameters("tweet.read", "s2", Pkce.create());
        implicit.put("response_type", "token");
        assertThat(error(http.authorizePage(implicit))).containsEntry("error", "unsupported_response_type");

        Map<String, String> unknownScope = SandboxHttp.authorizeParameters("tweet.read everything.write", "s3", Pkce.create());
        assertThat(error(http.authorizePage(unknownScope))).containsEntry("error", "invalid_scope");

        Map<String, String> badMethod = SandboxHttp.authorizeParameters("tweet.read", "s4", Pkce.create());
        badMethod.put("code_challenge_method", "S512");
        assertThat(error(http.authorizePage(badMethod))).containsEntry("error", "invalid_request");
    }

    @Test
    void a_consent_form_can_be_answered_once() {
        Answer page = http.authorizePage(SandboxHttp.authorizeParameters("tweet.read", "s", Pkce.create()));
        String formToken = SandboxHttp.formToken(page);
        assertThat(http.decide(formToken, "NorthshireNHS", "authorize").status()).isEqualTo(302);

        Answer again = http.decide(formToken, "NorthshireNHS", "authorize");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Location")).isNull();
        assertThat(http.decide("forged-token", "NorthshireNHS", "authorize").status()).isEqualTo(400);
    }

    @Test
    void a_refresh_gives_a_new_access_token_and_a_new_refresh_token_and_the_old_one_stops_working() {
        SandboxHttp.Tokens tokens = http.signIn("NorthshireOPR");

        Answer refreshed = http.refresh(tokens.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        Map<String, Object> body = refreshed.json();
        assertThat(body).containsEntry("token_type", "bearer").containsEntry("expires_in", 7200);
        assertThat(body.get("access_token")).isNotEqualTo(tokens.accessToken());
        assertThat(body.get("refresh_token")).isNotNull().isNotEqualTo(tokens.refreshToken());
        assertThat(http.get("/2/users/me", (String) body.get("access_token")).status()).isEqualTo(200);

        Answer old = http.refresh(tokens.refreshToken());
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json()).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Value passed for the token was invalid.");
    }

    @Test
    void reusing_a_refresh_token_revokes_the_family() {
        SandboxHttp.Tokens tokens = http.signIn("NorthshireOPR");
        Map<String, Object> second = http.refresh(tokens.refreshToken()).json();
        String secondAccess = (String) second.get("access_token");
        String secondRefresh = (String) second.get("refresh_token");

        assertThat(http.refresh(tokens.refreshToken()).status()).isEqualTo(400);

        assertThat(http.get("/2/users/me", secondAccess).status()).isEqualTo(401);
        assertThat(http.get("/2/users/me", tokens.accessToken()).status()).isEqualTo(401);
        assertThat(http.refresh(secondRefresh).status()).isEqualTo(400);
    }

    @Test
    void an_access_token_expires_after_two_hours() {
        SandboxHttp.Tokens tokens = http.signIn("ValleyHealth");
        fixture.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(http.get("/2/users/me", tokens.accessToken()).status()).isEqualTo(200);

        fixture.clock.advance(Duration.ofSeconds(1));

        Answer expired = http.get("/2/users/me", tokens.accessToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(http.refresh(tokens.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void revoking_an_access_token_ends_it_and_revoking_a_refresh_token_ends_the_authorisation() {
        SandboxHttp.Tokens tokens = http.signIn("ValleyHealth");
        Answer revoked = http.form("/2/oauth2/revoke", Map.of("token", tokens.accessToken()),
                SandboxHttp.basic(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json()).containsEntry("revoked", true);
        assertThat(http.get("/2/users/me", tokens.accessToken()).status()).isEqualTo(401);

        String fresh = (String) http.refresh(tokens.refreshToken()).json().get("refresh_token");
        http.form("/2/oauth2/revoke", Map.of("token", fresh, "token_type_hint", "refresh_token"),
                SandboxHttp.basic(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET));
        assertThat(http.refresh(fresh).status()).isEqualTo(400);
        assertThat(http.form("/2/oauth2/revoke", Map.of("token", "x"), null).status()).isEqualTo(401);
    }

    @Test
    void unknown_grant_types_and_missing_parameters_are_rfc_6749_errors() {
        String basic = SandboxHttp.basic(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET);

        Answer password = http.form("/2/oauth2/token", Map.of("grant_type", "password"), basic);
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json()).containsEntry("error", "unsupported_grant_type");

        Answer noVerifier = http.form("/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", "c",
                "redirect_uri", SandboxHttp.REDIRECT_URI), basic);
        assertThat(noVerifier.status()).isEqualTo(400);
        assertThat(noVerifier.json()).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Missing required parameter [code_verifier].");
    }

    @Test
    void registering_a_client_again_changes_nothing_else() {
        fixture.sandbox().registerClient("second-app", "other-secret", List.of("http://127.0.0.1:9/cb"));
        fixture.sandbox().registerClient("second-app", "other-secret", List.of("http://127.0.0.1:9/cb"));

        Map<String, String> parameters = SandboxHttp.authorizeParameters("tweet.read", "s", Pkce.create());
        parameters.put("client_id", "second-app");
        parameters.put("redirect_uri", "http://127.0.0.1:9/cb");
        assertThat(http.authorizePage(parameters).status()).isEqualTo(200);
    }
}
