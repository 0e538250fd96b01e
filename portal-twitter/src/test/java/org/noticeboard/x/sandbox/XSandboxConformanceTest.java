package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.x.sandbox.SandboxHttp.Answer;

/**
 * Every endpoint of the sandbox, its refusals included, checked against X's OpenAPI description;
 * and proof that the check finds a departure when there is one.
 */
class XSandboxConformanceTest {

    static SandboxFixture fixture;
    static SandboxHttp http;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start(true);
        http = fixture.http;
        fixture.sandbox().seedDemoWorld();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String userId(String username) {
        return fixture.sandbox().user(username).orElseThrow().id();
    }

    @Test
    void every_endpoint_answers_as_x_s_openapi_description_says() {
        OpenApiConformance conformance = OpenApiConformance.get();
        fixture.server.clearExchanges();
        String nhs = http.signIn("NorthshireNHS").accessToken();
        String physio = http.signIn("NShirePhysio").accessToken();
        String readOnly = http.signIn("ValleyHealth", "tweet.read users.read").accessToken();
        String nhsId = userId("NorthshireNHS");

        // users
        http.get("/2/users/me", nhs);
        http.get("/2/users/me?user.fields=created_at,description,public_metrics,protected,verified", nhs);
        http.get("/2/users/by?usernames=JaneDoeMP,TheKingsFund&user.fields=created_at,public_metrics", nhs);
        http.get("/2/users/by?usernames=JaneDoeMP,nobody_here", nhs);
        http.get("/2/users/by?usernames=not-a-handle", nhs);

        // media
        String png = (String) http.multipart("/2/media/upload", nhs, Map.of("media_category", "tweet_image"), "media",
                TestImages.png(32, 24), "image/png").data().get("id");
        http.postJson("/2/media/upload", nhs, Map.of("media", Base64.getEncoder().encodeToString(TestImages.jpeg(9, 9)),
                "media_category", "tweet_image"));
        http.multipart("/2/media/upload", nhs, Map.of("media_category", "tweet_image"), "media",
                "not an image".getBytes(StandardCharsets.UTF_8), "image/png");

        // posts
        String withImage = (String) http.postJson("/2/tweets", nhs, Map.of("text", "Our Eastgate hub, ready for Monday",
                "media", Map.of("media_ids", List.of(png)))).data().get("id");
        SandboxPost question = fixture.sandbox().simulatePost("SamRiversCOPD", "@NorthshireNHS is there parking?",
                null, null);
        String reply = (String) http.postJson("/2/tweets", nhs, Map.of("text", "Yes, 40 spaces and 4 accessible bays.",
                "reply", Map.of("in_reply_to_tweet_id", question.id()))).data().get("id");
        String quote = (String) http.postJson("/2/tweets", nhs, Map.of("text", "A question we hear a lot",
                "quote_tweet_id", question.id())).data().get("id");
        http.postJson("/2/tweets", nhs, Map.of("text", "Yes, 40 spaces and 4 accessible bays.",
                "reply", Map.of("in_reply_to_tweet_id", question.id())));
        http.postJson("/2/tweets", nhs, Map.of("text", "x".repeat(300)));
        http.postJson("/2/tweets", nhs, Map.of("text", "with an unknown property", "colour", "blue"));
        http.postJson("/2/tweets", readOnly, Map.of("text", "no scope for this"));
        http.postJson("/2/tweets", null, Map.of("text", "no token"));

        String ids = withImage + "," + reply + "," + quote + ",1234567890123";
        http.get("/2/tweets?ids=" + ids + "&post.fields=created_at,public_metrics,conversation_id,attachments"
                + "&expansions=author_id,referenced_posts,in_reply_to_user_id,attachments.media_keys"
                + "&media.fields=width,height,url,type&user.fields=created_at,description", nhs);
        http.get("/2/tweets?ids=" + ids + "&tweet.fields=public_metrics,created_at,author_id,conversation_id,"
                + "referenced_tweets&expansions=author_id,referenced_tweets.id", nhs);
        http.get("/2/tweets/" + reply + "?post.fields=created_at,conversation_id&expansions=referenced_posts", nhs);
        http.get("/2/tweets/1234567890123", nhs);
        http.get("/2/tweets?ids=" + reply + "&post.fields=colour", nhs);

        // timelines
        for (int i = 0; i < 7; i++) {
            fixture.sandbox().simulatePost("AlexChenNews", "@NorthshireNHS question " + i, null, null);
        }
        Answer first = http.get("/2/users/" + nhsId + "/mentions?max_results=5&post.fields=created_at"
                + "&expansions=author_id&user.fields=description", nhs);
        Answer second = http.get("/2/users/" + nhsId + "/mentions?max_results=5&pagination_token="
                + first.meta().get("next_token"), nhs);
        http.get("/2/users/" + nhsId + "/mentions?max_results=5&pagination_token=" + second.meta().get("previous_token"), nhs);
        http.get("/2/users/" + nhsId + "/mentions?since_id=" + first.meta().get("newest_id"), nhs);
        http.get("/2/users/" + nhsId + "/mentions?max_results=500", nhs);
        http.get("/2/users/" + nhsId + "/tweets?max_results=5&exclude=replies&start_time=2020-01-01T00:00:00Z"
                + "&post.fields=created_at,public_metrics", nhs);
        http.get("/2/users/12345/tweets", nhs);

        // deleting
        http.delete("/2/tweets/" + quote, nhs);
        http.delete("/2/tweets/" + quote, nhs);
        http.delete("/2/tweets/" + question.id(), nhs);

        // lists
        String list = (String) http.postJson("/2/lists", nhs, Map.of("name", "Policy makers",
                "description", "MPs and national bodies", "private", false)).data().get("id");
        for (String handle : List.of("JaneDoeMP", "NHSEngland", "TheKingsFund")) {
            http.postJson("/2/lists/" + list + "/members", nhs, Map.of("user_id", userId(handle)));
        }
        Answer members = http.get("/2/lists/" + list + "/members?max_results=2&user.fields=description", nhs);
        http.get("/2/lists/" + list + "/members?pagination_token=" + members.meta().get("next_token"), nhs);
        http.delete("/2/lists/" + list + "/members/" + userId("NHSEngland"), nhs);
        http.postJson("/2/lists/" + list + "/members", physio, Map.of("user_id", userId("JaneDoeMP")));
        http.get("/2/lists/999/members", nhs);
        http.postJson("/2/lists", nhs, Map.of("name", ""));

        // follows
        http.postJson("/2/users/" + nhsId + "/following", nhs, Map.of("target_user_id", userId("JaneDoeMP")));
        http.delete("/2/users/" + nhsId + "/following/" + userId("JaneDoeMP"), nhs);
        http.postJson("/2/users/" + userId("JaneDoeMP") + "/following", nhs, Map.of("target_user_id", nhsId));

        // rate limit
        String limited = http.signIn("NuffieldTrust", "tweet.read users.read").accessToken();
        for (int i = 0; i <= 75; i++) {
            http.get("/2/users/me", limited);
        }

        List<RecordedExchange> exchanges = fixture.server.exchanges();
        assertThat(exchanges).extracting(RecordedExchange::status)
                .contains(200, 201, 400, 401, 403, 404, 429);
        assertThat(exchanges).extracting(e -> e.method() + " " + e.path().replaceAll("[0-9]{5,}", "{id}"))
                .contains("GET /2/users/me", "GET /2/users/by", "GET /2/users/{id}/mentions", "GET /2/users/{id}/tweets",
                        "POST /2/tweets", "DELETE /2/tweets/{id}", "GET /2/tweets", "GET /2/tweets/{id}",
                        "POST /2/media/upload", "POST /2/lists", "GET /2/lists/{id}/members", "POST /2/lists/{id}/members",
                        "DELETE /2/lists/{id}/members/{id}", "POST /2/users/{id}/following",
                        "DELETE /2/users/{id}/following/{id}");
        conformance.assertConforms(exchanges);
        // the requests the sandbox refused as malformed are the ones X's description forbids
        assertThat(exchanges).filteredOn(e -> e.status() == 400 && !e.path().equals("/2/media/upload"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(conformance.requestProblems(e)).as(e.toString()).isNotEmpty());
        assertThat(exchanges).filteredOn(e -> e.status() / 100 == 2)
                .allSatisfy(e -> assertThat(conformance.requestProblems(e)).as(e.toString()).isEmpty());
        assertThat(exchanges).filteredOn(e -> e.status() != 401).allSatisfy(e -> {
            assertThat(e.responseHeader("x-rate-limit-limit")).as(e.toString()).matches("[0-9]+");
            assertThat(e.responseHeader("x-rate-limit-remaining")).as(e.toString()).matches("[0-9]+");
            assertThat(e.responseHeader("x-rate-limit-reset")).as(e.toString()).matches("[0-9]{10}");
        });
    }

    // ------------------------------------------------------------------ the harness bites

    private static RecordedExchange exchange(String method, String path, String requestBody, int status,
            String contentType, String responseBody) {
        return new RecordedExchange(method, path, null,
                Map.of("authorization", List.of("Bearer abc"), "content-type", List.of("application/json")),
                requestBody.getBytes(StandardCharsets.UTF_8), List.of(), status,
                Map.of("content-type", List.of(contentType)), responseBody.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_response_that_breaks_the_description_is_reported() {
        OpenApiConformance conformance = OpenApiConformance.get();
        RecordedExchange good = exchange("POST", "/2/tweets", "{\"text\":\"hi\"}", 201, "application/json",
                "{\"data\":{\"id\":\"1\",\"text\":\"hi\",\"edit_history_tweet_ids\":[\"1\"]}}");
        RecordedExchange noId = exchange("POST", "/2/tweets", "{\"text\":\"hi\"}", 201, "application/json",
                "{\"data\":{\"text\":\"hi\"}}");
        RecordedExchange numericId = exchange("GET", "/2/users/me", "", 200, "application/json",
                "{\"data\":{\"id\":2244994945,\"name\":\"X\",\"username\":\"X\"}}");

        assertThat(conformance.check(good)).isEmpty();
        assertThat(conformance.check(noId)).isNotEmpty()
                .anySatisfy(f -> assertThat(f.key()).startsWith("validation.response.body"));
        assertThat(conformance.check(numericId)).isNotEmpty();
        assertThatThrownBy(() -> conformance.assertConforms(List.of(good, noId)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /2/tweets");
    }

    @Test
    void a_request_the_description_forbids_is_reported_when_the_sandbox_accepts_it_and_not_when_it_refuses_it() {
        OpenApiConformance conformance = OpenApiConformance.get();
        String created = "{\"data\":{\"id\":\"1\",\"text\":\"hi\"}}";
        RecordedExchange accepted = exchange("POST", "/2/tweets", "{\"text\":\"hi\",\"colour\":\"blue\"}", 201,
                "application/json", created);
        RecordedExchange refused = exchange("POST", "/2/tweets", "{\"text\":\"hi\",\"colour\":\"blue\"}", 400,
                "application/problem+json", "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your "
                        + "request was invalid.\",\"type\":\"https://api.x.com/2/problems/invalid-request\"}");

        assertThat(conformance.check(accepted)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.message()).contains("accepted a request"));
        assertThat(conformance.check(refused)).isEmpty();
    }

    @Test
    void an_about_blank_problem_must_have_x_s_shape() {
        OpenApiConformance conformance = OpenApiConformance.get();
        RecordedExchange right = exchange("GET", "/2/users/me", "", 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
        RecordedExchange wrongStatus = exchange("GET", "/2/users/me", "", 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":403,\"detail\":\"Unauthorized\"}");
        RecordedExchange extra = exchange("GET", "/2/users/me", "", 429, "application/problem+json",
                "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429,\"detail\":\"x\",\"retry\":1}");
        RecordedExchange asPlainJson = exchange("GET", "/2/users/me", "", 401, "application/json",
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");

        assertThat(conformance.check(right)).isEmpty();
        assertThat(conformance.check(wrongStatus)).isNotEmpty();
        assertThat(conformance.check(extra)).isNotEmpty();
        assertThat(conformance.check(asPlainJson)).isNotEmpty();
    }

    @Test
    void live_x_s_legacy_query_vocabulary_is_read_in_the_description_s_words() {
        assertThat(OpenApiConformance.query("tweet.fields=author_id,created_at,referenced_tweets"
                + "&expansions=referenced_tweets.id,referenced_tweets.id.author_id,author_id&max_results=5"))
                .isEqualTo(Map.of("post.fields", List.of("created_at"),
                        "expansions", List.of("referenced_posts,author_id"),
                        "max_results", List.of("5")));
    }
}
