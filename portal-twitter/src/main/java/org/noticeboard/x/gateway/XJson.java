package org.noticeboard.x.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XMetrics;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XUser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads X's JSON into the domain's records. Tolerant of what it does not need (X adds fields all
 * the time) and of both generations of X's names ({@code referenced_tweets} / {@code referenced_posts},
 * {@code retweet_count} / {@code repost_count}, {@code includes.tweets} / {@code includes.posts}:
 * api.x.com answers with the first, the published OpenAPI description 2.167 names the second);
 * strict about what it needs, throwing {@link Shape} when that is missing.
 */
final class XJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** X's answer lacks something we need, or is not JSON at all. */
    static final class Shape extends RuntimeException {
        Shape(String message) {
            super(message);
        }

        Shape(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private XJson() {}

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new Shape("an empty body");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new Shape("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new Shape("not a JSON object: " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        return root;
    }

    /** The object under {@code data}. */
    static JsonNode dataObject(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new Shape("no data object");
        }
        return data;
    }

    /** The array under {@code data}; X leaves it out when there is nothing to list. */
    static List<JsonNode> dataArray(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new Shape("data is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        data.forEach(items::add);
        return items;
    }

    static XUser user(JsonNode user) {
        if (!user.isObject()) {
            throw new Shape("a user that is not an object");
        }
        JsonNode metrics = user.get("public_metrics");
        Integer followers = null;
        if (metrics != null && metrics.isObject()) {
            Long count = optionalCount(metrics, "followers_count");
            followers = count == null ? null : (int) Math.min(Integer.MAX_VALUE, count);
        }
        JsonNode verified = user.get("verified");
        return new XUser(id(user, "id"), requiredText(user, "username"), requiredText(user, "name"), followers,
                verified != null && verified.isBoolean() ? verified.booleanValue() : null, optionalText(user, "description"));
    }

    static XPost post(JsonNode post) {
        if (!post.isObject()) {
            throw new Shape("a post that is not an object");
        }
        String inReplyTo = null;
        String quoted = null;
        JsonNode references = post.has("referenced_tweets") ? post.get("referenced_tweets") : post.get("referenced_posts");
        if (references != null && references.isArray()) {
            for (JsonNode reference : references) {
                String type = optionalText(reference, "type");
                if ("replied_to".equals(type)) {
                    inReplyTo = id(reference, "id");
                } else if ("quoted".equals(type)) {
                    quoted = id(reference, "id");
                }
            }
        }
        return new XPost(id(post, "id"), requiredText(post, "text"), optionalId(post, "author_id"),
                optionalInstant(post, "created_at"), optionalId(post, "conversation_id"), inReplyTo, quoted,
                metrics(post.get("public_metrics")));
    }

    static XList list(JsonNode list) {
        return new XList(id(list, "id"), requiredText(list, "name"));
    }

    /** A page of posts with X's {@code meta} and the authors it expanded into {@code includes.users}. */
    static XPage<XPost> postPage(JsonNode root) {
        List<XPost> posts = dataArray(root).stream().map(XJson::post).toList();
        JsonNode meta = root.get("meta");
        return new XPage<>(posts, meta == null ? null : optionalText(meta, "next_token"),
                meta == null ? null : optionalId(meta, "newest_id"), includedUsers(root));
    }

    static XPage<XUser> userPage(JsonNode root) {
        List<XUser> users = dataArray(root).stream().map(XJson::user).toList();
        JsonNode meta = root.get("meta");
        return new XPage<>(users, meta == null ? null : optionalText(meta, "next_token"), null, List.of());
    }

    static List<XUser> includedUsers(JsonNode root) {
        JsonNode includes = root.get("includes");
        JsonNode users = includes == null ? null : includes.get("users");
        if (users == null || !users.isArray()) {
            return List.of();
        }
        List<XUser> result = new ArrayList<>();
        users.forEach(user -> result.add(user(user)));
        return result;
    }

    /**
     * A read of one resource (a user's timeline, a list's members) that X answered with only
     * {@code errors}: the resource itself is missing. Lookups by ids answer like that too when none
     * exists, which is not a failure for them, so only the former ask.
     */
    static @Nullable String missingResource(JsonNode root) {
        JsonNode errors = root.get("errors");
        if (root.has("data") || root.has("meta") || errors == null || !errors.isArray() || errors.isEmpty()) {
            return null;
        }
        String detail = optionalText(errors.get(0), "detail");
        return detail == null ? "X knows no such resource" : detail;
    }

    private static @Nullable XMetrics metrics(@Nullable JsonNode metrics) {
        if (metrics == null || !metrics.isObject()) {
            return null;
        }
        Long reposts = optionalCount(metrics, "retweet_count");
        if (reposts == null) {
            reposts = optionalCount(metrics, "repost_count");
        }
        return new XMetrics(count(optionalCount(metrics, "like_count")), count(reposts),
                count(optionalCount(metrics, "reply_count")), count(optionalCount(metrics, "quote_count")),
                optionalCount(metrics, "impression_count"));
    }

    private static int count(@Nullable Long value) {
        return value == null ? 0 : (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static @Nullable Long optionalCount(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new Shape(name + " is not a count");
        }
        return value.longValue();
    }

    /** X's ids are strings of digits; a number is read as one too rather than failing over it. */
    private static String id(JsonNode node, String name) {
        String id = optionalId(node, name);
        if (id == null) {
            throw new Shape("no " + name);
        }
        return id;
    }

    private static @Nullable String optionalId(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() && !value.stringValue().isBlank()) {
            return value.stringValue();
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        throw new Shape(name + " is not an id");
    }

    private static String requiredText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new Shape("no " + name);
        }
        return value.stringValue();
    }

    private static @Nullable String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static @Nullable Instant optionalInstant(JsonNode node, String name) {
        String value = optionalText(node, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Shape(name + " is not a date-time: " + abbreviate(value), e);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
    }
}
