package org.noticeboard.x.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * X's JSON for posts, users and media, with X's fields and expansions.
 *
 * <p>Two vocabularies: live X still speaks its "tweet" one ({@code tweet.fields},
 * {@code referenced_tweets}, {@code edit_history_tweet_ids}, {@code retweet_count},
 * {@code tweet_count}, {@code includes.tweets}), which is what clients such as twitter4j-v2 read,
 * while the OpenAPI description (v2.167) names the same things "post" ({@code post.fields},
 * {@code referenced_posts}, {@code repost_count}, {@code post_count}, {@code includes.posts}) and
 * even requires some of them. The sandbox accepts both in requests and writes both in answers,
 * each value once under either name, so that clients of either kind and the spec are satisfied.
 */
final class ApiViews {

    static final DateTimeFormatter X_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final Set<String> POST_FIELDS = Set.of("article", "article_title", "attachments", "card_uri",
            "community_id", "context_annotations", "conversation_id", "created_at", "display_text_range",
            "edit_controls", "entities", "geo", "id", "lang", "matched_media_notes", "media_metadata",
            "non_public_metrics", "note_post", "note_request_suggestions", "organic_metrics", "paid_partnership",
            "possibly_sensitive", "promoted_metrics", "public_metrics", "reply_settings", "scopes", "source",
            "suggested_source_links", "suggested_source_links_with_counts", "text", "withheld",
            // live X's names that the spec dropped or renamed
            "author_id", "in_reply_to_user_id", "referenced_tweets", "edit_history_tweet_ids", "note_tweet");
    static final Set<String> POST_EXPANSIONS = Set.of("article.cover_media", "article.media_entities",
            "attachments.media_keys", "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
            "edit_history_post_ids", "entities.mentions.username", "geo.place_id", "in_reply_to_user_id",
            "referenced_posts", "username",
            "referenced_tweets.id", "referenced_tweets.id.author_id", "edit_history_tweet_ids");
    static final Set<String> USER_FIELDS = Set.of("confirmed_email", "connection_status", "created_at",
            "description", "entities", "id", "is_identity_verified", "location", "name", "parody",
            "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm",
            "subscribes_to_you", "subscription", "subscription_type", "url", "username", "verified",
            "verified_followers_count", "verified_type", "withheld",
            "pinned_tweet_id", "most_recent_tweet_id");
    static final Set<String> USER_EXPANSIONS = Set.of("affiliation", "most_recent_post_id", "pinned_post_id",
            "pinned_tweet_id", "most_recent_tweet_id");
    static final Set<String> MEDIA_FIELDS = Set.of("alt_text", "duration_ms", "height", "media_key",
            "non_public_metrics", "organic_metrics", "preview_image_url", "promoted_metrics", "public_metrics",
            "type", "url", "variants", "width");

    /** What a request asked to see. */
    record Fields(Set<String> post, Set<String> user, Set<String> media, Set<String> expansions) {

        boolean wantsAuthor() {
            return post.contains("author_id") || expansions.contains("author_id");
        }

        boolean wantsReferences() {
            return post.contains("referenced_tweets") || expansions.contains("referenced_tweets.id")
                    || expansions.contains("referenced_posts") || expansions.contains("referenced_tweets.id.author_id");
        }

        boolean wantsReplyUser() {
            return post.contains("in_reply_to_user_id") || expansions.contains("in_reply_to_user_id");
        }

        boolean wantsAttachments() {
            return post.contains("attachments") || expansions.contains("attachments.media_keys");
        }
    }

    /** Reads {@code name}: X's comma-separated list; every value must be one it knows. */
    static Set<String> list(Function<String, @Nullable String> parameters, String name, Set<String> allowed) {
        String raw = parameters.apply(name);
        if (raw == null) {
            return Set.of();
        }
        List<String> values = Arrays.asList(raw.split(",", -1));
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw ApiProblem.invalidRequest(name, List.of(value), "The `" + name + "` query parameter value ["
                        + value + "] is not one of [" + allowed.stream().sorted().collect(Collectors.joining(",")) + "]");
            }
        }
        return new LinkedHashSet<>(values);
    }

    static Fields postRequest(Function<String, @Nullable String> parameters) {
        Set<String> post = new LinkedHashSet<>(list(parameters, "tweet.fields", POST_FIELDS));
        post.addAll(list(parameters, "post.fields", POST_FIELDS));
        list(parameters, "poll.fields", Set.of("duration_minutes", "end_datetime", "id", "options", "voting_status"));
        list(parameters, "place.fields", Set.of("contained_within", "country", "country_code", "full_name", "geo", "id",
                "name", "place_type"));
        return new Fields(post, list(parameters, "user.fields", USER_FIELDS), list(parameters, "media.fields", MEDIA_FIELDS),
                list(parameters, "expansions", POST_EXPANSIONS));
    }

    static Fields userRequest(Function<String, @Nullable String> parameters) {
        Set<String> post = new LinkedHashSet<>(list(parameters, "tweet.fields", POST_FIELDS));
        post.addAll(list(parameters, "post.fields", POST_FIELDS));
        return new Fields(post, list(parameters, "user.fields", USER_FIELDS), Set.of(),
                list(parameters, "expansions", USER_EXPANSIONS));
    }

    private final XSandbox sandbox;
    private final String mediaBaseUrl;

    ApiViews(XSandbox sandbox, String mediaBaseUrl) {
        this.sandbox = sandbox;
        this.mediaBaseUrl = mediaBaseUrl;
    }

    Map<String, Object> post(SandboxPost p, Fields f, Map<String, SandboxMedia> media) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("text", p.text());
        // X sends the edit history by default; the spec knows it as edit_history_post_ids
        json.put("edit_history_tweet_ids", List.of(p.id()));
        json.put("edit_history_post_ids", List.of(p.id()));
        if (f.post().contains("created_at")) {
            json.put("created_at", X_TIME.format(p.createdAt()));
        }
        if (f.wantsAuthor()) {
            json.put("author_id", p.authorId());
        }
        if (f.post().contains("conversation_id")) {
            json.put("conversation_id", p.conversationId());
        }
        if (f.wantsReplyUser() && p.inReplyToUserId() != null) {
            json.put("in_reply_to_user_id", p.inReplyToUserId());
        }
        List<Map<String, Object>> references = new ArrayList<>();
        if (p.inReplyToId() != null) {
            references.add(Map.of("type", "replied_to", "id", p.inReplyToId()));
        }
        if (p.quotedId() != null) {
            references.add(Map.of("type", "quoted", "id", p.quotedId()));
        }
        if (f.wantsReferences() && !references.isEmpty()) {
            json.put("referenced_tweets", references);
            json.put("referenced_posts", references);
        }
        if (f.wantsAttachments() && !p.mediaIds().isEmpty()) {
            json.put("attachments", Map.of("media_keys", p.mediaIds().stream()
                    .map(id -> media.containsKey(id) ? media.get(id).mediaKey() : "3_" + id).toList()));
        }
        if (f.post().contains("public_metrics")) {
            SandboxMetrics m = p.metrics();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("retweet_count", m.reposts());
            metrics.put("repost_count", m.reposts());
            metrics.put("reply_count", m.replies());
            metrics.put("like_count", m.likes());
            metrics.put("quote_count", m.quotes());
            metrics.put("bookmark_count", m.bookmarks());
            metrics.put("impression_count", m.impressions());
            json.put("public_metrics", metrics);
        }
        return json;
    }

    List<Map<String, Object>> posts(List<SandboxPost> posts, Fields f) {
        Map<String, SandboxMedia> media = mediaOf(posts);
        return posts.stream().map(p -> post(p, f, media)).toList();
    }

    Map<String, Object> user(SandboxUser u, Fields f, Map<String, XSandbox.UserCounts> counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", u.id());
        json.put("name", u.name());
        json.put("username", u.username());
        Set<String> wanted = f.user();
        if (wanted.contains("created_at")) {
            json.put("created_at", X_TIME.format(u.createdAt()));
        }
        if (wanted.contains("description")) {
            json.put("description", u.description());
        }
        if (wanted.contains("protected")) {
            json.put("protected", false);
        }
        if (wanted.contains("verified")) {
            json.put("verified", false);
        }
        if (wanted.contains("verified_type")) {
            json.put("verified_type", "none");
        }
        if (wanted.contains("public_metrics")) {
            XSandbox.UserCounts c = counts.get(u.id());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("followers_count", c.followers());
            metrics.put("following_count", c.following());
            metrics.put("tweet_count", c.posts());
            metrics.put("post_count", c.posts());
            metrics.put("listed_count", c.listed());
            metrics.put("like_count", 0);
            metrics.put("media_count", 0);
            json.put("public_metrics", metrics);
        }
        return json;
    }

    List<Map<String, Object>> users(Collection<SandboxUser> users, Fields f) {
        Map<String, XSandbox.UserCounts> counts = f.user().contains("public_metrics")
                ? sandbox.userCounts(users.stream().map(SandboxUser::id).toList())
                : Map.of();
        return users.stream().map(u -> user(u, f, counts)).toList();
    }

    /** X's {@code includes} for the expansions asked for; empty if there is nothing to include. */
    Map<String, Object> includes(List<SandboxPost> posts, Fields f) {
        Map<String, Object> includes = new LinkedHashMap<>();
        Set<Long> userIds = new LinkedHashSet<>();
        Set<String> expansions = f.expansions();
        List<SandboxPost> referenced = List.of();
        if (expansions.contains("referenced_tweets.id") || expansions.contains("referenced_posts")
                || expansions.contains("referenced_tweets.id.author_id")) {
            Set<Long> ids = posts.stream()
                    .flatMap(p -> Stream.of(p.inReplyToId(), p.quotedId()))
                    .filter(id -> id != null)
                    .map(Long::parseLong)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            referenced = sandbox.livePosts(ids);
        }
        if (expansions.contains("author_id")) {
            posts.forEach(p -> userIds.add(Long.parseLong(p.authorId())));
        }
        if (expansions.contains("in_reply_to_user_id")) {
            posts.stream().map(SandboxPost::inReplyToUserId).filter(id -> id != null)
                    .forEach(id -> userIds.add(Long.parseLong(id)));
        }
        if (expansions.contains("referenced_tweets.id.author_id")) {
            referenced.forEach(p -> userIds.add(Long.parseLong(p.authorId())));
        }
        if (!userIds.isEmpty()) {
            List<SandboxUser> users = sandbox.usersByIds(userIds);
            includes.put("users", users(users, f));
        }
        if (!referenced.isEmpty()) {
            List<Map<String, Object>> rendered = posts(referenced, f);
            includes.put("tweets", rendered);
            includes.put("posts", rendered);
        }
        if (expansions.contains("attachments.media_keys")) {
            Map<String, SandboxMedia> media = mediaOf(posts);
            if (!media.isEmpty()) {
                includes.put("media", media.values().stream().map(m -> media(m, f)).toList());
            }
        }
        return includes;
    }

    private Map<String, Object> media(SandboxMedia m, Fields f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("media_key", m.mediaKey());
        json.put("type", m.contentType().equals("image/gif") ? "animated_gif" : "photo");
        if (f.media().contains("width")) {
            json.put("width", m.width());
        }
        if (f.media().contains("height")) {
            json.put("height", m.height());
        }
        if (f.media().contains("url")) {
            json.put("url", mediaBaseUrl + m.id());
        }
        return json;
    }

    private Map<String, SandboxMedia> mediaOf(List<SandboxPost> posts) {
        Set<Long> ids = posts.stream().flatMap(p -> p.mediaIds().stream()).map(Long::parseLong)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return sandbox.mediaByIds(ids).stream()
                .collect(Collectors.toMap(SandboxMedia::id, m -> m, (a, b) -> a, LinkedHashMap::new));
    }

    static String time(Instant instant) {
        return X_TIME.format(instant);
    }
}
