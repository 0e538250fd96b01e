package org.noticeboard.x.gateway;

/**
 * The X endpoints the gateway calls. X counts its rate limits per endpoint (method and path
 * template) and per user, so {@link #key()} names the window in the {@link RateLimitBook}.
 */
enum XEndpoint {
    USERS_ME("GET", "/2/users/me", false),
    CREATE_POST("POST", "/2/tweets", true, true),
    DELETE_POST("DELETE", "/2/tweets/:id", true),
    POSTS("GET", "/2/tweets", false),
    USERS_BY_USERNAMES("GET", "/2/users/by", false),
    MENTIONS("GET", "/2/users/:id/mentions", false),
    USER_POSTS("GET", "/2/users/:id/tweets", false),
    MEDIA_UPLOAD("POST", "/2/media/upload", true),
    MEDIA_METADATA("POST", "/2/media/metadata", true),
    CREATE_LIST("POST", "/2/lists", true, true),
    ADD_LIST_MEMBER("POST", "/2/lists/:id/members", true),
    REMOVE_LIST_MEMBER("DELETE", "/2/lists/:id/members/:user_id", true),
    LIST_MEMBERS("GET", "/2/lists/:id/members", false),
    FOLLOW("POST", "/2/users/:id/following", true),
    UNFOLLOW("DELETE", "/2/users/:source_user_id/following/:target_user_id", true),
    LIKE("POST", "/2/users/:id/likes", true),
    REPOST("POST", "/2/users/:id/retweets", true);

    private final String key;
    private final boolean write;
    private final boolean creates;

    XEndpoint(String method, String template, boolean write) {
        this(method, template, write, false);
    }

    XEndpoint(String method, String template, boolean write, boolean creates) {
        this.key = method + " " + template;
        this.write = write;
        this.creates = creates;
    }

    String key() {
        return key;
    }

    /** A write that got no answer may have been carried out; a read that got none simply failed. */
    boolean write() {
        return write;
    }

    /**
     * Makes something new each time it is sent (a post, a list): after X said yes, an answer we
     * cannot read still means the thing exists, so it must be looked up rather than sent again.
     */
    boolean creates() {
        return creates;
    }

    @Override
    public String toString() {
        return key;
    }
}
