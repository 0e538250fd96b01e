package org.noticeboard.x;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal reaches X ({@code NOTICEBOARD_X_*}). With the sandbox enabled (the default in demo
 * mode) every URL points at the in-process X sandbox and the client is registered there
 * automatically; otherwise the X app's client id and secret must be given, and the token keys.
 */
@ConfigurationProperties("noticeboard.x")
public record XProperties(
        @DefaultValue Sandbox sandbox,
        @DefaultValue("https://api.x.com/2/") String apiBaseUrl,
        @DefaultValue("https://x.com/i/oauth2/authorize") String authorizationUri,
        @DefaultValue("https://api.x.com/2/oauth2/token") String tokenUri,
        @DefaultValue("https://api.x.com/2/oauth2/revoke") String revokeUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue({"tweet.read", "tweet.write", "users.read", "follows.read", "follows.write", "list.read",
                "list.write", "like.read", "like.write", "media.write", "offline.access"}) List<String> scopes,
        /** comma-separated {@code id:base64key}, the current key first; blank in demo mode: a key file in the data directory */
        @Nullable String tokenKeys,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue Publishing publishing,
        @DefaultValue Mentions mentions) {

    public record Sandbox(@DefaultValue("false") boolean enabled, @DefaultValue("noticeboard-sandbox") String clientId) {}

    /** Fetching the official accounts' mentions into the inbox (within X's 300 requests per 15 minutes). */
    public record Mentions(@DefaultValue("60s") Duration pollInterval, @DefaultValue("5") int maxPages) {}

    /** Background publishing through db-scheduler; tests that drive the publisher themselves turn it off. */
    public record Publishing(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("4") int threads,
            /** how long another instance waits before it takes over the work of one that stopped answering */
            @DefaultValue("5s") Duration heartbeat,
            /** how far ahead each post's publication is planned, so that it starts at its due time */
            @DefaultValue("60s") Duration lookAhead,
            /** at most how many due text posts one worker takes and sends together (1: one at a time) */
            @DefaultValue("50") int batchSize,
            /** at most how many create requests one batch has waiting for X at once */
            @DefaultValue("8") int batchConcurrency) {}
}
