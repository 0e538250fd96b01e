package org.noticeboard.x.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XToken;

/**
 * Every way a call to X can fail, through both clients the gateway uses (twitter4j-v2 and
 * RestClient), for a read and for a write each; and the token in none of what is thrown.
 */
class TwitterXGatewayFailureTest extends GatewayWireMockSupport {

    enum Call {
        DELETE_POST_THROUGH_TWITTER4J("tweets/1445880548472328192", true, g -> g.deletePost(TOKEN, "1445880548472328192")),
        FOLLOW_THROUGH_TWITTER4J("users/2244994945/following", true, g -> g.follow(TOKEN, USER_ID, "14171076")),
        ME_THROUGH_REST_CLIENT("users/me", false, g -> g.me(TOKEN)),
        POSTS_THROUGH_REST_CLIENT("tweets", false, g -> g.posts(TOKEN, List.of("1460323737035677698"))),
        CREATE_POST_THROUGH_REST_CLIENT("tweets", true, g -> g.createPost(TOKEN, new NewXPost("Flu clinics today")));

        final String path;
        final boolean write;
        final Consumer<TwitterXGateway> call;

        Call(String path, boolean write, Consumer<TwitterXGateway> call) {
            this.path = path;
            this.write = write;
            this.call = call;
        }

        XFailure withoutAnswer() {
            return write ? XFailure.UNKNOWN_OUTCOME : XFailure.SERVER_ERROR;
        }

        /** A create X said yes to happened, whether or not we can read the answer. */
        XFailure withUnreadableSuccess() {
            return this == CREATE_POST_THROUGH_REST_CLIENT ? XFailure.UNKNOWN_OUTCOME : XFailure.MALFORMED_RESPONSE;
        }
    }

    XException failure(Call call) {
        return failure(call, gateway);
    }

    static XException failure(Call call, TwitterXGateway gateway) {
        try {
            call.call.accept(gateway);
        } catch (XException e) {
            assertNoToken(e);
            return e;
        }
        return fail("X's failure reached the caller as no XException");
    }

    void xAnswers(Call call, ResponseDefinitionBuilder answer) {
        x.stubFor(any(urlPathEqualTo(path(call.path))).willReturn(answer));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_401_means_the_account_must_be_reconnected(Call call) {
        xAnswers(call, problem(401, """
                {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
                """));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.failure().retryable()).isFalse();
    }

    @Test
    void a_403_for_duplicate_content_says_the_text_must_change() {
        xAnswers(Call.CREATE_POST_THROUGH_REST_CLIENT, problem(403, """
                {"detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank",
                 "title": "Forbidden", "status": 403}
                """));

        XException e = failure(Call.CREATE_POST_THROUGH_REST_CLIENT);

        assertThat(e.failure()).isEqualTo(XFailure.DUPLICATE);
        assertThat(e.getMessage()).isEqualTo("You are not allowed to create a Tweet with duplicate content.");
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void any_other_403_is_forbidden_in_xs_words(Call call) {
        xAnswers(call, problem(403, """
                {"detail": "You are not permitted to perform this action.", "type": "about:blank",
                 "title": "Forbidden", "status": 403, "reason": "not-permitted"}
                """));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.FORBIDDEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("You are not permitted to perform this action.");
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_404_is_not_found(Call call) {
        xAnswers(call, problem(404, """
                {"title": "Not Found Error", "type": "https://api.twitter.com/2/problems/resource-not-found",
                 "detail": "Could not find user with id: [2244994945].", "status": 404}
                """));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Could not find user with id: [2244994945].");
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_400_is_an_invalid_request_that_says_which_parameter(Call call) {
        xAnswers(call, problem(400, """
                {"errors": [{"parameters": {"ids": ["x"]}, "message": "The `ids` query parameter value [x] is not valid"}],
                 "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                 "type": "https://api.twitter.com/2/problems/invalid-request"}
                """));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.INVALID_REQUEST);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("One or more parameters to your request was invalid. "
                + "The `ids` query parameter value [x] is not valid");
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_429_is_rate_limited_until_xs_reset(Call call) {
        long reset = resetEpochSecond();
        xAnswers(call, problem(429, """
                {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
                """).withHeader("x-rate-limit-limit", "300").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(reset)));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.RATE_LIMITED);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(e.failure().retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_500_is_a_server_error(Call call) {
        xAnswers(call, problem(500, """
                {"title": "Internal Server Error", "detail": "Internal Server Error", "type": "about:blank", "status": 500}
                """));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_503_with_an_html_page_is_a_server_error(Call call) {
        xAnswers(call, aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Over capacity</h1></body></html>"));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(XFailure.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(503);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_success_that_is_not_json_is_malformed_or_for_a_create_unknown(Call call) {
        xAnswers(call, json(call.write && call.path.equals("tweets") ? 201 : 200, "{\"data\": {\"id\": \"1460"));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(call.withUnreadableSuccess());
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_success_without_what_the_call_needs_is_malformed_or_for_a_create_unknown(Call call) {
        xAnswers(call, json(200, "{\"data\": \"surprise\"}"));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(call.withUnreadableSuccess());
    }

    @Test
    void a_post_x_accepted_with_an_answer_we_cannot_read_exists_and_must_be_looked_up_not_sent_again() {
        xAnswers(Call.CREATE_POST_THROUGH_REST_CLIENT, json(201, "<html>Created</html>"));

        XException e = failure(Call.CREATE_POST_THROUGH_REST_CLIENT);

        assertThat(e.failure()).isEqualTo(XFailure.UNKNOWN_OUTCOME);
        assertThat(e.getMessage()).startsWith("X accepted POST /2/tweets but its answer could not be read");
    }

    @Test
    void a_list_x_accepted_with_an_answer_we_cannot_read_exists_too() {
        x.stubFor(post(urlPathEqualTo(path("lists"))).willReturn(json(201, "{\"data\": {\"name\": \"ICB leaders\"}}")));

        try {
            gateway.createList(TOKEN, "ICB leaders", null, false);
            fail("a list without an id is no success");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.UNKNOWN_OUTCOME);
        }
    }

    @Test
    void the_mentions_of_a_user_x_does_not_know_are_not_found() {
        x.stubFor(get(urlPathEqualTo(path("users/1234567890/mentions")))
                .willReturn(json(200, """
                        {"errors": [{"value": "1234567890", "detail": "Could not find user with id: [1234567890].",
                                     "title": "Not Found Error", "resource_type": "user", "parameter": "id",
                                     "resource_id": "1234567890",
                                     "type": "https://api.twitter.com/2/problems/resource-not-found"}]}
                        """)));

        try {
            gateway.mentions(TOKEN, "1234567890", null, null);
            fail("mentions of nobody");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Could not find user with id: [1234567890].");
        }
    }

    @Test
    void a_post_without_its_id_is_malformed() {
        xAnswers(Call.POSTS_THROUGH_REST_CLIENT, json(200, "{\"data\": [{\"text\": \"no id\"}]}"));

        assertThat(failure(Call.POSTS_THROUGH_REST_CLIENT).failure()).isEqualTo(XFailure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void fields_x_added_since_are_ignored(Call call) {
        String body = switch (call) {
            case DELETE_POST_THROUGH_TWITTER4J -> """
                    {"data": {"deleted": true, "undo_until": "2026-11-16T09:30:00.000Z"}, "meta": {"new": [1]}}
                    """;
            case ME_THROUGH_REST_CLIENT -> """
                    {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers", "parody": false,
                              "subscription_type": "None", "affiliation": {"description": "new", "badge_url": "x"},
                              "public_metrics": {"followers_count": 1, "following_count": 2, "tweet_count": 3,
                                                 "listed_count": 4, "media_count": 5}},
                     "includes": {"tweets": []}, "something_new": [1, {"a": null}]}
                    """;
            case FOLLOW_THROUGH_TWITTER4J -> """
                    {"data": {"following": true, "pending_follow": false, "new_flag": "yes"}, "meta": {"x": 1}}
                    """;
            case POSTS_THROUGH_REST_CLIENT -> """
                    {"data": [{"id": "1460323737035677698", "text": "Hello", "note_tweet": {"text": "long"},
                               "edit_controls": {"edits_remaining": 5, "is_edit_eligible": true,
                                                 "editable_until": "2026-11-16T09:30:00.000Z"},
                               "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                                                  "quote_count": 0, "bookmark_count": 0, "impression_count": 0,
                                                  "some_new_count": 9}}],
                     "includes": {"media": [{"media_key": "3_1", "type": "photo"}]}, "something_new": true}
                    """;
            case CREATE_POST_THROUGH_REST_CLIENT -> """
                    {"data": {"id": "1460323737035677698", "text": "Flu clinics today",
                              "edit_history_tweet_ids": ["1460323737035677698"], "brand_new": {"nested": [true]}}}
                    """;
        };
        xAnswers(call, json(call == Call.CREATE_POST_THROUGH_REST_CLIENT ? 201 : 200, body));

        call.call.accept(gateway);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void an_answer_slower_than_the_read_timeout_is_an_unknown_outcome_for_a_write_and_a_server_error_for_a_read(
            Call call) {
        xAnswers(call, json(200, "{}").withFixedDelay((int) READ_TIMEOUT.multipliedBy(4).toMillis()));

        XException e = failure(call);

        assertThat(e.failure()).isEqualTo(call.withoutAnswer());
        assertThat(e.status()).isNull();
    }

    @Test
    void a_post_that_timed_out_may_exist_and_must_be_reconciled() {
        xAnswers(Call.CREATE_POST_THROUGH_REST_CLIENT,
                json(201, "{\"data\": {\"id\": \"1\", \"text\": \"t\"}}").withFixedDelay(3_000));

        XException e = failure(Call.CREATE_POST_THROUGH_REST_CLIENT);

        assertThat(e.failure()).isEqualTo(XFailure.UNKNOWN_OUTCOME);
        assertThat(e.failure().retryable()).isTrue();
        assertThat(e.getMessage()).contains("POST /2/tweets").contains("may have been carried out");
        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_connection_reset_after_the_request_went_out_is_an_unknown_outcome_for_a_write(Call call) {
        xAnswers(call, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failure(call).failure()).isEqualTo(call.withoutAnswer());
    }

    @Test
    void a_post_whose_connection_was_reset_is_sent_once_only() {
        xAnswers(Call.CREATE_POST_THROUGH_REST_CLIENT, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failure(Call.CREATE_POST_THROUGH_REST_CLIENT).failure()).isEqualTo(XFailure.UNKNOWN_OUTCOME);

        x.verify(1, postRequestedFor(urlPathEqualTo(path("tweets"))));
    }

    @Test
    void a_list_whose_connection_was_reset_is_created_once_only() {
        x.stubFor(post(urlPathEqualTo(path("lists"))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        try {
            gateway.createList(TOKEN, "ICB leaders", null, false);
            fail("a reset connection is no success");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.UNKNOWN_OUTCOME);
        }

        x.verify(1, postRequestedFor(urlPathEqualTo(path("lists"))));
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void an_empty_response_is_an_unknown_outcome_for_a_write(Call call) {
        xAnswers(call, aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThat(failure(call).failure()).isEqualTo(call.withoutAnswer());
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_refused_connection_sent_nothing_and_is_a_server_error(Call call) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new TwitterXGateway(new XGatewaySettings("http://127.0.0.1:" + closedPort + "/x-sandbox/2/",
                Duration.ofSeconds(1), READ_TIMEOUT), book);

        XException e = failure(call, nowhere);

        assertThat(e.failure()).isEqualTo(XFailure.SERVER_ERROR);
        assertThat(e.getMessage()).contains("could not be reached");
        nowhere.close();
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void a_connect_timeout_sent_nothing_and_is_a_server_error(Call call) throws IOException {
        // a listening socket that never accepts, its accept queue full: the kernel drops further SYNs
        try (var unaccepting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var address = new InetSocketAddress(unaccepting.getInetAddress(), unaccepting.getLocalPort());
            List<Socket> queued = new ArrayList<>();
            boolean full = false;
            try {
                for (int i = 0; i < 16 && !full; i++) {
                    var socket = new Socket();
                    queued.add(socket);
                    try {
                        socket.connect(address, 200);
                    } catch (SocketTimeoutException e) {
                        full = true;
                    }
                }
                Assumptions.assumeTrue(full, "this system's TCP stack completes every connection; no connect timeout to be had");
                var blackHole = new TwitterXGateway(new XGatewaySettings("http://127.0.0.1:" + unaccepting.getLocalPort()
                        + "/x-sandbox/2/", Duration.ofMillis(300), READ_TIMEOUT), book);

                XException e = failure(call, blackHole);

                assertThat(e.failure()).isEqualTo(XFailure.SERVER_ERROR);
                assertThat(e.getMessage()).contains("could not be reached");
                blackHole.close();
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void ids_that_are_not_x_ids_never_reach_x() {
        try {
            gateway.deletePost(TOKEN, "../users/me");
            fail("a path for an id is no success");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.INVALID_REQUEST);
        }
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_token_is_in_no_message_even_when_x_echoes_it() {
        xAnswers(Call.POSTS_THROUGH_REST_CLIENT, problem(401, "{\"title\": \"Unauthorized\", \"status\": 401, "
                + "\"detail\": \"Token " + TOKEN_VALUE + " is not valid\", \"type\": \"about:blank\"}"));

        XException e = failure(Call.POSTS_THROUGH_REST_CLIENT);

        assertThat(e.getMessage()).isEqualTo("Token [token] is not valid");
        assertThat(gateway.toString()).doesNotContain(TOKEN_VALUE);
        assertThat(TOKEN.toString()).doesNotContain(TOKEN_VALUE);
    }

    static final XToken HEADER_BREAKING_TOKEN =
            new XToken("bWx2ZjBfT0dXc2ZQVnFa\r\nX-Injected: " + TOKEN_VALUE, USER_ID);

    static void callWith(Call call, TwitterXGateway gateway, XToken token) {
        switch (call) {
            case DELETE_POST_THROUGH_TWITTER4J -> gateway.deletePost(token, "1445880548472328192");
            case FOLLOW_THROUGH_TWITTER4J -> gateway.follow(token, USER_ID, "14171076");
            case ME_THROUGH_REST_CLIENT -> gateway.me(token);
            case POSTS_THROUGH_REST_CLIENT -> gateway.posts(token, List.of("1460323737035677698"));
            case CREATE_POST_THROUGH_REST_CLIENT -> gateway.createPost(token, new NewXPost("Flu clinics today"));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ME_THROUGH_REST_CLIENT", "POSTS_THROUGH_REST_CLIENT", "CREATE_POST_THROUGH_REST_CLIENT"})
    void a_token_that_cannot_be_a_header_value_is_refused_before_sending_and_not_shown(Call call) {
        try {
            callWith(call, gateway, HEADER_BREAKING_TOKEN);
            fail("a header with a line break went out");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.INVALID_REQUEST);
            assertNoToken(e);
            assertThat(e.toString()).doesNotContain("bWx2ZjBfT0dXc2ZQVnFa");
        }
        x.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(names = {"DELETE_POST_THROUGH_TWITTER4J", "FOLLOW_THROUGH_TWITTER4J"})
    void twitter4j_url_encodes_the_token_so_no_header_can_be_slipped_in(Call call) {
        xAnswers(call, problem(401, """
                {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
                """));

        try {
            callWith(call, gateway, HEADER_BREAKING_TOKEN);
            fail("X refused the token");
        } catch (XException e) {
            assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED);
            assertNoToken(e);
        }
        x.verify(1, anyRequestedFor(anyUrl()).withoutHeader("X-Injected"));
    }
}
