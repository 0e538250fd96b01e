package org.noticeboard.x.oauth;

import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.X_AUTHORIZED_CLIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Access tokens of connected accounts through Spring Security's
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, which refreshes an expired one.
 * X rotates refresh tokens and a reused one fails, so two refreshes of one account must never
 * overlap: each runs inside a transaction holding a PostgreSQL advisory lock on the account, which
 * also holds across instances; whoever waits then finds the fresh token and does not refresh again.
 *
 * <p>A token this instance has decrypted is kept in memory (never logged, never written anywhere) with
 * the ciphertext it came from. While it is well within its lifetime, one plain read of the account's
 * connection state and stored ciphertext confirms it: a disconnect, a reconnection, a refresh or a
 * re-encryption by any instance changes what is stored, and the token is then read again the full way.
 * A burst of posts for one account then costs one lookup each, not a locked transaction and a
 * decryption each.
 */
public class XOAuthTokens implements XTokens {

    private static final Logger log = LoggerFactory.getLogger(XOAuthTokens.class);
    static final int REFRESH_LOCK = 0x58524652;
    private static final java.util.Set<String> REFUSED_REFRESH = java.util.Set.of(OAuth2ErrorCodes.INVALID_GRANT,
            OAuth2ErrorCodes.INVALID_REQUEST);

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final OfficialAccountService accounts;
    private final XAuthorizedClients clients;
    private final XClientRegistration registration;
    private final RestClient http;
    private final Clock clock;
    private volatile @Nullable AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final java.util.concurrent.ConcurrentMap<Long, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token is refreshed this long before its expiry (Spring's clock skew); the fast path stops earlier still. */
    private static final Duration REFRESH_SKEW = Duration.ofMinutes(2);
    private static final Duration KNOWN_MARGIN = Duration.ofMinutes(1);

    /** A decrypted token, the stored ciphertext it came from, and when it expires. */
    private record Known(XToken token, String ciphertext, java.time.Instant expiresAt) {}

    public XOAuthTokens(DSLContext db, TransactionTemplate tx, OfficialAccountService accounts, XAuthorizedClients clients,
            XClientRegistration registration, RestClient http, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.accounts = accounts;
        this.clients = clients;
        this.registration = registration;
        this.http = http;
        this.clock = clock;
    }

    private sealed interface Result permits Token, Refused, Failed {}

    private record Token(XToken token) implements Result {}

    private record Refused(String reason) implements Result {}

    private record Failed(XException failure) implements Result {}

    @Override
    public XToken tokenFor(long accountId) {
        XToken confirmed = confirmed(List.of(accountId)).get(accountId);
        return confirmed != null ? confirmed : read(accountId);
    }

    /** One read confirms the tokens already known; the others are read the full way, one account at a time. */
    @Override
    public Map<Long, XToken> tokensFor(Collection<Long> accountIds) {
        Map<Long, XToken> tokens = new HashMap<>(confirmed(accountIds));
        for (long accountId : accountIds) {
            if (!tokens.containsKey(accountId)) {
                try {
                    tokens.put(accountId, read(accountId));
                } catch (XException e) {
                    // left out: publishing the account's posts one at a time records why
                }
            }
        }
        return tokens;
    }

    /**
     * The known tokens of these accounts that are still good, with one plain read: the account is
     * still connected, the stored ciphertext is the one the token came from (no disconnection,
     * reconnection, refresh or re-encryption by any instance since), and it is not near its expiry.
     */
    private Map<Long, XToken> confirmed(Collection<Long> accountIds) {
        Instant fresh = clock.instant().plus(REFRESH_SKEW).plus(KNOWN_MARGIN);
        Map<Long, Known> candidates = new HashMap<>();
        for (long accountId : accountIds) {
            Known cached = known.get(accountId);
            if (cached != null && cached.expiresAt().isAfter(fresh)) {
                candidates.put(accountId, cached);
            }
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Map<Long, XToken> confirmed = new HashMap<>();
        db.select(OFFICIAL_ACCOUNT.ID, OFFICIAL_ACCOUNT.CONNECTION_STATE, X_AUTHORIZED_CLIENT.ACCESS_TOKEN)
                .from(OFFICIAL_ACCOUNT)
                .join(X_AUTHORIZED_CLIENT).on(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(OFFICIAL_ACCOUNT.ID))
                .where(OFFICIAL_ACCOUNT.ID.in(candidates.keySet()))
                .forEach(stored -> {
                    Known cached = candidates.get(stored.value1());
                    if (ConnectionState.CONNECTED.name().equals(stored.value2()) && cached.ciphertext().equals(stored.value3())) {
                        confirmed.put(stored.value1(), cached.token());
                    }
                });
        return confirmed;
    }

    /** The token the full way: under the account's refresh lock, refreshed with X if it is near its expiry. */
    private XToken read(long accountId) {
        known.remove(accountId);
        Result result = tx.execute(status -> {
            db.fetch("select pg_advisory_xact_lock(?, ?)", REFRESH_LOCK, Long.hashCode(accountId));
            var account = db.select(OFFICIAL_ACCOUNT.CONNECTION_STATE, OFFICIAL_ACCOUNT.X_USER_ID, OFFICIAL_ACCOUNT.HANDLE)
                    .from(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.ID.eq(accountId)).fetchOne();
            if (account == null || !ConnectionState.CONNECTED.name().equals(account.value1())) {
                return new Failed(new XException(XFailure.UNAUTHORIZED, null, account == null ? "No such account"
                        : "@" + account.value3() + " is not connected to X"));
            }
            try {
                String before = storedAccessToken(accountId);
                OAuth2AuthorizedClient client = manager().authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(XClientRegistration.ID)
                        .principal(XClientRegistration.principal(accountId))
                        .build());
                if (client == null) {
                    return new Refused("Noticeboard holds no tokens for it");
                }
                XToken token = new XToken(client.getAccessToken().getTokenValue(), account.value2());
                remember(accountId, token, client.getAccessToken().getExpiresAt());
                if (before != null && !before.equals(storedAccessToken(accountId))) {
                    // the manager renewed the token with X and saved it: recorded in the same transaction
                    accounts.tokenRefreshed(accountId, client.getAccessToken().getExpiresAt());
                }
                return new Token(token);
            } catch (ClientAuthorizationException e) {
                // RFC 6749 says invalid_grant; X says invalid_request ("Value passed for the token was
                // invalid.") for a refresh token it revoked or rotated away: either way only an account
                // admin can mend it by connecting again
                if (REFUSED_REFRESH.contains(e.getError().getErrorCode())) {
                    return new Refused("X refused to renew the connection (" + e.getError().getErrorCode()
                            + (e.getError().getDescription() == null ? "" : ": " + e.getError().getDescription()) + ")");
                }
                return new Failed(new XException(XFailure.SERVER_ERROR, null,
                        "X did not renew the access token: " + e.getError().getErrorCode(), null, e));
            } catch (RuntimeException e) {
                return new Failed(new XException(XFailure.SERVER_ERROR, null,
                        "X could not be reached to renew the access token", null, e));
            }
        });
        return switch (result) {
            case Token token -> token.token();
            case Failed failed -> throw failed.failure();
            case Refused refused -> {
                rejected(accountId, refused.reason());
                throw new XException(XFailure.UNAUTHORIZED, null, refused.reason());
            }
            case null -> throw new IllegalStateException("No result");
        };
    }

    private @Nullable String storedAccessToken(long accountId) {
        return db.select(X_AUTHORIZED_CLIENT.ACCESS_TOKEN).from(X_AUTHORIZED_CLIENT)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(accountId)).fetchOne(X_AUTHORIZED_CLIENT.ACCESS_TOKEN);
    }

    /** Still under the account's lock: what is stored now is what the token came from. */
    private void remember(long accountId, XToken token, java.time.@Nullable Instant expiresAt) {
        String ciphertext = db.select(X_AUTHORIZED_CLIENT.ACCESS_TOKEN).from(X_AUTHORIZED_CLIENT)
                .where(X_AUTHORIZED_CLIENT.ACCOUNT_ID.eq(accountId)).fetchOne(X_AUTHORIZED_CLIENT.ACCESS_TOKEN);
        if (ciphertext != null && expiresAt != null) {
            known.put(accountId, new Known(token, ciphertext, expiresAt));
        }
    }

    @Override
    public void rejected(long accountId, String reason) {
        known.remove(accountId);
        tx.executeWithoutResult(s -> {
            clients.removeAuthorizedClient(XClientRegistration.ID, XClientRegistration.principal(accountId));
            accounts.markNeedsReconnect(accountId, reason);
        });
        log.warn("Official account {} needs reconnecting: {}", accountId, reason);
    }

    private AuthorizedClientServiceOAuth2AuthorizedClientManager manager() {
        var current = manager;
        if (current == null) {
            var refresh = new RestClientRefreshTokenTokenResponseClient();
            refresh.setRestClient(http);
            var provider = OAuth2AuthorizedClientProviderBuilder.builder()
                    .refreshToken(r -> r.accessTokenResponseClient(refresh).clock(clock).clockSkew(REFRESH_SKEW))
                    .build();
            current = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                    new InMemoryClientRegistrationRepository(registration.get()), clients.service());
            current.setAuthorizedClientProvider(provider);
            // a refused refresh is handled above (the account needs reconnecting), not by Spring's default removal
            current.setAuthorizationFailureHandler((failure, principal, attributes) -> { });
            manager = current;
        }
        return current;
    }
}
