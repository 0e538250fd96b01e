package org.noticeboard.x.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;

/**
 * X API v2 as the portal uses it, under {@code /x-sandbox/2}. Authentication, scopes and rate
 * limits are checked before any handler runs ({@link ApiAccess}); each handler then answers what
 * X answers, refusals included.
 */
@RestController
@ConditionalOnBooleanProperty(XSandboxConfiguration.ENABLED)
@RequestMapping(XSandboxConfiguration.PREFIX)
class XSandboxApiController {

    private static final Pattern ID = Pattern.compile("^[0-9]{1,19}$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]{1,15}$");
    private static final Instant EARLIEST_TIME = Instant.parse("2010-11-06T00:00:00Z");
    private static final Set<String> POST_BODY = Set.of("card_uri", "community_id", "direct_message_deep_link",
            "edit_options", "for_super_followers_only", "geo", "made_with_ai", "media", "nullcast", "paid_partnership",
            "poll", "quote_tweet_id", "reply", "reply_settings", "share_with_followers", "text");

    private final XSandbox sandbox;

    XSandboxApiController(XSandbox sandbox) {
        this.sandbox = sandbox;
    }

    // ------------------------------------------------------------------ users

    @XApi(Endpoint.USERS_ME)
    @GetMapping("/2/users/me")
    ResponseEntity<byte[]> me(HttpServletRequest request, @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        ApiViews.Fields fields = ApiViews.userRequest(request::getParameter);
        SandboxUser me = sandbox.userById(caller.userId()).orElseThrow(ApiProblem::unauthorized);
        return json(200, Map.of("data", views(request).users(List.of(me), fields).getFirst()));
    }

    @XApi(Endpoint.USERS_BY_USERNAMES)
    @GetMapping("/2/users/by")
    ResponseEntity<byte[]> usersByUsernames(HttpServletRequest request) {
        ApiViews.Fields fields = ApiViews.userRequest(request::getParameter);
        List<String> usernames = idList(request, "usernames", USERNAME, "^[A-Za-z0-9_]{1,15}$");
        List<SandboxUser> found = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String username : new LinkedHashSet<>(usernames)) {
            sandbox.user(username).ifPresentOrElse(found::add, () -> errors.add(ApiProblem.notFoundEntry("user",
                    "usernames", username, "Could not find user with usernames: [" + username + "].")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!found.isEmpty()) {
            body.put("data", views(request).users(found, fields));
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return json(200, body);
    }

    @XApi(Endpoint.USER_MENTIONS)
    @GetMapping("/2/users/{id}/mentions")
    ResponseEntity<byte[]> mentions(HttpServletRequest request, @PathVariable("id") String id) {
        long userId = pathId("id", id);
        XSandbox.PostQuery query = timelineQuery(request, false);
        ApiViews.Fields fields = ApiViews.postRequest(request::getParameter);
        if (sandbox.userById(userId).isEmpty()) {
            return userNotFound(id);
        }
        return timeline(request, sandbox.mentionsOf(userId, query), fields);
    }

    @XApi(Endpoint.USER_POSTS)
    @GetMapping("/2/users/{id}/tweets")
    ResponseEntity<byte[]> userPosts(HttpServletRequest request, @PathVariable("id") String id) {
        long userId = pathId("id", id);
        Set<String> exclude = ApiViews.list(request::getParameter, "exclude", Set.of("replies", "retweets"));
        XSandbox.PostQuery query = timelineQuery(request, exclude.contains("replies"));
        ApiViews.Fields fields = ApiViews.postRequest(request::getParameter);
        if (sandbox.userById(userId).isEmpty()) {
            return userNotFound(id);
        }
        return timeline(request, sandbox.postsOf(userId, query), fields);
    }

    // ------------------------------------------------------------------ posts

    @XApi(Endpoint.CREATE_POST)
    @PostMapping("/2/tweets")
    ResponseEntity<byte[]> createPost(@RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        Map<String, Object> request = jsonObject(body, POST_BODY);
        String text = optionalString(request, "text", "$.text");
        Long replyTo = null;
        if (request.get("reply") instanceof Map<?, ?> reply) {
            String target = reply.get("in_reply_to_tweet_id") instanceof String s ? s : null;
            if (target == null || !ID.matcher(target).matches()) {
                throw ApiProblem.invalidBody("$.reply.in_reply_to_tweet_id: must be a string of 1 to 19 digits");
            }
            replyTo = Long.parseLong(target);
        } else if (request.containsKey("reply")) {
            throw ApiProblem.invalidBody("$.reply: must be an object");
        }
        Long quote = null;
        String quoteId = optionalString(request, "quote_tweet_id", "$.quote_tweet_id");
        if (!quoteId.isEmpty()) {
            if (!ID.matcher(quoteId).matches()) {
                throw ApiProblem.invalidRequest("quote_tweet_id", List.of(quoteId),
                        "The `quote_tweet_id` value [" + quoteId + "] does not match ^[0-9]{1,19}$");
            }
            quote = Long.parseLong(quoteId);
        }
        List<Long> mediaIds = new ArrayList<>();
        if (request.get("media") instanceof Map<?, ?> media) {
            if (!(media.get("media_ids") instanceof List<?> ids) || ids.isEmpty()) {
                throw ApiProblem.invalidBody("$.media.media_ids: must be an array of 1 to 4 media ids");
            }
            for (Object mediaId : ids) {
                if (!(mediaId instanceof String s) || !ID.matcher(s).matches()) {
                    throw ApiProblem.invalidRequest("media.media_ids", ids.stream().map(String::valueOf).toList(),
                            "Your media IDs are invalid.");
                }
                mediaIds.add(Long.parseLong(s));
            }
        } else if (request.containsKey("media")) {
            throw ApiProblem.invalidBody("$.media: must be an object");
        }
        String id = sandbox.publish(caller.userId(), text, replyTo, quote, mediaIds);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("text", text);
        data.put("edit_history_tweet_ids", List.of(id));
        data.put("edit_history_post_ids", List.of(id));
        return json(201, Map.of("data", data));
    }

    @XApi(Endpoint.DELETE_POST)
    @DeleteMapping("/2/tweets/{id}")
    ResponseEntity<byte[]> deletePost(@PathVariable("id") String id,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        sandbox.deletePost(caller.userId(), pathId("id", id));
        return json(200, Map.of("data", Map.of("deleted", true)));
    }

    @XApi(Endpoint.POSTS_BY_IDS)
    @GetMapping("/2/tweets")
    ResponseEntity<byte[]> postsByIds(HttpServletRequest request) {
        List<String> ids = idList(request, "ids", ID, "^[0-9]{1,19}$");
        ApiViews.Fields fields = ApiViews.postRequest(request::getParameter);
        List<SandboxPost> found = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            sandbox.livePost(Long.parseLong(id)).ifPresentOrElse(found::add, () -> errors.add(ApiProblem.notFoundEntry(
                    "tweet", "ids", id, "Could not find tweet with ids: [" + id + "].")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        ApiViews views = views(request);
        if (!found.isEmpty()) {
            body.put("data", views.posts(found, fields));
            putIncludes(body, views.includes(found, fields));
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return json(200, body);
    }

    @XApi(Endpoint.POST_BY_ID)
    @GetMapping("/2/tweets/{id}")
    ResponseEntity<byte[]> postById(HttpServletRequest request, @PathVariable("id") String id) {
        long postId = pathId("id", id);
        ApiViews.Fields fields = ApiViews.postRequest(request::getParameter);
        Optional<SandboxPost> post = sandbox.livePost(postId);
        if (post.isEmpty()) {
            return json(200, Map.of("errors", List.of(ApiProblem.notFoundEntry("tweet", "id", id,
                    "Could not find tweet with id: [" + id + "]."))));
        }
        ApiViews views = views(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", views.posts(List.of(post.get()), fields).getFirst());
        putIncludes(body, views.includes(List.of(post.get()), fields));
        return json(200, body);
    }

    // ------------------------------------------------------------------ media

    @XApi(Endpoint.MEDIA_UPLOAD)
    @PostMapping(value = "/2/media/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> uploadMultipart(HttpServletRequest request,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) throws java.io.IOException {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw ApiProblem.invalidBody("$.media: a multipart body with a media part is required");
        }
        MultipartFile media = multipart.getFile("media");
        if (media == null || media.isEmpty()) {
            throw ApiProblem.invalidBody("$.media: is missing but it is required");
        }
        String category = multipart.getParameter("media_category");
        return uploaded(sandbox.storeMedia(caller.userId(), media.getBytes(), requiredCategory(category)));
    }

    @XApi(Endpoint.MEDIA_UPLOAD)
    @PostMapping(value = "/2/media/upload", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> uploadJson(@RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        Map<String, Object> request = jsonObject(body, Set.of("media", "media_category", "additional_owners"));
        String encoded = optionalString(request, "media", "$.media");
        if (encoded.isEmpty()) {
            throw ApiProblem.invalidBody("$.media: is missing but it is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidBody("$.media: is not valid base64");
        }
        String category = optionalString(request, "media_category", "$.media_category");
        return uploaded(sandbox.storeMedia(caller.userId(), bytes, requiredCategory(category.isEmpty() ? null : category)));
    }

    @XApi(Endpoint.MEDIA_METADATA)
    @PostMapping("/2/media/metadata")
    @SuppressWarnings("unchecked")
    ResponseEntity<byte[]> mediaMetadata(@RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        Map<String, Object> request = jsonObject(body, Set.of("id", "metadata"));
        long mediaId = bodyId(request, "id");
        Object metadata = request.get("metadata");
        String altText = null;
        if (metadata instanceof Map<?, ?> fields && fields.get("alt_text") instanceof Map<?, ?> alt
                && alt.get("text") instanceof String text) {
            altText = text;
        }
        if (altText == null) {
            throw ApiProblem.invalidBody("$.metadata.alt_text.text: is missing but it is required");
        }
        var media = sandbox.describeMedia(caller.userId(), mediaId, altText);
        return json(200, Map.of("data", Map.of("id", media.id(),
                "associated_metadata", Map.of("alt_text", Map.of("text", altText)))));
    }

    @XApi(Endpoint.MEDIA_UPLOAD)
    @PostMapping("/2/media/upload")
    ResponseEntity<byte[]> uploadOther() {
        throw ApiProblem.invalidBody("Content-Type must be multipart/form-data or application/json");
    }

    private static String requiredCategory(@Nullable String category) {
        // the OpenAPI description makes media_category required on this endpoint
        if (category == null || category.isBlank()) {
            throw ApiProblem.invalidBody("$.media_category: is missing but it is required");
        }
        return category;
    }

    private static ResponseEntity<byte[]> uploaded(SandboxMedia media) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("image_type", media.contentType());
        image.put("w", media.width());
        image.put("h", media.height());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", media.id());
        data.put("media_key", media.mediaKey());
        data.put("size", media.bytes().length);
        data.put("expires_after_secs", XSandbox.MEDIA_LIFETIME.toSeconds());
        data.put("image", image);
        return json(200, Map.of("data", data));
    }

    /** The images of the sandbox's posts, for pages that show posts as X would (no X API equivalent). */
    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> mediaBytes(@PathVariable("id") String id) {
        if (!ID.matcher(id).matches()) {
            return ResponseEntity.notFound().build();
        }
        return sandbox.media(id)
                .map(m -> ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType())).body(m.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    // ------------------------------------------------------------------ lists

    @XApi(Endpoint.CREATE_LIST)
    @PostMapping("/2/lists")
    ResponseEntity<byte[]> createList(@RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        Map<String, Object> request = jsonObject(body, Set.of("name", "description", "private"));
        String name = optionalString(request, "name", "$.name");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 25) {
            throw ApiProblem.invalidRequest("name", List.of(name), "The `name` must be 1 to 25 characters long.");
        }
        String description = request.containsKey("description") ? optionalString(request, "description", "$.description") : null;
        if (description != null && description.codePointCount(0, description.length()) > 100) {
            throw ApiProblem.invalidRequest("description", List.of(description),
                    "The `description` must be at most 100 characters long.");
        }
        Object isPrivate = request.getOrDefault("private", false);
        if (!(isPrivate instanceof Boolean privateList)) {
            throw ApiProblem.invalidBody("$.private: must be a boolean");
        }
        SandboxList list = sandbox.createList(caller.userId(), name, description, privateList);
        return json(201, Map.of("data", Map.of("id", list.id(), "name", list.name())));
    }

    @XApi(Endpoint.LIST_MEMBERS)
    @GetMapping("/2/lists/{id}/members")
    ResponseEntity<byte[]> listMembers(HttpServletRequest request, @PathVariable("id") String id,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long listId = pathId("id", id);
        int max = maxResults(request, 1, 100, 100);
        XSandbox.Cursor cursor = cursor(request);
        ApiViews.Fields fields = ApiViews.userRequest(request::getParameter);
        Optional<SandboxList> list = sandbox.list(listId);
        if (list.isEmpty()) {
            return json(200, Map.of("errors", List.of(ApiProblem.notFoundEntry("list", "id", id,
                    "Could not find list with id: [" + id + "]."))));
        }
        if (list.get().isPrivate() && !list.get().ownerId().equals(String.valueOf(caller.userId()))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("value", id);
            error.put("detail", "You are not authorized to see the members of the List with id: [" + id + "].");
            error.put("title", "Not Authorized for Resource Error");
            error.put("resource_type", "list");
            error.put("parameter", "id");
            error.put("resource_id", id);
            error.put("type", ApiProblem.PROBLEMS + "not-authorized-for-resource");
            return json(200, Map.of("errors", List.of(error)));
        }
        XSandbox.MemberPage page = sandbox.listMembers(listId, max, cursor);
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!page.users().isEmpty()) {
            body.put("data", views(request).users(page.users(), fields));
        }
        meta.put("result_count", page.users().size());
        if (page.hasPrevious()) {
            meta.put("previous_token", Cursors.encode(new XSandbox.Cursor(page.firstPosition(), true)));
        }
        if (page.hasMore()) {
            meta.put("next_token", Cursors.encode(new XSandbox.Cursor(page.lastPosition(), false)));
        }
        body.put("meta", meta);
        return json(200, body);
    }

    @XApi(Endpoint.ADD_LIST_MEMBER)
    @PostMapping("/2/lists/{id}/members")
    ResponseEntity<byte[]> addListMember(@PathVariable("id") String id,
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long listId = pathId("id", id);
        Map<String, Object> request = jsonObject(body, Set.of("user_id"));
        long userId = bodyId(request, "user_id");
        sandbox.addListMember(caller.userId(), listId, userId);
        return json(200, Map.of("data", Map.of("is_member", true)));
    }

    @XApi(Endpoint.REMOVE_LIST_MEMBER)
    @DeleteMapping("/2/lists/{id}/members/{user_id}")
    ResponseEntity<byte[]> removeListMember(@PathVariable("id") String id, @PathVariable("user_id") String userId,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        sandbox.removeListMember(caller.userId(), pathId("id", id), pathId("user_id", userId));
        return json(200, Map.of("data", Map.of("is_member", false)));
    }

    // ------------------------------------------------------------------ follows

    @XApi(Endpoint.FOLLOW)
    @PostMapping("/2/users/{id}/following")
    ResponseEntity<byte[]> follow(@PathVariable("id") String id, @RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long source = pathId("id", id);
        onlyAsYourself(source, caller);
        long target = bodyId(jsonObject(body, Set.of("target_user_id")), "target_user_id");
        if (sandbox.userById(target).isEmpty()) {
            throw ApiProblem.notFound("user", "target_user_id", String.valueOf(target),
                    "Could not find user with target_user_id: [" + target + "].");
        }
        if (target == source) {
            throw ApiProblem.forbidden("You cannot follow yourself.");
        }
        sandbox.follow(source, target);
        return json(200, Map.of("data", Map.of("following", true, "pending_follow", false)));
    }

    @XApi(Endpoint.UNFOLLOW)
    @DeleteMapping("/2/users/{source_user_id}/following/{target_user_id}")
    ResponseEntity<byte[]> unfollow(@PathVariable("source_user_id") String sourceUserId,
            @PathVariable("target_user_id") String targetUserId,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long source = pathId("source_user_id", sourceUserId);
        long target = pathId("target_user_id", targetUserId);
        onlyAsYourself(source, caller);
        sandbox.unfollow(source, target);
        return json(200, Map.of("data", Map.of("following", false)));
    }

    // ------------------------------------------------------------------ likes and reposts

    @XApi(Endpoint.LIKE)
    @PostMapping("/2/users/{id}/likes")
    ResponseEntity<byte[]> like(@PathVariable("id") String id, @RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long user = pathId("id", id);
        if (user != caller.userId()) {
            throw ApiProblem.forbidden("You are not allowed to like on behalf of another user.");
        }
        long post = bodyId(jsonObject(body, Set.of("tweet_id")), "tweet_id");
        sandbox.like(user, post);
        return json(200, Map.of("data", Map.of("liked", true)));
    }

    @XApi(Endpoint.REPOST)
    @PostMapping("/2/users/{id}/retweets")
    ResponseEntity<byte[]> repost(@PathVariable("id") String id, @RequestBody(required = false) byte @Nullable [] body,
            @RequestAttribute(ApiAccess.CALLER) SandboxOAuth.Caller caller) {
        long user = pathId("id", id);
        if (user != caller.userId()) {
            throw ApiProblem.forbidden("You are not allowed to repost on behalf of another user.");
        }
        long post = bodyId(jsonObject(body, Set.of("tweet_id")), "tweet_id");
        long repostId = sandbox.repost(user, post);
        return json(200, Map.of("data", Map.of("retweeted", true, "rest_id", String.valueOf(repostId))));
    }

    /** X acts on the follows of the token's own user only. */
    private static void onlyAsYourself(long userId, SandboxOAuth.Caller caller) {
        if (userId != caller.userId()) {
            throw ApiProblem.forbidden("You can only change the follows of the authenticated user.");
        }
    }

    // ------------------------------------------------------------------ errors

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<byte[]> problem(ApiProblem problem) {
        return Json.problem(problem);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<byte[]> unreadable(JacksonException e) {
        return Json.problem(ApiProblem.invalidBody("Request body is not valid JSON: " + e.getOriginalMessage()));
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<byte[]> timeline(HttpServletRequest request, XSandbox.PostPage page, ApiViews.Fields fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!page.posts().isEmpty()) {
            ApiViews views = views(request);
            body.put("data", views.posts(page.posts(), fields));
            putIncludes(body, views.includes(page.posts(), fields));
            meta.put("newest_id", page.posts().getFirst().id());
            meta.put("oldest_id", page.posts().getLast().id());
        }
        meta.put("result_count", page.posts().size());
        if (page.hasOlder()) {
            meta.put("next_token", Cursors.encode(new XSandbox.Cursor(Long.parseLong(page.posts().getLast().id()), false)));
        }
        if (page.hasNewer()) {
            meta.put("previous_token", Cursors.encode(new XSandbox.Cursor(Long.parseLong(page.posts().getFirst().id()), true)));
        }
        body.put("meta", meta);
        return json(200, body);
    }

    private static ResponseEntity<byte[]> userNotFound(String id) {
        return json(200, Map.of("errors", List.of(ApiProblem.notFoundEntry("user", "id", id,
                "Could not find user with id: [" + id + "]."))));
    }

    private static void putIncludes(Map<String, Object> body, Map<String, Object> includes) {
        if (!includes.isEmpty()) {
            body.put("includes", includes);
        }
    }

    private XSandbox.PostQuery timelineQuery(HttpServletRequest request, boolean excludeReplies) {
        int max = maxResults(request, 5, 100, 10);
        Long sinceId = queryId(request, "since_id");
        Long untilId = queryId(request, "until_id");
        Instant start = queryTime(request, "start_time");
        Instant end = queryTime(request, "end_time");
        if (sinceId != null && untilId != null && sinceId >= untilId) {
            throw ApiProblem.invalidRequest("since_id", List.of(String.valueOf(sinceId)),
                    "The `since_id` query parameter value [" + sinceId + "] must be less than the `until_id` query "
                            + "parameter value [" + untilId + "]");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiProblem.invalidRequest("start_time", List.of(request.getParameter("start_time")),
                    "The `start_time` query parameter value [" + request.getParameter("start_time")
                            + "] must be earlier than the `end_time` query parameter value ["
                            + request.getParameter("end_time") + "]");
        }
        return new XSandbox.PostQuery(sinceId, untilId, start, end, excludeReplies, max, cursor(request));
    }

    private static int maxResults(HttpServletRequest request, int min, int max, int fallback) {
        String raw = request.getParameter("max_results");
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below as X answers any value it cannot use
        }
        throw ApiProblem.invalidRequest("max_results", List.of(raw),
                "The `max_results` query parameter value [" + raw + "] is not between " + min + " and " + max);
    }

    private static XSandbox.@Nullable Cursor cursor(HttpServletRequest request) {
        String token = request.getParameter("pagination_token");
        if (token == null) {
            return null;
        }
        XSandbox.Cursor cursor = Cursors.decode(token);
        if (cursor == null) {
            throw ApiProblem.invalidRequest("pagination_token", List.of(token),
                    "The `pagination_token` query parameter value [" + token + "] is not valid");
        }
        return cursor;
    }

    private static @Nullable Long queryId(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        if (raw == null) {
            return null;
        }
        if (!ID.matcher(raw).matches()) {
            throw ApiProblem.invalidRequest(name, List.of(raw),
                    "The `" + name + "` query parameter value [" + raw + "] does not match ^[0-9]{1,19}$");
        }
        return Long.parseLong(raw);
    }

    private static @Nullable Instant queryTime(HttpServletRequest request, String name) {
        String raw = request.getParameter(name);
        if (raw == null) {
            return null;
        }
        try {
            Instant time = java.time.OffsetDateTime.parse(raw).toInstant();
            if (time.isBefore(EARLIEST_TIME)) {
                throw ApiProblem.invalidRequest(name, List.of(raw), "The `" + name + "` query parameter value ["
                        + raw + "] must be on or after 2010-11-06T00:00:01Z");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidRequest(name, List.of(raw), "The `" + name + "` query parameter value ["
                    + raw + "] is not a valid RFC 3339 date-time");
        }
    }

    private static List<String> idList(HttpServletRequest request, String name, Pattern pattern, String regex) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isEmpty()) {
            throw ApiProblem.invalidRequest(name, List.of(raw == null ? "" : raw),
                    "The `" + name + "` query parameter can not be empty");
        }
        List<String> values = List.of(raw.split(",", -1));
        if (values.size() > 100) {
            throw ApiProblem.invalidRequest(name, List.of(raw),
                    "The number of values in the `" + name + "` query parameter list [" + values.size()
                            + "] is not between 1 and 100");
        }
        for (String value : values) {
            if (!pattern.matcher(value).matches()) {
                throw ApiProblem.invalidRequest(name, List.of(value),
                        "The `" + name + "` query parameter value [" + value + "] does not match " + regex);
            }
        }
        return values;
    }

    private static long pathId(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw ApiProblem.invalidRequest(name, List.of(value),
                    "The `" + name + "` query parameter value [" + value + "] does not match ^[0-9]{1,19}$");
        }
        return Long.parseLong(value);
    }

    private static long bodyId(Map<String, Object> body, String name) {
        if (!(body.get(name) instanceof String value) || !ID.matcher(value).matches()) {
            throw ApiProblem.invalidBody("$." + name + ": must be a string of 1 to 19 digits");
        }
        return Long.parseLong(value);
    }

    /** The JSON object of a request body; X refuses properties its schema does not define. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(byte @Nullable [] body, Set<String> allowed) {
        if (body == null || body.length == 0) {
            throw ApiProblem.invalidBody("A request body is required but none found.");
        }
        Object parsed = Json.MAPPER.readValue(body, Object.class);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ApiProblem.invalidBody("$: must be a JSON object");
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiProblem.invalidBody("$." + key + ": is not defined in the schema and the schema does not "
                        + "allow additional properties");
            }
        }
        return (Map<String, Object>) map;
    }

    private static String optionalString(Map<String, Object> body, String name, String path) {
        Object value = body.get(name);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String s)) {
            throw ApiProblem.invalidBody(path + ": must be a string");
        }
        return s;
    }

    private ApiViews views(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).path(XSandboxConfiguration.PREFIX)
                .path("/media/").toUriString();
        return new ApiViews(sandbox, base);
    }

    private static ResponseEntity<byte[]> json(int status, Map<String, Object> body) {
        return Json.ok(status, body);
    }
}
