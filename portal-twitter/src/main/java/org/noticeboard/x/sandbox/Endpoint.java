package org.noticeboard.x.sandbox;

import java.util.Set;

/**
 * The API endpoints of the sandbox with X's per-user rate limit (requests per 15-minute window)
 * and the OAuth 2.0 scopes X requires.
 *
 * <p>Limits: X's rate-limit tables, "Per User" column, at
 * https://docs.x.com/x-api/fundamentals/rate-limits (source: github.com/xdevplatform/docs,
 * x-api/fundamentals/rate-limits.mdx, read 2026-11). Scopes: the {@code OAuth2UserToken} security
 * requirement of each operation in X's OpenAPI description (X API v2.167), which matches the
 * "OAuth 2.0 scopes required by this endpoint" of X's API reference pages.
 */
enum Endpoint {
    USERS_ME(75, "tweet.read", "users.read"),
    USERS_BY_USERNAMES(900, "tweet.read", "users.read"),
    USER_MENTIONS(300, "tweet.read", "users.read"),
    USER_POSTS(900, "tweet.read", "users.read"),
    CREATE_POST(100, "tweet.read", "tweet.write", "users.read"),
    DELETE_POST(50, "tweet.read", "tweet.write", "users.read"),
    POSTS_BY_IDS(5000, "tweet.read", "users.read"),
    POST_BY_ID(900, "tweet.read", "users.read"),
    MEDIA_UPLOAD(500, "media.write"),
    MEDIA_METADATA(500, "media.write"),
    CREATE_LIST(300, "list.read", "list.write", "tweet.read", "users.read"),
    LIST_MEMBERS(900, "list.read", "tweet.read", "users.read"),
    ADD_LIST_MEMBER(300, "list.write", "tweet.read", "users.read"),
    REMOVE_LIST_MEMBER(300, "list.write", "tweet.read", "users.read"),
    FOLLOW(50, "follows.write", "tweet.read", "users.read"),
    UNFOLLOW(50, "follows.write", "tweet.read", "users.read"),
    LIKE(50, "like.write", "tweet.read", "users.read"),
    REPOST(50, "tweet.write", "tweet.read", "users.read");

    private final int limitPer15Minutes;
    private final Set<String> scopes;

    Endpoint(int limitPer15Minutes, String... scopes) {
        this.limitPer15Minutes = limitPer15Minutes;
        this.scopes = Set.of(scopes);
    }

    int limit() {
        return limitPer15Minutes;
    }

    Set<String> scopes() {
        return scopes;
    }
}
