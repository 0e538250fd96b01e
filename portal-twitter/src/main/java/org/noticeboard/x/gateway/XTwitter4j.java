package org.noticeboard.x.gateway;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XException;
import twitter4j.RateLimitStatus;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterResponse;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.V2ConfigurationKt;
import twitter4j.auth.OAuth2Authorization;
import twitter4j.auth.OAuth2Token;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * twitter4j-core 4.0.7 with twitter4j-v2 1.4.3, acting with a user's OAuth 2.0 bearer token. One
 * configuration per gateway; a {@code Twitter} per call, because twitter4j binds the token to it.
 */
final class XTwitter4j {

    @FunctionalInterface
    interface V2Call<R extends TwitterResponse> {
        R call(TwitterV2 v2) throws TwitterException;
    }

    private final Configuration configuration;

    XTwitter4j(XGatewaySettings settings) {
        String base = settings.apiBaseUrl().toString();
        this.configuration = new ConfigurationBuilder()
                .setHttpConnectionTimeout((int) settings.connectTimeout().toMillis())
                .setHttpReadTimeout((int) settings.readTimeout().toMillis())
                // a retry here would re-send writes behind the caller's back
                .setHttpRetryCount(0)
                .setJSONStoreEnabled(false)
                .setDebugEnabled(false)
                // twitter4j-v2 keeps each base URL in a map keyed by the (value-equal) Configuration:
                // setting the v1.1 URL too keeps gateways for different hosts from sharing an entry
                .setRestBaseURL(base)
                .build();
        V2ConfigurationKt.getV2Configuration(configuration).setBaseURL(base);
    }

    /** Runs a twitter4j-v2 call and maps whatever went wrong; never lets a TwitterException out. */
    <R extends TwitterResponse> R run(XCall call, V2Call<R> work) {
        R response;
        try {
            response = work.call(v2(call.token().value()));
        } catch (TwitterException e) {
            throw failure(call, e);
        } catch (NumberFormatException e) {
            // an x-rate-limit header twitter4j cannot read
            throw XFailures.malformed(call.endpoint(), e.getClass().getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            // HttpURLConnection refusing a header value quotes it; the gateway passes on no such words
            throw e;
        } catch (RuntimeException e) {
            // twitter4j-v2's parsers throw NumberFormatException, NullPointerException and the like
            // on shapes they do not expect
            throw XFailures.malformed(call.endpoint(), e.getClass().getSimpleName(), e);
        }
        call.observed(window(response.getRateLimitStatus()));
        return response;
    }

    private TwitterV2 v2(String accessToken) {
        var authorization = new OAuth2Authorization(configuration);
        authorization.setOAuth2Token(new OAuth2Token("bearer", accessToken));
        return TwitterV2ExKt.getV2(new TwitterFactory(configuration).getInstance(authorization));
    }

    private static XException failure(XCall call, TwitterException e) {
        if (XFailures.isIo(e)) {
            return XFailures.forIo(call.endpoint(), e);
        }
        int status = e.getStatusCode();
        if (status >= 100) {
            return call.failed(status, body(e), window(rateLimitStatus(e)));
        }
        String reason = e.getCause() == null ? "unreadable" : e.getCause().getClass().getSimpleName();
        return XFailures.malformed(call.endpoint(), reason, e);
    }

    /**
     * The problem X sent. TwitterException keeps the response body only inside its message, after
     * a status line of its own ("403:The request is understood..."), which never contains a brace.
     */
    private static @Nullable String body(TwitterException e) {
        String message = e.getMessage();
        int start = message == null ? -1 : message.indexOf('{');
        return start < 0 ? null : message.substring(start);
    }

    private static @Nullable RateLimitStatus rateLimitStatus(TwitterException e) {
        try {
            return e.getRateLimitStatus();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static @Nullable RateWindow window(@Nullable RateLimitStatus status) {
        if (status == null) {
            return null;
        }
        return new RateWindow(Math.max(0, status.getLimit()), Math.max(0, status.getRemaining()),
                Instant.ofEpochSecond(Integer.toUnsignedLong(status.getResetTimeInSeconds())));
    }
}
