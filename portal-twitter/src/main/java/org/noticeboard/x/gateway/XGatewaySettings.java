package org.noticeboard.x.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where X API v2 is and how long to wait for it. {@code apiBaseUrl} ends in {@code /2/}:
 * {@code https://api.x.com/2/} live, or the sandbox's, for example
 * {@code http://127.0.0.1:8080/x-sandbox/2/}. The read timeout bounds each wait for an answer; a
 * write that hits it has an unknown outcome.
 */
public record XGatewaySettings(URI apiBaseUrl, Duration connectTimeout, Duration readTimeout) {

    public static final URI X_API = URI.create("https://api.x.com/2/");

    public XGatewaySettings {
        String scheme = apiBaseUrl.getScheme() == null ? "" : apiBaseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!apiBaseUrl.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))
                || apiBaseUrl.getRawQuery() != null || apiBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("The X API base URL must be an absolute http(s) URL: " + apiBaseUrl);
        }
        // twitter4j-v2 appends "tweets", "users/me"... to it, and so does the RestClient side
        if (apiBaseUrl.getRawPath() == null || !apiBaseUrl.getRawPath().endsWith("/2/")) {
            throw new IllegalArgumentException("The X API base URL must end in /2/: " + apiBaseUrl);
        }
        requirePositiveMillis("connect timeout", connectTimeout);
        requirePositiveMillis("read timeout", readTimeout);
    }

    public XGatewaySettings(String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        this(URI.create(apiBaseUrl), connectTimeout, readTimeout);
    }

    /** api.x.com, with timeouts that suit a background job rather than a page waiting for it. */
    public static XGatewaySettings forX() {
        return new XGatewaySettings(X_API, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static void requirePositiveMillis(String what, Duration duration) {
        // twitter4j and HttpURLConnection take whole milliseconds as an int, and 0 would mean "wait forever"
        if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The " + what + " must be between 1 ms and 24 days: " + duration);
        }
    }
}
