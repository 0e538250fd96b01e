package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.x.sandbox.SandboxHttp.Answer;

/** X API v2 as the sandbox answers it: shapes, refusals, paging and rate limits, over HTTP. */
class XSandboxApiTest {

    static SandboxFixture fixture;
    static SandboxHttp http;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start(false);
        http = fixture.http;
        fixture.sandbox().seedDemoWorld();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String token(String username) {
        return http.signIn(username).accessToken();
    }

    private static String userId(String username) {
        return fixture.sandbox().user(username).orElseThrow().id();
    }

    private static Map<String, Object> problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        return answer.json();
    }

    // ------------------------------------------------------------------ authentication and scopes

    @Test
    void a_request_without_a_valid_token_gets_x_s_401_problem() {
        Map<String, Object> expected = Map.of("title", "Unauthorized", "type", "about:blank", "status", 401,
                "detail", "Unauthorized");

        assertThat(problem(http.get("/2/users/me", null), 401)).isEqualTo(expected);
        assertThat(problem(http.get("/2/users/me", "made-up-token"), 401)).isEqualTo(expected);
        assertThat(problem(http.postJson("/2/tweets", null, Map.of("text", "hello")), 401)).isEqualTo(expected);
    }

    @Test
    void posting_without_the_tweet_write_scope_is_forbidden() {
        String readOnly = http.signIn("ValleyHealth", "tweet.read users.read").accessToken();

        Map<String, Object> body = problem(http.postJson("/2/tweets", readOnly, Map.of("text", "Not allowed")), 403);

        assertThat(body).isEqualTo(Map.of("title", "Forbidden", "type", "about:blank", "status", 403, "detail", "Forbidden"));
        assertThat(fixture.sandbox().countPostsWithText("ValleyHealth", "Not allowed")).isZero();
        assertThat(http.get("/2/users/me", readOnly).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ users

    @Test
    void users_me_nests_the_token_s_user_in_data() {
        Answer me = http.get("/2/users/me?user.fields=created_at,description,public_metrics", token("NShirePhysio"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Content-Type")).isEqualTo("application/json");
        assertThat(me.json().keySet()).containsExactly("data");
        assertThat(me.data()).containsEntry("id", userId("NShirePhysio")).containsEntry("username", "NShirePhysio")
                .containsKeys("name", "created_at", "description", "public_metrics");
        assertThat((Map<String, Object>) me.data().get("public_metrics"))
                .containsKeys("followers_count", "following_count", "tweet_count", "listed_count");
    }

    @Test
    void users_by_usernames_finds_known_handles_and_reports_unknown_ones_in_errors() {
        Answer answer = http.get("/2/users/by?usernames=JaneDoeMP,nobody_here,thekingsfund", token("NorthshireNHS"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.dataList()).extracting(u -> u.get("username")).containsExactly("JaneDoeMP", "TheKingsFund");
        assertThat(answer.errors()).singleElement().isEqualTo(Map.of(
                "value", "nobody_here",
                "detail", "Could not find user with usernames: [nobody_here].",
                "title", "Not Found Error",
                "resource_type", "user",
                "parameter", "usernames",
                "resource_id", "nobody_here",
                "type", "https://api.x.com/2/problems/resource-not-found"));
    }

    @Test
    void users_by_refuses_more_than_100_handles_and_malformed_ones() {
        String token = token("NorthshireNHS");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("user" + i);
        }

        Map<String, Object> tooMany = problem(http.get("/2/users/by?usernames=" + String.join(",", many), token), 400);
        Map<String, Object> malformed = problem(http.get("/2/users/by?usernames=not-a-handle", token), 400);

        assertThat(tooMany).containsEntry("title", "Invalid Request")
                .containsEntry("type", "https://api.x.com/2/problems/invalid-request");
        assertThat(malformed.get("errors").toString()).contains("not-a-handle");
    }

    // ------------------------------------------------------------------ posts

    @Test
    void creating_a_post_answers_201_with_its_id_text_and_edit_history() {
        String token = token("NorthshireNHS");

        Answer created = http.postJson("/2/tweets", token, Map.of("text", "Flu clinic open today until 6pm."));

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> data = created.data();
        String id = (String) data.get("id");
        assertThat(id).matches("[0-9]{1,19}");
        assertThat(data).containsEntry("text", "Flu clinic open today until 6pm.")
                .containsEntry("edit_history_tweet_ids", List.of(id));
        assertThat(fixture.sandbox().countPostsWithText("NorthshireNHS", "Flu clinic open today until 6pm.")).isEqualTo(1);
        assertThat(fixture.sandbox().post(id).orElseThrow().authorUsername()).isEqualTo("NorthshireNHS");
    }

    @Test
    void the_same_author_posting_the_same_text_again_is_refused_as_duplicate_content() {
        String token = token("NShirePhysio");
        assertThat(http.postJson("/2/tweets", token, Map.of("text", "Stretch every hour.")).status()).isEqualTo(201);

        Answer again = http.postJson("/2/tweets", token, Map.of("text", "Stretch every hour."));

        assertThat(problem(again, 403)).isEqualTo(Map.of(
                "detail", "You are not allowed to create a Tweet with duplicate content.",
                "type", "about:blank", "title", "Forbidden", "status", 403));
        assertThat(fixture.sandbox().countPostsWithText("NShirePhysio", "Stretch every hour.")).isEqualTo(1);
        // someone else may say the same thing
        assertThat(http.postJson("/2/tweets", token("NorthshireOPR"), Map.of("text", "Stretch every hour.")).status())
                .isEqualTo(201);
    }

    @Test
    void a_text_over_280_weighted_characters_is_refused_and_urls_count_23() {
        String token = token("NorthshireOPR");
        String url = " https://www.example.nhs.uk/a/very/long/path/that/counts/as/twenty-three/characters/only";
        String fits = "a".repeat(280 - 24) + url;
        String tooLong = "a".repeat(281);
        String cjk = "\u75c5".repeat(141);

        assertThat(http.postJson("/2/tweets", token, Map.of("text", fits)).status()).isEqualTo(201);
        assertThat(problem(http.postJson("/2/tweets", token, Map.of("text", tooLong)), 403).get("detail").toString())
                .startsWith("Your Tweet text is too long.");
        assertThat(http.postJson("/2/tweets", token, Map.of("text", cjk)).status()).isEqualTo(403);
    }

    @Test
    void malformed_post_bodies_are_invalid_requests() {
        String token = token("NorthshireOPR");

        assertThat(problem(http.postJson("/2/tweets", token, Map.of("txt", "typo")), 400))
                .containsEntry("title", "Invalid Request");
        assertThat(problem(http.send("POST", "/2/tweets", token, "application/json", "{not json".getBytes()), 400))
                .containsEntry("type", "https://api.x.com/2/problems/invalid-request");
        assertThat(problem(http.postJson("/2/tweets", token, Map.of()), 400)).containsEntry("title", "Invalid Request");
    }

    @Test
    void replies_and_quotes_reference_their_targets_count_on_them_and_mention_the_author() {
        SandboxPost original = fixture.sandbox().simulatePost("TheKingsFund",
                "Which community services matter most to you?", null, null);
        String token = token("NorthshireNHS");

        String replyId = (String) http.postJson("/2/tweets", token, Map.of("text", "Rehabilitation at home.",
                "reply", Map.of("in_reply_to_tweet_id", original.id()))).data().get("id");
        String quoteId = (String) http.postJson("/2/tweets", token, Map.of("text", "Worth reading.",
                "quote_tweet_id", original.id())).data().get("id");

        Answer lookup = http.get("/2/tweets?ids=" + replyId + "," + quoteId
                + "&tweet.fields=public_metrics,created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id"
                + "&expansions=author_id,referenced_tweets.id", token);
        List<Map<String, Object>> posts = lookup.dataList();
        assertThat(posts.get(0)).containsEntry("conversation_id", original.id())
                .containsEntry("in_reply_to_user_id", original.authorId())
                .containsEntry("referenced_tweets", List.of(Map.of("type", "replied_to", "id", original.id())));
        assertThat(posts.get(1)).containsEntry("conversation_id", quoteId)
                .containsEntry("referenced_tweets", List.of(Map.of("type", "quoted", "id", original.id())));
        Map<String, Object> includes = (Map<String, Object>) lookup.json().get("includes");
        assertThat((List<Map<String, Object>>) includes.get("tweets")).extracting(t -> t.get("id"))
                .containsExactly(original.id());
        assertThat((List<Map<String, Object>>) includes.get("users")).extracting(u -> u.get("username"))
                .contains("NorthshireNHS");

        SandboxPost counted = fixture.sandbox().post(original.id()).orElseThrow();
        assertThat(counted.metrics().replies()).isEqualTo(1);
        assertThat(counted.metrics().quotes()).isEqualTo(1);
        String kingsFund = token("TheKingsFund");
        assertThat(http.get("/2/users/" + original.authorId() + "/mentions", kingsFund).dataList())
                .extracting(m -> m.get("id")).contains(replyId);

        Answer missingTarget = http.postJson("/2/tweets", token, Map.of("text", "Into the void",
                "reply", Map.of("in_reply_to_tweet_id", "1")));
        assertThat(problem(missingTarget, 403).get("detail").toString()).contains("deleted or not visible");
    }

    @Test
    void posts_lookup_shows_the_fields_asked_for_and_reports_missing_ids() {
        SandboxPost post = fixture.sandbox().simulatePost("NHSEngland", "Know your blood pressure numbers.", null, null);
        fixture.sandbox().simulateEngagement(post.id(), 12, 3, 0, 1, 900);
        String token = token("NorthshireNHS");

        Answer answer = http.get("/2/tweets?ids=" + post.id() + ",1234567890123"
                + "&tweet.fields=public_metrics,created_at,author_id,conversation_id,referenced_tweets", token);

        assertThat(answer.status()).isEqualTo(200);
        Map<String, Object> found = answer.dataList().getFirst();
        assertThat(found).containsEntry("id", post.id()).containsEntry("author_id", post.authorId())
                .containsEntry("conversation_id", post.id())
                .containsEntry("created_at", ApiViews.time(post.createdAt()))
                .doesNotContainKey("referenced_tweets");
        assertThat((String) found.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat((Map<String, Object>) found.get("public_metrics")).containsEntry("like_count", 12)
                .containsEntry("retweet_count", 3).containsEntry("reply_count", 0).containsEntry("quote_count", 1)
                .containsEntry("impression_count", 900);
        assertThat(answer.errors()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("detail", "Could not find tweet with ids: [1234567890123].")
                .containsEntry("resource_type", "tweet").containsEntry("parameter", "ids")
                .containsEntry("resource_id", "1234567890123"));

        Answer one = http.get("/2/tweets/" + post.id() + "?tweet.fields=author_id", token);
        assertThat(one.data()).containsEntry("id", post.id()).containsEntry("author_id", post.authorId());
        Answer none = http.get("/2/tweets/1234567890123", token);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json()).doesNotContainKey("data");
        assertThat(none.errors().getFirst()).containsEntry("detail", "Could not find tweet with id: [1234567890123].");

        assertThat(problem(http.get("/2/tweets?ids=" + post.id() + "&tweet.fields=colour", token), 400)
                .get("errors").toString()).contains("tweet.fields");
    }

    @Test
    void only_one_s_own_posts_can_be_deleted_and_deleted_posts_are_gone() {
        String token = token("NorthshireNHS");
        String id = (String) http.postJson("/2/tweets", token, Map.of("text", "Posted by mistake")).data().get("id");
        SandboxPost other = fixture.sandbox().simulatePost("JaneDoeMP", "Not yours to delete", null, null);

        assertThat(problem(http.delete("/2/tweets/" + other.id(), token), 403)).containsEntry("type", "about:blank");
        Answer deleted = http.delete("/2/tweets/" + id, token);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(Map.of("data", Map.of("deleted", true)));
        assertThat(http.get("/2/tweets/" + id, token).errors()).isNotEmpty();
        assertThat(fixture.sandbox().post(id).orElseThrow().deleted()).isTrue();
        assertThat(fixture.sandbox().countPostsWithText("NorthshireNHS", "Posted by mistake")).isZero();
        assertThat(problem(http.delete("/2/tweets/" + id, token), 404))
                .containsEntry("type", "https://api.x.com/2/problems/resource-not-found");
        // deleted, the text may be posted again
        assertThat(http.postJson("/2/tweets", token, Map.of("text", "Posted by mistake")).status()).isEqualTo(201);
    }

    // ------------------------------------------------------------------ timelines

    @Test
    void mentions_pages_back_with_next_tokens_and_forward_with_since_id_without_gaps_or_duplicates() {
        var sandbox = fixture.sandbox();
        SandboxUser trust = sandbox.ensureUser("MentionedTrust", "Mentioned Trust", "");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            made.add(sandbox.simulatePost(i % 2 == 0 ? "SamRiversCOPD" : "AlexChenNews",
                    "@MentionedTrust question number " + i, null, null).id());
        }
        String token = token("MentionedTrust");
        String path = "/2/users/" + trust.id() + "/mentions?max_results=5&tweet.fields=created_at,author_id";

        List<String> seen = new ArrayList<>();
        Answer page = http.get(path, token);
        String newest = (String) page.meta().get("newest_id");
        int pages = 0;
        while (true) {
            pages++;
            List<String> ids = page.dataList().stream().map(p -> (String) p.get("id")).toList();
            assertThat(page.meta()).containsEntry("result_count", ids.size())
                    .containsEntry("newest_id", ids.getFirst()).containsEntry("oldest_id", ids.getLast());
            seen.addAll(ids);
            if (pages == 2) {
                // a mention arriving while paging back does not shift the pages
                sandbox.simulatePost("SamRiversCOPD", "@MentionedTrust arriving mid-way", null, null);
            }
            String next = (String) page.meta().get("next_token");
            if (next == null) {
                break;
            }
            page = http.get(path + "&pagination_token=" + next, token);
        }

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates()
                .containsExactlyElementsOf(made.reversed());
        assertThat(newest).isEqualTo(made.getLast());

        List<String> later = List.of(
                sandbox.simulatePost("AlexChenNews", "@MentionedTrust follow-up one", null, null).id(),
                sandbox.simulatePost("AlexChenNews", "@MentionedTrust follow-up two", null, null).id());
        Answer fresh = http.get("/2/users/" + trust.id() + "/mentions?max_results=5&since_id=" + newest, token);
        assertThat(fresh.dataList()).extracting(p -> p.get("id")).hasSize(3)
                .containsSequence(later.reversed()).doesNotContainAnyElementsOf(seen);
    }

    @Test
    void previous_tokens_page_forward_again() {
        var sandbox = fixture.sandbox();
        SandboxUser user = sandbox.ensureUser("PagedTrust", "Paged Trust", "");
        for (int i = 0; i < 12; i++) {
            sandbox.simulatePost("SamRiversCOPD", "@PagedTrust paging " + i, null, null);
        }
        String token = token("PagedTrust");
        String path = "/2/users/" + user.id() + "/mentions?max_results=5";
        Answer first = http.get(path, token);
        Answer second = http.get(path + "&pagination_token=" + first.meta().get("next_token"), token);

        Answer back = http.get(path + "&pagination_token=" + second.meta().get("previous_token"), token);

        assertThat(first.meta()).doesNotContainKey("previous_token");
        assertThat(back.dataList()).isEqualTo(first.dataList());
    }

    @Test
    void timeline_parameters_out_of_range_are_invalid_requests() {
        String id = userId("NorthshireNHS");
        String token = token("NorthshireNHS");

        assertThat(problem(http.get("/2/users/" + id + "/mentions?max_results=4", token), 400).get("errors").toString())
                .contains("is not between 5 and 100");
        assertThat(http.get("/2/users/" + id + "/mentions?max_results=101", token).status()).isEqualTo(400);
        assertThat(http.get("/2/users/" + id + "/mentions?since_id=abc", token).status()).isEqualTo(400);
        assertThat(http.get("/2/users/" + id + "/mentions?since_id=20&until_id=10", token).status()).isEqualTo(400);
        assertThat(http.get("/2/users/" + id + "/mentions?pagination_token=zz", token).status()).isEqualTo(400);
        assertThat(http.get("/2/users/" + id + "/tweets?start_time=2009-01-01T00:00:00Z", token).status()).isEqualTo(400);
        assertThat(http.get("/2/users/12345/mentions", token).errors().getFirst())
                .containsEntry("resource_type", "user");
    }

    @Test
    void a_user_s_posts_can_be_read_from_a_start_time_newest_first_without_replies_if_asked() {
        var sandbox = fixture.sandbox();
        SandboxUser author = sandbox.ensureUser("TimelineTrust", "Timeline Trust", "");
        sandbox.simulatePost("TimelineTrust", "An old post", null, null);
        fixture.clock.advance(Duration.ofMinutes(10));
        Instant from = fixture.clock.instant();
        SandboxPost recent = sandbox.simulatePost("TimelineTrust", "A recent post", null, null);
        SandboxPost reply = sandbox.simulatePost("TimelineTrust", "A recent reply", recent.id(), null);
        String token = token("TimelineTrust");

        Answer fromStart = http.get("/2/users/" + author.id() + "/tweets?start_time=" + from, token);
        Answer noReplies = http.get("/2/users/" + author.id() + "/tweets?exclude=replies", token);

        assertThat(fromStart.dataList()).extracting(p -> p.get("id")).containsExactly(reply.id(), recent.id());
        assertThat(noReplies.dataList()).extracting(p -> p.get("text")).containsExactly("A recent post", "An old post");
    }

    // ------------------------------------------------------------------ media

    @Test
    void an_image_uploaded_as_multipart_can_be_attached_to_a_post() {
        String token = token("NShirePhysio");
        byte[] png = TestImages.png(40, 30);

        Answer upload = http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_image"), "media",
                png, "image/png");

        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        Map<String, Object> data = upload.data();
        String mediaId = (String) data.get("id");
        assertThat(data).containsEntry("media_key", "3_" + mediaId).containsEntry("size", png.length)
                .containsEntry("expires_after_secs", 86400)
                .containsEntry("image", Map.of("image_type", "image/png", "w", 40, "h", 30));
        SandboxMedia stored = fixture.sandbox().media(mediaId).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(png);
        assertThat(stored.contentType()).isEqualTo("image/png");

        Answer post = http.postJson("/2/tweets", token, Map.of("text", "Our new gym", "media",
                Map.of("media_ids", List.of(mediaId))));
        assertThat(post.status()).isEqualTo(201);
        String postId = (String) post.data().get("id");
        assertThat(fixture.sandbox().post(postId).orElseThrow().mediaIds()).containsExactly(mediaId);
        Answer lookup = http.get("/2/tweets/" + postId + "?expansions=attachments.media_keys&media.fields=width,height,url",
                token);
        assertThat(lookup.data()).containsEntry("attachments", Map.of("media_keys", List.of("3_" + mediaId)));
        Map<String, Object> media = ((List<Map<String, Object>>) ((Map<String, Object>) lookup.json().get("includes"))
                .get("media")).getFirst();
        assertThat(media).containsEntry("type", "photo").containsEntry("width", 40).containsEntry("height", 30);
        assertThat(http.get("/media/" + mediaId, null).status()).isEqualTo(200);

        String othersToken = token("NorthshireOPR");
        assertThat(problem(http.postJson("/2/tweets", othersToken, Map.of("text", "Not my image", "media",
                Map.of("media_ids", List.of(mediaId)))), 400).get("errors").toString())
                .contains("Your media IDs are invalid.");
    }

    @Test
    void jpeg_gif_and_webp_are_taken_also_as_base64_json() {
        String token = token("NShirePhysio");

        Answer jpeg = http.postJson("/2/media/upload", token, Map.of("media",
                Base64.getEncoder().encodeToString(TestImages.jpeg(8, 6)), "media_category", "tweet_image"));
        Answer gif = http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_gif"), "media",
                TestImages.gif(5, 5), "image/gif");
        Answer webp = http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_image"), "media",
                TestImages.webp(300, 200), "image/webp");

        assertThat(jpeg.data()).containsEntry("image", Map.of("image_type", "image/jpeg", "w", 8, "h", 6));
        assertThat((String) gif.data().get("media_key")).startsWith("16_");
        assertThat(webp.data()).containsEntry("image", Map.of("image_type", "image/webp", "w", 300, "h", 200));
    }

    @Test
    void what_is_not_an_image_or_is_too_big_is_refused_with_a_400_problem() {
        String token = token("NShirePhysio");

        Map<String, Object> text = problem(http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_image"),
                "media", "just text, not an image".getBytes(), "image/png"), 400);
        Map<String, Object> big = problem(http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_image"),
                "media", TestImages.pngOfSize(5 * 1024 * 1024 + 1), "image/png"), 400);
        Map<String, Object> noCategory = problem(http.multipart("/2/media/upload", token, Map.of(), "media",
                TestImages.png(2, 2), "image/png"), 400);
        Map<String, Object> video = problem(http.multipart("/2/media/upload", token, Map.of("media_category", "tweet_video"),
                "media", TestImages.png(2, 2), "image/png"), 400);

        assertThat(text).containsEntry("type", "https://api.x.com/2/problems/invalid-request");
        assertThat(big.get("errors").toString()).contains("File size exceeds 5242880 bytes.");
        assertThat(noCategory.get("errors").toString()).contains("media_category");
        assertThat(video.get("errors").toString()).contains("tweet_video");
        String readOnly = http.signIn("NShirePhysio", "tweet.read users.read").accessToken();
        assertThat(problem(http.multipart("/2/media/upload", readOnly, Map.of("media_category", "tweet_image"), "media",
                TestImages.png(2, 2), "image/png"), 403)).containsEntry("detail", "Forbidden");
    }

    // ------------------------------------------------------------------ lists and follows

    @Test
    void a_list_is_created_filled_paged_and_emptied_by_its_owner() {
        String token = token("NorthshireNHS");
        Answer created = http.postJson("/2/lists", token, Map.of("name", "Policy makers", "description",
                "MPs and national bodies", "private", false));
        assertThat(created.status()).isEqualTo(201);
        String listId = (String) created.data().get("id");
        assertThat(created.data()).containsEntry("name", "Policy makers");

        List<String> handles = List.of("JaneDoeMP", "NHSEngland", "TheKingsFund", "NuffieldTrust", "ValleyHealth");
        for (String handle : handles) {
            Answer added = http.postJson("/2/lists/" + listId + "/members", token, Map.of("user_id", userId(handle)));
            assertThat(added.json()).isEqualTo(Map.of("data", Map.of("is_member", true)));
        }
        assertThat(http.postJson("/2/lists/" + listId + "/members", token, Map.of("user_id", userId("JaneDoeMP")))
                .json()).isEqualTo(Map.of("data", Map.of("is_member", true)));

        List<String> paged = new ArrayList<>();
        Answer page = http.get("/2/lists/" + listId + "/members?max_results=2", token);
        while (true) {
            page.dataList().forEach(u -> paged.add((String) u.get("username")));
            Object next = page.meta().get("next_token");
            if (next == null) {
                break;
            }
            page = http.get("/2/lists/" + listId + "/members?max_results=2&pagination_token=" + next, token);
        }
        assertThat(paged).containsExactlyElementsOf(handles);

        Answer removed = http.delete("/2/lists/" + listId + "/members/" + userId("ValleyHealth"), token);
        assertThat(removed.json()).isEqualTo(Map.of("data", Map.of("is_member", false)));
        assertThat(http.get("/2/lists/" + listId + "/members", token).dataList()).hasSize(4);

        String stranger = token("JaneDoeMP");
        assertThat(problem(http.postJson("/2/lists/" + listId + "/members", stranger,
                Map.of("user_id", userId("JaneDoeMP"))), 403)).containsEntry("type", "about:blank");
        assertThat(problem(http.postJson("/2/lists/999/members", token, Map.of("user_id", userId("JaneDoeMP"))), 404))
                .containsEntry("resource_type", "list");
        assertThat(problem(http.postJson("/2/lists", token, Map.of("name", "x".repeat(26))), 400))
                .containsEntry("title", "Invalid Request");
    }

    @Test
    void a_list_holds_at_most_5000_members() throws SQLException {
        String token = token("NorthshireOPR");
        String listId = (String) http.postJson("/2/lists", token, Map.of("name", "Everyone")).data().get("id");
        try (Connection db = DriverManager.getConnection(fixture.database.url(), fixture.database.username(),
                fixture.database.password()); var statement = db.createStatement()) {
            statement.execute("insert into x_sandbox_user (id, username, name, created_at) "
                    + "select 900000000 + g, 'member' || g, 'Member ' || g, now() from generate_series(1, 5000) g");
            statement.execute("insert into x_sandbox_list_member (list_id, user_id, position, added_at) "
                    + "select " + listId + ", 900000000 + g, g, now() from generate_series(1, 5000) g");
        }

        Answer full = http.postJson("/2/lists/" + listId + "/members", token, Map.of("user_id", userId("JaneDoeMP")));

        assertThat(problem(full, 403).get("detail").toString()).contains("5000");
        assertThat(http.postJson("/2/lists/" + listId + "/members", token, Map.of("user_id", "900000001")).status())
                .isEqualTo(200);
    }

    @Test
    void following_and_unfollowing_act_for_the_token_s_own_user_only() {
        String token = token("NShirePhysio");
        String me = userId("NShirePhysio");
        String mp = userId("JaneDoeMP");

        Answer follow = http.postJson("/2/users/" + me + "/following", token, Map.of("target_user_id", mp));
        assertThat(follow.json()).isEqualTo(Map.of("data", Map.of("following", true, "pending_follow", false)));
        assertThat(fixture.sandbox().follows(Long.parseLong(me), Long.parseLong(mp))).isTrue();

        assertThat(problem(http.postJson("/2/users/" + mp + "/following", token, Map.of("target_user_id", me)), 403))
                .containsEntry("type", "about:blank");
        assertThat(problem(http.delete("/2/users/" + mp + "/following/" + me, token), 403)).containsEntry("status", 403);

        Answer unfollow = http.delete("/2/users/" + me + "/following/" + mp, token);
        assertThat(unfollow.json()).isEqualTo(Map.of("data", Map.of("following", false)));
        assertThat(fixture.sandbox().follows(Long.parseLong(me), Long.parseLong(mp))).isFalse();
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void every_answer_carries_rate_limit_headers_and_the_limit_answers_429_until_the_window_resets() {
        String token = token("NuffieldTrust");
        Set<String> resets = new LinkedHashSet<>();
        for (int i = 1; i <= 75; i++) {
            Answer me = http.get("/2/users/me", token);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.header("x-rate-limit-limit")).isEqualTo("75");
            assertThat(me.header("x-rate-limit-remaining")).isEqualTo(String.valueOf(75 - i));
            resets.add(me.header("x-rate-limit-reset"));
        }
        assertThat(resets).singleElement();
        long reset = Long.parseLong(resets.iterator().next());
        assertThat(reset).isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond());

        Answer limited = http.get("/2/users/me", token);
        assertThat(problem(limited, 429)).isEqualTo(Map.of("title", "Too Many Requests", "detail", "Too Many Requests",
                "type", "about:blank", "status", 429));
        assertThat(limited.header("x-rate-limit-remaining")).isEqualTo("0");
        assertThat(limited.header("x-rate-limit-reset")).isEqualTo(String.valueOf(reset));
        // another endpoint has its own window
        assertThat(http.get("/2/users/by?usernames=JaneDoeMP", token).header("x-rate-limit-remaining")).isEqualTo("899");

        fixture.clock.advance(Duration.ofSeconds(reset - fixture.clock.instant().getEpochSecond()));

        Answer recovered = http.get("/2/users/me", token);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.header("x-rate-limit-remaining")).isEqualTo("74");
        assertThat(Long.parseLong(recovered.header("x-rate-limit-reset"))).isEqualTo(reset + 900);
    }

    @Test
    void creating_posts_is_limited_to_100_per_user_per_15_minutes() {
        String token = token("AlexChenNews");
        for (int i = 0; i < 100; i++) {
            assertThat(http.postJson("/2/tweets", token, Map.of("text", "Update number " + i)).status()).isEqualTo(201);
        }

        Answer limited = http.postJson("/2/tweets", token, Map.of("text", "One too many"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("x-rate-limit-limit")).isEqualTo("100");
        assertThat(fixture.sandbox().countPostsWithText("AlexChenNews", "One too many")).isZero();
    }

    // ------------------------------------------------------------------ the world, for the portal

    @Test
    void the_demo_world_is_seeded_once_with_mentions_of_the_official_accounts() {
        var sandbox = fixture.sandbox();
        int before = sandbox.timeline(1000, null).size();

        sandbox.seedDemoWorld();

        assertThat(sandbox.timeline(1000, null)).hasSize(before);
        for (String handle : List.of("NorthshireNHS", "NShirePhysio", "NorthshireOPR", "ValleyHealth", "JaneDoeMP",
                "NHSEngland", "TheKingsFund", "NuffieldTrust", "SamRiversCOPD", "AlexChenNews")) {
            assertThat(sandbox.user(handle)).as(handle).isPresent();
        }
        String nhs = userId("NorthshireNHS");
        Answer mentions = http.get("/2/users/" + nhs + "/mentions?tweet.fields=author_id&expansions=author_id",
                token("NorthshireNHS"));
        assertThat(mentions.dataList()).isNotEmpty();
        assertThat(sandbox.postsBy("JaneDoeMP", 10)).isNotEmpty();
    }

    @Test
    void the_world_s_timeline_pages_newest_first_and_shows_deletions() {
        var sandbox = fixture.sandbox();
        SandboxPost first = sandbox.simulatePost("WorldWatcher", "First of three", null, null);
        SandboxPost second = sandbox.simulatePost("WorldWatcher", "Second of three", null, null);
        SandboxPost third = sandbox.simulatePost("WorldWatcher", "Third of three", null, null);

        List<SandboxPost> newest = sandbox.timeline(2, null);
        List<SandboxPost> older = sandbox.timeline(2, second.id());

        assertThat(newest).extracting(SandboxPost::id).containsExactly(third.id(), second.id());
        assertThat(older.getFirst().id()).isEqualTo(first.id());
        assertThat(sandbox.postsBy("WorldWatcher", 10)).extracting(SandboxPost::text)
                .containsExactly("Third of three", "Second of three", "First of three");
        assertThat(sandbox.countPostsBy("WorldWatcher")).isEqualTo(3);
        assertThat(Long.parseLong(third.id())).isGreaterThan(Long.parseLong(second.id()));
    }

    @Test
    void the_world_and_its_tokens_survive_a_restart_on_the_same_database() {
        try (SandboxFixture own = SandboxFixture.start(false)) {
            SandboxHttp.Tokens tokens = own.http.signIn("NorthshireNHS");
            String id = (String) own.http.postJson("/2/tweets", tokens.accessToken(), Map.of("text", "Before the restart"))
                    .data().get("id");

            own.restart();

            Answer after = own.http.get("/2/tweets/" + id, tokens.accessToken());
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.data()).containsEntry("text", "Before the restart");
            assertThat(own.sandbox().countPostsWithText("NorthshireNHS", "Before the restart")).isEqualTo(1);
            assertThat(own.http.refresh(tokens.refreshToken()).status()).isEqualTo(200);
            String next = (String) own.http.postJson("/2/tweets", tokens.accessToken(), Map.of("text", "After the restart"))
                    .data().get("id");
            assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(id));
        }
    }
}
