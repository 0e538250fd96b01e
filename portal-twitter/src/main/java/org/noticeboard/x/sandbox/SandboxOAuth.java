package org.noticeboard.x.sandbox;

import static org.noticeboard.db.jooq.Tables.X_SANDBOX_AUTHORIZATION_CODE;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_CLIENT;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_CONSENT;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_GRANT;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.db.jooq.tables.records.XSandboxAuthorizationCodeRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxConsentRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxGrantRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxTokenRecord;

/**
 * X's OAuth 2.0 authorisation server, as far as X implements it: the authorization code grant
 * with PKCE for confidential clients, refresh tokens only with {@code offline.access}, rotated on
 * every use. Codes, tokens and form tokens are random and stored only as SHA-256 hashes. A code or
 * refresh token presented a second time revokes everything issued from the same authorisation.
 */
final class SandboxOAuth {

    /** X: "the authorization code is valid for 30 seconds". */
    static final Duration CODE_LIFETIME = Duration.ofSeconds(30);
    /** X: access tokens are valid for two hours. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);
    /** How long a consent page may be left open before its form no longer works. */
    static final Duration CONSENT_LIFETIME = Duration.ofMinutes(10);

    /** The scopes of X's OAuth 2.0 (the OAuth2UserToken scheme of the OpenAPI description), with X's own words. */
    static final Map<String, String> SCOPES = scopes();

    private static final Pattern VERIFIER = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");
    private static final String INVALID_CODE = "Value passed for the authorization code was invalid.";
    private static final String INVALID_TOKEN = "Value passed for the token was invalid.";

    private final DSLContext dsl;
    private final Clock clock;

    SandboxOAuth(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    record Client(String clientId, List<String> redirectUris) {}

    record Consent(String clientId, String redirectUri, List<String> scopes, String state, String codeChallenge,
            String codeChallengeMethod) {}

    record Caller(long userId, String clientId, Set<String> scopes) {}

    record Tokens(String accessToken, @Nullable String refreshToken, long expiresIn, String scope) {

        /** The body X's token endpoint answers, in X's field order. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token_type", "bearer");
            body.put("expires_in", expiresIn);
            body.put("access_token", accessToken);
            body.put("scope", scope);
            if (refreshToken != null) {
                body.put("refresh_token", refreshToken);
            }
            return body;
        }
    }

    /** An RFC 6749 error answer of the token endpoint, worded as X words it. */
    static final class TokenError extends RuntimeException {

        final int status;
        final String error;

        TokenError(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }

        static TokenError invalidRequest(String description) {
            return new TokenError(400, "invalid_request", description);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("error_description", getMessage());
            return body;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    Optional<Client> client(String clientId) {
        return dsl.selectFrom(X_SANDBOX_CLIENT).where(X_SANDBOX_CLIENT.CLIENT_ID.eq(clientId)).fetchOptional()
                .map(c -> new Client(c.getClientId(), Arrays.asList(c.getRedirectUris())));
    }

    boolean authenticate(String clientId, String secret) {
        return dsl.select(X_SANDBOX_CLIENT.SECRET_SHA256).from(X_SANDBOX_CLIENT)
                .where(X_SANDBOX_CLIENT.CLIENT_ID.eq(clientId))
                .fetchOptional(X_SANDBOX_CLIENT.SECRET_SHA256)
                .map(hash -> Hashes.sameHash(hash, Hashes.sha256(secret)))
                .orElse(false);
    }

    // ------------------------------------------------------------------ consent and codes

    /** Remembers what the consent page shows; the returned one-time form token is the only way to answer it. */
    String startConsent(Consent consent) {
        String formToken = Hashes.randomToken(32);
        dsl.insertInto(X_SANDBOX_CONSENT)
                .set(X_SANDBOX_CONSENT.FORM_TOKEN_SHA256, Hashes.sha256(formToken))
                .set(X_SANDBOX_CONSENT.CLIENT_ID, consent.clientId())
                .set(X_SANDBOX_CONSENT.REDIRECT_URI, consent.redirectUri())
                .set(X_SANDBOX_CONSENT.SCOPES, String.join(" ", consent.scopes()))
                .set(X_SANDBOX_CONSENT.STATE, consent.state())
                .set(X_SANDBOX_CONSENT.CODE_CHALLENGE, consent.codeChallenge())
                .set(X_SANDBOX_CONSENT.CODE_CHALLENGE_METHOD, consent.codeChallengeMethod())
                .set(X_SANDBOX_CONSENT.CREATED_AT, now())
                .set(X_SANDBOX_CONSENT.EXPIRES_AT, now().plus(CONSENT_LIFETIME))
                .execute();
        return formToken;
    }

    /** The consent a form token answers, if it is neither used nor expired. */
    Optional<Consent> openConsent(String formToken) {
        return dsl.selectFrom(X_SANDBOX_CONSENT)
                .where(X_SANDBOX_CONSENT.FORM_TOKEN_SHA256.eq(Hashes.sha256(formToken))
                        .and(X_SANDBOX_CONSENT.USED_AT.isNull())
                        .and(X_SANDBOX_CONSENT.EXPIRES_AT.gt(now())))
                .fetchOptional()
                .map(SandboxOAuth::toConsent);
    }

    /** Uses up a form token; false if it was used meanwhile (a second submission of the same page). */
    boolean closeConsent(String formToken) {
        return dsl.update(X_SANDBOX_CONSENT)
                .set(X_SANDBOX_CONSENT.USED_AT, now())
                .where(X_SANDBOX_CONSENT.FORM_TOKEN_SHA256.eq(Hashes.sha256(formToken))
                        .and(X_SANDBOX_CONSENT.USED_AT.isNull())
                        .and(X_SANDBOX_CONSENT.EXPIRES_AT.gt(now())))
                .execute() == 1;
    }

    /** The user said yes: a new authorisation and its code. */
    String issueCode(Consent consent, long userId) {
        String code = Hashes.randomToken(48);
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            UUID grant = UUID.randomUUID();
            db.insertInto(X_SANDBOX_GRANT)
                    .set(X_SANDBOX_GRANT.ID, grant)
                    .set(X_SANDBOX_GRANT.CLIENT_ID, consent.clientId())
                    .set(X_SANDBOX_GRANT.USER_ID, userId)
                    .set(X_SANDBOX_GRANT.SCOPES, String.join(" ", consent.scopes()))
                    .set(X_SANDBOX_GRANT.CREATED_AT, now())
                    .execute();
            db.insertInto(X_SANDBOX_AUTHORIZATION_CODE)
                    .set(X_SANDBOX_AUTHORIZATION_CODE.CODE_SHA256, Hashes.sha256(code))
                    .set(X_SANDBOX_AUTHORIZATION_CODE.GRANT_ID, grant)
                    .set(X_SANDBOX_AUTHORIZATION_CODE.REDIRECT_URI, consent.redirectUri())
                    .set(X_SANDBOX_AUTHORIZATION_CODE.CODE_CHALLENGE, consent.codeChallenge())
                    .set(X_SANDBOX_AUTHORIZATION_CODE.CODE_CHALLENGE_METHOD, consent.codeChallengeMethod())
                    .set(X_SANDBOX_AUTHORIZATION_CODE.ISSUED_AT, now())
                    .set(X_SANDBOX_AUTHORIZATION_CODE.EXPIRES_AT, now().plus(CODE_LIFETIME))
                    .execute();
        });
        return code;
    }

    // ------------------------------------------------------------------ the token endpoint

    /**
     * {@code grant_type=authorization_code}. Failures that must outlive the answer (a reused code
     * revokes its authorisation; a code is used up by a wrong verifier) are committed before the
     * error is thrown.
     */
    Tokens exchangeCode(String clientId, String code, String redirectUri, String verifier) {
        Object outcome = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            XSandboxAuthorizationCodeRecord stored = db.selectFrom(X_SANDBOX_AUTHORIZATION_CODE)
                    .where(X_SANDBOX_AUTHORIZATION_CODE.CODE_SHA256.eq(Hashes.sha256(code)))
                    .forUpdate()
                    .fetchOne();
            if (stored == null) {
                return TokenError.invalidRequest(INVALID_CODE);
            }
            XSandboxGrantRecord grant = db.selectFrom(X_SANDBOX_GRANT)
                    .where(X_SANDBOX_GRANT.ID.eq(stored.getGrantId())).fetchOne();
            if (grant == null || !grant.getClientId().equals(clientId)) {
                return TokenError.invalidRequest(INVALID_CODE);
            }
            if (stored.getUsedAt() != null) {
                // RFC 6749 4.1.2: a code used twice revokes the tokens issued from it
                revokeGrant(db, grant.getId());
                return TokenError.invalidRequest(INVALID_CODE);
            }
            if (!stored.getExpiresAt().isAfter(now()) || grant.getRevokedAt() != null) {
                return TokenError.invalidRequest(INVALID_CODE);
            }
            stored.setUsedAt(now());
            stored.store();
            if (!stored.getRedirectUri().equals(redirectUri)) {
                return TokenError.invalidRequest(
                        "Value passed for the redirect uri did not match the uri of the authorization code.");
            }
            if (!verifierMatches(verifier, stored.getCodeChallenge(), stored.getCodeChallengeMethod())) {
                return TokenError.invalidRequest("Value passed for the code verifier did not match the code challenge.");
            }
            return issueTokens(db, grant);
        });
        return tokensOrThrow(outcome);
    }

    /** {@code grant_type=refresh_token}: a new access token and a new refresh token; the old one is spent. */
    Tokens refresh(String clientId, String refreshToken, @Nullable String scope) {
        Object outcome = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            String hash = Hashes.sha256(refreshToken);
            XSandboxTokenRecord token = db.selectFrom(X_SANDBOX_TOKEN)
                    .where(X_SANDBOX_TOKEN.TOKEN_SHA256.eq(hash).and(X_SANDBOX_TOKEN.KIND.eq("REFRESH")))
                    .fetchOne();
            if (token == null) {
                return TokenError.invalidRequest(INVALID_TOKEN);
            }
            XSandboxGrantRecord grant = db.selectFrom(X_SANDBOX_GRANT)
                    .where(X_SANDBOX_GRANT.ID.eq(token.getGrantId())).fetchOne();
            if (grant == null || !grant.getClientId().equals(clientId)) {
                return TokenError.invalidRequest(INVALID_TOKEN);
            }
            if (grant.getRevokedAt() != null || token.getRevokedAt() != null) {
                return TokenError.invalidRequest(INVALID_TOKEN);
            }
            int spent = db.update(X_SANDBOX_TOKEN)
                    .set(X_SANDBOX_TOKEN.ROTATED_AT, now())
                    .where(X_SANDBOX_TOKEN.TOKEN_SHA256.eq(hash).and(X_SANDBOX_TOKEN.ROTATED_AT.isNull()))
                    .execute();
            if (spent == 0) {
                // a rotated refresh token came back: whoever holds it may have stolen it, so the
                // whole authorisation goes (OAuth 2.0 Security BCP, refresh token rotation)
                revokeGrant(db, grant.getId());
                return TokenError.invalidRequest(INVALID_TOKEN);
            }
            if (scope != null && !Set.of(grant.getScopes().split(" ")).containsAll(List.of(scope.trim().split("\\s+")))) {
                return new TokenError(400, "invalid_scope", "Value passed for scope is not a subset of the granted scopes.");
            }
            return issueTokens(db, grant);
        });
        return tokensOrThrow(outcome);
    }

    /**
     * RFC 7009 revocation: an access token alone, or a refresh token with its whole authorisation.
     * Unknown tokens and other clients' tokens are ignored, as the RFC asks.
     */
    void revoke(String clientId, String token) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            XSandboxTokenRecord stored = db.selectFrom(X_SANDBOX_TOKEN)
                    .where(X_SANDBOX_TOKEN.TOKEN_SHA256.eq(Hashes.sha256(token))).fetchOne();
            if (stored == null) {
                return;
            }
            XSandboxGrantRecord grant = db.selectFrom(X_SANDBOX_GRANT)
                    .where(X_SANDBOX_GRANT.ID.eq(stored.getGrantId())).fetchOne();
            if (grant == null || !grant.getClientId().equals(clientId)) {
                return;
            }
            if (stored.getKind().equals("REFRESH")) {
                revokeGrant(db, grant.getId());
            } else {
                stored.setRevokedAt(now());
                stored.store();
            }
        });
    }

    /** Who an access token speaks for, if it is live. */
    Optional<Caller> caller(String accessToken) {
        return dsl.select(X_SANDBOX_GRANT.USER_ID, X_SANDBOX_GRANT.CLIENT_ID, X_SANDBOX_GRANT.SCOPES)
                .from(X_SANDBOX_TOKEN)
                .join(X_SANDBOX_GRANT).on(X_SANDBOX_GRANT.ID.eq(X_SANDBOX_TOKEN.GRANT_ID))
                .where(X_SANDBOX_TOKEN.TOKEN_SHA256.eq(Hashes.sha256(accessToken))
                        .and(X_SANDBOX_TOKEN.KIND.eq("ACCESS"))
                        .and(X_SANDBOX_TOKEN.REVOKED_AT.isNull())
                        .and(X_SANDBOX_TOKEN.EXPIRES_AT.gt(now()))
                        .and(X_SANDBOX_GRANT.REVOKED_AT.isNull()))
                .fetchOptional(r -> new Caller(r.value1(), r.value2(), Set.of(r.value3().split(" "))));
    }

    private Tokens issueTokens(DSLContext db, XSandboxGrantRecord grant) {
        String access = Hashes.randomToken(48);
        insertToken(db, grant.getId(), access, "ACCESS", now().plus(ACCESS_TOKEN_LIFETIME));
        String refresh = null;
        if (Set.of(grant.getScopes().split(" ")).contains("offline.access")) {
            refresh = Hashes.randomToken(48);
            // X gives refresh tokens no published lifetime; here they live until used or revoked
            insertToken(db, grant.getId(), refresh, "REFRESH", null);
        }
        return new Tokens(access, refresh, ACCESS_TOKEN_LIFETIME.toSeconds(), grant.getScopes());
    }

    private void insertToken(DSLContext db, UUID grant, String token, String kind, @Nullable OffsetDateTime expiresAt) {
        db.insertInto(X_SANDBOX_TOKEN)
                .set(X_SANDBOX_TOKEN.TOKEN_SHA256, Hashes.sha256(token))
                .set(X_SANDBOX_TOKEN.GRANT_ID, grant)
                .set(X_SANDBOX_TOKEN.KIND, kind)
                .set(X_SANDBOX_TOKEN.ISSUED_AT, now())
                .set(X_SANDBOX_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    private void revokeGrant(DSLContext db, UUID grant) {
        db.update(X_SANDBOX_GRANT).set(X_SANDBOX_GRANT.REVOKED_AT, now())
                .where(X_SANDBOX_GRANT.ID.eq(grant).and(X_SANDBOX_GRANT.REVOKED_AT.isNull()))
                .execute();
    }

    private static Tokens tokensOrThrow(Object outcome) {
        if (outcome instanceof TokenError error) {
            throw error;
        }
        return (Tokens) outcome;
    }

    static boolean verifierMatches(String verifier, String challenge, String method) {
        if (!VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        String expected = method.equals("S256") ? Hashes.s256(verifier) : verifier;
        return Hashes.sameHash(expected, challenge);
    }

    private static Consent toConsent(XSandboxConsentRecord c) {
        return new Consent(c.getClientId(), c.getRedirectUri(), List.of(c.getScopes().split(" ")), c.getState(),
                c.getCodeChallenge(), c.getCodeChallengeMethod());
    }

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("tweet.read", "View all posts you can see, including those from protected accounts.");
        scopes.put("tweet.write", "Create and repost on your behalf.");
        scopes.put("tweet.moderate.write", "Hide and unhide replies to your posts.");
        scopes.put("users.read", "View any account you can see, including protected accounts.");
        scopes.put("follows.read", "View accounts you follow and accounts following you.");
        scopes.put("follows.write", "Follow and unfollow accounts on your behalf.");
        scopes.put("offline.access", "Stay connected to your account until you revoke access.");
        scopes.put("space.read", "View all Spaces you have access to.");
        scopes.put("mute.read", "View accounts you have muted.");
        scopes.put("mute.write", "Mute and unmute accounts on your behalf.");
        scopes.put("like.read", "View posts you have liked and likes you can see.");
        scopes.put("like.write", "Like and unlike posts on your behalf.");
        scopes.put("list.read", "View Lists, members, and followers of Lists you created or are a member of.");
        scopes.put("list.write", "Create and manage Lists on your behalf.");
        scopes.put("block.read", "View accounts you have blocked.");
        scopes.put("block.write", "Block and unblock accounts on your behalf.");
        scopes.put("bookmark.read", "Read your bookmarked posts.");
        scopes.put("bookmark.write", "Create and delete your bookmarks.");
        scopes.put("dm.read", "Read all your Direct Messages.");
        scopes.put("dm.write", "Send and manage your Direct Messages.");
        scopes.put("media.write", "Upload media, such as photos and videos, on your behalf.");
        scopes.put("timeline.read", "View all Custom Timelines you can see.");
        scopes.put("broadcast.read", "View your live broadcasts and their chat.");
        scopes.put("broadcast.write", "Manage your live broadcasts and send chat messages on your behalf.");
        return java.util.Collections.unmodifiableMap(scopes);
    }

    /** The requested scopes, in order and without repeats; null if one of them is not one of X's. */
    static @Nullable List<String> parseScopes(String scope) {
        Set<String> requested = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
        return SCOPES.keySet().containsAll(requested) ? List.copyOf(requested) : null;
    }
}
