package org.noticeboard.x.gateway;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * X API v2 for Noticeboard. twitter4j-v2 makes the calls it makes faithfully (deleting a post,
 * following, list membership); Spring's {@code RestClient} makes the others, each saying why.
 * Every call first asks the {@link RateLimitBook} and records X's rate-limit headers after; every
 * failure is an {@link XException}, whose message never holds the token.
 */
public final class TwitterXGateway implements XGateway, AutoCloseable {

    /** X's limit of ids or usernames in one lookup. */
    static final int LOOKUP_BATCH = 100;

    static final String TWEET_FIELDS = "created_at,author_id,conversation_id,referenced_tweets,public_metrics";
    static final String USER_FIELDS = "public_metrics,verified,description";
    static final String EXPANSIONS = "author_id";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,19}");

    private final XTwitter4j twitter4j;
    private final XRestClient rest;
    private final RateLimitBook rateLimits;

    public TwitterXGateway(XGatewaySettings settings, RateLimitBook rateLimits) {
        this.twitter4j = new XTwitter4j(settings);
        this.rest = new XRestClient(settings);
        this.rateLimits = rateLimits;
    }

    /**
     * Through RestClient: twitter4j-v2's {@code getMe} always sends {@code expansions} (its default
     * {@code pinned_tweet_id}, which the published description of X API v2 does not accept), and its
     * User2 turns a missing {@code verified} into false.
     */
    @Override
    public XUser me(XToken token) {
        return call(token, XEndpoint.USERS_ME, c -> XJson.user(XJson.dataObject(
                rest.get(c, rest.uri("users/me", Map.of(), XRestClient.query("user.fields", USER_FIELDS))))));
    }

    /**
     * Through RestClient, not twitter4j-v2's {@code createTweet}: under twitter4j, HttpURLConnection
     * re-sends a POST whose connection was reset (sun.net.http.retryPost), which could post twice
     * or turn a post that went through into a DUPLICATE failure.
     */
    @Override
    public XPost createPost(XToken token, NewXPost post) {
        return call(token, XEndpoint.CREATE_POST, c -> {
            ObjectNode body = XJson.MAPPER.createObjectNode();
            body.put("text", post.text());
            if (post.inReplyToPostId() != null) {
                body.putObject("reply").put("in_reply_to_tweet_id", post.inReplyToPostId());
            }
            if (post.quotePostId() != null) {
                body.put("quote_tweet_id", post.quotePostId());
            }
            if (!post.mediaIds().isEmpty()) {
                var mediaIds = body.putObject("media").putArray("media_ids");
                post.mediaIds().forEach(mediaIds::add);
            }
            JsonNode data = XJson.dataObject(rest.postJson(c, rest.uri("tweets", Map.of(), Map.of()), body));
            XPost created = XJson.post(data);
            // X answers with id and text only; who posted it, and in answer to what, we know already
            return new XPost(created.id(), created.text(), token.userId(), created.createdAt(), created.conversationId(),
                    post.inReplyToPostId(), post.quotePostId(), null);
        });
    }

    @Override
    public void deletePost(XToken token, String postId) {
        long id = numericId(postId, "post");
        call(token, XEndpoint.DELETE_POST, c -> twitter4j.run(c, v2 -> v2.deleteTweet(id)));
    }

    /**
     * Through RestClient: twitter4j-v2's Tweet drops {@code public_metrics.impression_count}, which
     * the metrics snapshots need. Ids X does not return (deleted, protected) are left out.
     */
    @Override
    public List<XPost> posts(XToken token, List<String> postIds) {
        List<XPost> posts = new ArrayList<>();
        // an id that is not one cannot exist, and X would refuse the whole batch over it
        List<String> ids = postIds.stream().filter(id -> NUMERIC_ID.matcher(id).matches()).distinct().toList();
        for (List<String> batch : batches(ids)) {
            String joined = String.join(",", batch);
            posts.addAll(call(token, XEndpoint.POSTS, c -> XJson.dataArray(rest.get(c, rest.uri("tweets", Map.of(),
                            XRestClient.query("ids", joined, "tweet.fields", TWEET_FIELDS, "expansions", EXPANSIONS,
                                    "user.fields", USER_FIELDS))))
                    .stream().map(XJson::post).toList()));
        }
        return posts;
    }

    /**
     * Through RestClient: when none of the usernames exists X answers 200 with only {@code errors},
     * which twitter4j-v2's UsersResponse cannot read ("No value for data"). Handles X cannot have
     * (not 1 to 15 letters, digits or underscores) are left out before asking, as X would fail the
     * whole batch over one of them.
     */
    @Override
    public List<XUser> usersByUsernames(XToken token, List<String> usernames) {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String username : usernames) {
            String handle = username.strip();
            handle = handle.startsWith("@") ? handle.substring(1) : handle;
            if (USERNAME.matcher(handle).matches()) {
                distinct.putIfAbsent(handle.toLowerCase(Locale.ROOT), handle);
            }
        }
        List<XUser> users = new ArrayList<>();
        for (List<String> batch : batches(List.copyOf(distinct.values()))) {
            String names = String.join(",", batch);
            users.addAll(call(token, XEndpoint.USERS_BY_USERNAMES, c -> XJson.dataArray(rest.get(c,
                            rest.uri("users/by", Map.of(), XRestClient.query("usernames", names, "user.fields", USER_FIELDS))))
                    .stream().map(XJson::user).toList()));
        }
        return users;
    }

    /** Through RestClient, like {@link #posts}: twitter4j-v2 would lose the impression counts. */
    @Override
    public XPage<XPost> mentions(XToken token, String userId, @Nullable String sinceId,
            @Nullable String paginationToken) {
        numericId(userId, "user");
        if (sinceId != null) {
            numericId(sinceId, "post");
        }
        return call(token, XEndpoint.MENTIONS, c -> {
            Map<String, String> query = timelineQuery(paginationToken);
            if (sinceId != null) {
                query.put("since_id", sinceId);
            }
            return postPage(rest.get(c, rest.uri("users/{id}/mentions", Map.of("id", userId), query)));
        });
    }

    /** Through RestClient, like {@link #posts}: twitter4j-v2 would lose the impression counts. */
    @Override
    public XPage<XPost> userPosts(XToken token, String userId, @Nullable Instant startTime,
            @Nullable String paginationToken) {
        numericId(userId, "user");
        return call(token, XEndpoint.USER_POSTS, c -> {
            Map<String, String> query = timelineQuery(paginationToken);
            if (startTime != null) {
                // X takes YYYY-MM-DDTHH:mm:ssZ, to the second
                query.put("start_time", DateTimeFormatter.ISO_INSTANT.format(startTime.truncatedTo(ChronoUnit.SECONDS)));
            }
            return postPage(rest.get(c, rest.uri("users/{id}/tweets", Map.of("id", userId), query)));
        });
    }

    /**
     * Through RestClient: media upload is not in twitter4j-v2 1.4.3. One multipart request (the
     * image's own bytes, no base64), then the alt text through {@code POST /2/media/metadata}. When
     * the alt text cannot be set the upload fails as a whole: an image must not go out without it,
     * and X discards media no post uses.
     */
    @Override
    public String uploadMedia(XToken token, XMediaUpload media) {
        MediaType contentType;
        try {
            contentType = MediaType.parseMediaType(media.contentType());
        } catch (IllegalArgumentException e) {
            throw new XException(XFailure.INVALID_REQUEST, null, "Not a media type: " + media.contentType());
        }
        String mediaId = call(token, XEndpoint.MEDIA_UPLOAD, c -> {
            var parts = new MultipartBodyBuilder();
            parts.part("media", new ByteArrayResource(media.bytes()) {
                @Override
                public String getFilename() {
                    // a part without a file name is a form field, not a file, to most servers
                    return "media";
                }
            }).contentType(contentType);
            parts.part("media_category", mediaCategory(contentType));
            JsonNode data = XJson.dataObject(rest.postMultipart(c, rest.uri("media/upload", Map.of(), Map.of()), parts.build()));
            JsonNode id = data.get("id");
            if (id == null || !(id.isString() || id.isIntegralNumber()) || id.asString().isBlank()) {
                throw new XJson.Shape("no media id");
            }
            return id.asString();
        });
        String altText = media.altText();
        if (altText != null && !altText.isBlank()) {
            call(token, XEndpoint.MEDIA_METADATA, c -> {
                ObjectNode body = XJson.MAPPER.createObjectNode();
                body.put("id", mediaId);
                body.putObject("metadata").putObject("alt_text").put("text", altText);
                return rest.postJson(c, rest.uri("media/metadata", Map.of(), Map.of()), body);
            });
        }
        return mediaId;
    }

    /**
     * Through RestClient, for the reason {@link #createPost} is: a re-sent create makes a second
     * list.
     */
    @Override
    public XList createList(XToken token, String name, @Nullable String description, boolean isPrivate) {
        return call(token, XEndpoint.CREATE_LIST, c -> {
            ObjectNode body = XJson.MAPPER.createObjectNode();
            body.put("name", name);
            if (description != null && !description.isBlank()) {
                body.put("description", description);
            }
            body.put("private", isPrivate);
            return XJson.list(XJson.dataObject(rest.postJson(c, rest.uri("lists", Map.of(), Map.of()), body)));
        });
    }

    /** twitter4j-v2; HttpURLConnection may re-send it after a reset, which adding a member tolerates. */
    @Override
    public void addListMember(XToken token, String listId, String userId) {
        long list = numericId(listId, "list");
        long user = numericId(userId, "user");
        call(token, XEndpoint.ADD_LIST_MEMBER, c -> twitter4j.run(c, v2 -> v2.addListMember(list, user)));
    }

    @Override
    public void removeListMember(XToken token, String listId, String userId) {
        long list = numericId(listId, "list");
        long user = numericId(userId, "user");
        call(token, XEndpoint.REMOVE_LIST_MEMBER, c -> twitter4j.run(c, v2 -> v2.deleteListMember(list, user)));
    }

    /**
     * Through RestClient: for an empty list X answers with {@code meta} and no {@code data}, which
     * twitter4j-v2's UsersResponse cannot read.
     */
    @Override
    public XPage<XUser> listMembers(XToken token, String listId, @Nullable String paginationToken) {
        numericId(listId, "list");
        return call(token, XEndpoint.LIST_MEMBERS, c -> {
            Map<String, String> query = XRestClient.query("max_results", "100", "user.fields", USER_FIELDS);
            if (paginationToken != null) {
                query.put("pagination_token", paginationToken);
            }
            JsonNode root = rest.get(c, rest.uri("lists/{id}/members", Map.of("id", listId), query));
            String missing = XJson.missingResource(root);
            if (missing != null) {
                throw new XException(XFailure.NOT_FOUND, 200, missing);
            }
            return XJson.userPage(root);
        });
    }

    /** twitter4j-v2; HttpURLConnection may re-send it after a reset, which following tolerates. */
    @Override
    public void follow(XToken token, String sourceUserId, String targetUserId) {
        long source = numericId(sourceUserId, "user");
        long target = numericId(targetUserId, "user");
        call(token, XEndpoint.FOLLOW, c -> twitter4j.run(c, v2 -> v2.followUser(source, target)));
    }

    @Override
    public void unfollow(XToken token, String sourceUserId, String targetUserId) {
        long source = numericId(sourceUserId, "user");
        long target = numericId(targetUserId, "user");
        call(token, XEndpoint.UNFOLLOW, c -> twitter4j.run(c, v2 -> v2.unfollowUser(source, target)));
    }

    /**
     * Through RestClient: twitter4j-v2 1.4.3 has no like call. Liking a post twice leaves one like,
     * so an answer lost on the way is harmless to send again.
     */
    @Override
    public void like(XToken token, String userId, String postId) {
        numericId(userId, "user");
        numericId(postId, "post");
        call(token, XEndpoint.LIKE, c -> {
            ObjectNode body = XJson.MAPPER.createObjectNode();
            body.put("tweet_id", postId);
            return rest.postJson(c, rest.uri("users/{id}/likes", Map.of("id", userId), Map.of()), body);
        });
    }

    /**
     * Through RestClient, for the reason {@link #createPost} is; X keeps one repost per user and
     * post, so sending it again after a lost answer does not repost twice.
     */
    @Override
    public String repost(XToken token, String userId, String postId) {
        numericId(userId, "user");
        numericId(postId, "post");
        return call(token, XEndpoint.REPOST, c -> {
            ObjectNode body = XJson.MAPPER.createObjectNode();
            body.put("tweet_id", postId);
            JsonNode data = XJson.dataObject(rest.postJson(c, rest.uri("users/{id}/retweets", Map.of("id", userId),
                    Map.of()), body));
            JsonNode restId = data.get("rest_id");
            if (restId == null || !restId.isString() || restId.asString().isBlank()) {
                throw new XJson.Shape("no rest_id");
            }
            return restId.asString();
        });
    }

    @Override
    public void close() {
        rest.close();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(XCall call);
    }

    private <T> T call(XToken token, XEndpoint endpoint, Work<T> work) {
        XCall call = new XCall(token, endpoint, rateLimits);
        call.acquire();
        try {
            return work.run(call);
        } catch (XJson.Shape e) {
            // Shape is only ever thrown reading a 2xx answer
            String reason = e.getMessage() == null ? "unreadable" : e.getMessage();
            throw redacted(endpoint.creates() ? XFailures.createdButUnreadable(endpoint, reason, e)
                    : XFailures.malformed(endpoint, reason, e), token);
        } catch (XException e) {
            throw redacted(e, token);
        } catch (IllegalArgumentException e) {
            // the JDK's HTTP client refuses a header value it cannot send, a token with a line break
            // for one; its words may quote the value, so they are not passed on
            throw new XException(XFailure.INVALID_REQUEST, null, "The request to " + endpoint
                    + " could not be sent as it stands (" + e.getClass().getSimpleName() + ")");
        }
    }

    private XPage<XPost> postPage(JsonNode root) {
        String missing = XJson.missingResource(root);
        if (missing != null) {
            throw new XException(XFailure.NOT_FOUND, 200, missing);
        }
        return XJson.postPage(root);
    }

    private static Map<String, String> timelineQuery(@Nullable String paginationToken) {
        Map<String, String> query = XRestClient.query("max_results", "100", "tweet.fields", TWEET_FIELDS,
                "expansions", EXPANSIONS, "user.fields", USER_FIELDS);
        if (paginationToken != null) {
            query.put("pagination_token", paginationToken);
        }
        return query;
    }

    private static String mediaCategory(MediaType contentType) {
        if (contentType.isCompatibleWith(MediaType.IMAGE_GIF)) {
            return "tweet_gif";
        }
        return "video".equals(contentType.getType()) ? "tweet_video" : "tweet_image";
    }

    private static List<List<String>> batches(List<String> values) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += LOOKUP_BATCH) {
            batches.add(values.subList(from, Math.min(values.size(), from + LOOKUP_BATCH)));
        }
        return batches;
    }

    /** X's ids are up to 19 digits; anything else would reach X as a different path or a 400. */
    private static long numericId(String id, String what) {
        if (!NUMERIC_ID.matcher(id).matches()) {
            throw new XException(XFailure.INVALID_REQUEST, null, "Not an X " + what + " id: " + id);
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new XException(XFailure.INVALID_REQUEST, null, "Not an X " + what + " id: " + id);
        }
    }

    /** Belt and braces: X never echoes the token, but nothing we throw may carry it. */
    private static XException redacted(XException e, XToken token) {
        String message = e.getMessage();
        if (message == null || !message.contains(token.value())) {
            return e;
        }
        return new XException(e.failure(), e.status(), message.replace(token.value(), "[token]"), e.retryAt(), null);
    }
}
