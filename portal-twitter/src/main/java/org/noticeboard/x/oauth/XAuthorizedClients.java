package org.noticeboard.x.oauth;

import static org.noticeboard.db.jooq.Tables.X_AUTHORIZED_CLIENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Official accounts' authorised clients in PostgreSQL ({@code x_authorized_client}), tokens
 * encrypted with {@link TokenCipher}. A save without a refresh token keeps the stored one: X only
 * sends one with {@code offline.access}, and losing it would mean reconnecting by hand.
 *
 * <p>Deliberately not an {@link OAuth2AuthorizedClientService} bean itself: Spring Security would
 * then keep members' sign-in clients here too. {@link #service()} hands it to the X client manager only.
 */
public class XAuthorizedClients {

    private static final Logger log = LoggerFactory.getLogger(XAuthorizedClients.class);

    private final DSLContext db;
    private final TokenCipher cipher;
    private final XClientRegistration registration;
    private final Clock clock;

    public XAuthorizedClients(DSLContext db, TokenCipher cipher, XClientRegistration registration, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.registration = registration;
        this.clock = clock;
    }

    /** The same store, as Spring Security's client manager wants it. */
    public OAuth2AuthorizedClientService service() {
        return new OAuth2AuthorizedClientService() {
            @Override
            public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
                    String principalName) {
                return XAuthorizedClients.this.loadAuthorizedClient(clientRegistrationId, principalName);
            }

            @Override
            public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
                XAuthorizedClients.this.saveAuthorizedClient(authorizedClient, principal);
            }

            @Override
            public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
                XAuthorizedClients.this.removeAuthorizedClient(clientRegistrationId, principalName);
            }
        };
    }

    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
            String principalName) {
        if (!XClientRegistration.ID.equals(clientRegistrationId)) {
            return null;
        }
        long accountId = XClientRegistration.accountId(principalName);
        var row = db.selectFrom(X_AUTHORIZED_CLIENT).where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(accountId)).fetchOne();
        if (row == null) {
            return null;
        }
        var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                cipher.decrypt(row.getAccessToken(), context(accountId, "access")), instant(row.getAccessTokenIssuedAt()),
                instant(row.getAccessTokenExpiresAt()), new LinkedHashSet<>(Arrays.asList(row.getScopes().split(" "))));
        OAuth2RefreshToken refresh = row.getRefreshToken() == null ? null
                : new OAuth2RefreshToken(cipher.decrypt(row.getRefreshToken(), context(accountId, "refresh")),
                        instant(row.getRefreshTokenIssuedAt()));
        return (T) new OAuth2AuthorizedClient(registration.get(), principalName, access, refresh);
    }

    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
        long accountId = XClientRegistration.accountId(principal.getName());
        OAuth2AccessToken access = client.getAccessToken();
        OAuth2RefreshToken refresh = client.getRefreshToken();
        String accessValue = cipher.encrypt(access.getTokenValue(), context(accountId, "access"));
        String refreshValue = refresh == null || refresh.getTokenValue().isBlank() ? null
                : cipher.encrypt(refresh.getTokenValue(), context(accountId, "refresh"));
        OffsetDateTime refreshIssued = refresh == null ? null : utc(refresh.getIssuedAt());
        String scopes = String.join(" ", access.getScopes());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // expiry is judged by the portal's clock: keep X's lifetime, counted from our now
        Instant issued = clock.instant();
        Instant expires = access.getExpiresAt() == null ? null : access.getIssuedAt() == null ? access.getExpiresAt()
                : issued.plus(java.time.Duration.between(access.getIssuedAt(), access.getExpiresAt()));
        int updated = db.update(X_AUTHORIZED_CLIENT)
                .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN, accessValue)
                .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN_ISSUED_AT, utc(issued))
                .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN_EXPIRES_AT, utc(expires))
                .set(X_AUTHORIZED_CLIENT.SCOPES, scopes)
                // never overwrite a refresh token with nothing
                .set(X_AUTHORIZED_CLIENT.REFRESH_TOKEN, refreshValue == null ? X_AUTHORIZED_CLIENT.REFRESH_TOKEN
                        : org.jooq.impl.DSL.val(refreshValue))
                .set(X_AUTHORIZED_CLIENT.REFRESH_TOKEN_ISSUED_AT, refreshValue == null
                        ? X_AUTHORIZED_CLIENT.REFRESH_TOKEN_ISSUED_AT : org.jooq.impl.DSL.val(refreshIssued))
                .set(X_AUTHORIZED_CLIENT.REFRESHED_COUNT, X_AUTHORIZED_CLIENT.REFRESHED_COUNT.plus(1))
                .set(X_AUTHORIZED_CLIENT.UPDATED_AT, now)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(accountId))
                .execute();
        if (updated == 0) {
            db.insertInto(X_AUTHORIZED_CLIENT)
                    .set(X_AUTHORIZED_CLIENT.ACCOUNT_ID, accountId)
                    .set(X_AUTHORIZED_CLIENT.REGISTRATION_ID, client.getClientRegistration().getRegistrationId())
                    .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN, accessValue)
                    .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN_ISSUED_AT, utc(issued))
                    .set(X_AUTHORIZED_CLIENT.ACCESS_TOKEN_EXPIRES_AT, utc(expires))
                    .set(X_AUTHORIZED_CLIENT.SCOPES, scopes)
                    .set(X_AUTHORIZED_CLIENT.REFRESH_TOKEN, refreshValue)
                    .set(X_AUTHORIZED_CLIENT.REFRESH_TOKEN_ISSUED_AT, refreshIssued)
                    .set(X_AUTHORIZED_CLIENT.UPDATED_AT, now)
                    .execute();
        }
        log.debug("Saved X tokens of official account {} (refresh token {})", accountId,
                refreshValue == null ? "kept" : "replaced");
    }

    public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
        db.deleteFrom(X_AUTHORIZED_CLIENT)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(XClientRegistration.accountId(principalName)))
                .execute();
    }

    /** Re-encrypts every token not under the current key; returns how many rows changed. */
    public int reencrypt() {
        int changed = 0;
        for (var row : db.selectFrom(X_AUTHORIZED_CLIENT).forUpdate().fetch()) {
            long accountId = row.getAccountId();
            boolean stale = cipher.needsReencrypting(row.getAccessToken())
                    || (row.getRefreshToken() != null && cipher.needsReencrypting(row.getRefreshToken()));
            if (!stale) {
                continue;
            }
            row.setAccessToken(cipher.encrypt(cipher.decrypt(row.getAccessToken(), context(accountId, "access")),
                    context(accountId, "access")));
            if (row.getRefreshToken() != null) {
                row.setRefreshToken(cipher.encrypt(cipher.decrypt(row.getRefreshToken(), context(accountId, "refresh")),
                        context(accountId, "refresh")));
            }
            row.store();
            changed++;
        }
        if (changed > 0) {
            log.info("Re-encrypted the X tokens of {} official account(s) with key {}", changed, cipher.currentKeyId());
        }
        return changed;
    }

    private static String context(long accountId, String column) {
        return "x_authorized_client:" + accountId + ":" + column;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
