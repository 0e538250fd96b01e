package org.noticeboard.x.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XMetrics;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XUser;

/** Every gateway call on its success path: what X is asked, exactly, and what its answer becomes. */
class TwitterXGatewayTest extends GatewayWireMockSupport {

    static final String BEARER = "Bearer " + TOKEN_VALUE;
    static final String TWEET_FIELDS = "created_at,author_id,conversation_id,referenced_tweets,public_metrics";
    static final String USER_FIELDS = "public_metrics,verified,description";

    @Test
    void me_asks_x_for_the_signed_in_user_with_its_public_metrics() {
        x.stubFor(get(urlPathEqualTo(path("users/me"))).willReturn(json(200, """
                {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers", "verified": true,
                  "description": "The voice of the X Developer Platform",
                  "public_metrics": {"followers_count": 513958, "following_count": 2039, "tweet_count": 3635,
                                     "listed_count": 1672, "like_count": 2142}}}
                """)));

        XUser me = gateway.me(TOKEN);

        assertThat(me).isEqualTo(new XUser("2244994945", "XDevelopers", "X Dev", 513958, true,
                "The voice of the X Developer Platform"));
        x.verify(getRequestedFor(urlPathEqualTo(path("users/me")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("user.fields", equalTo(USER_FIELDS))
                .withQueryParam("expansions", absent()));
    }

    @Test
    void whether_a_user_is_verified_is_unknown_when_x_does_not_say() {
        x.stubFor(get(urlPathEqualTo(path("users/me"))).willReturn(json(200, """
                {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers"}}
                """)));

        assertThat(gateway.me(TOKEN).verified()).isNull();
    }

    @Test
    void creating_a_post_sends_text_reply_quote_and_media_as_x_wants_them() {
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(json(201, """
                {"data": {"id": "1445880548472328192", "text": "Our physios answer your questions at 7pm #PhysioChat",
                          "edit_history_tweet_ids": ["1445880548472328192"]}}
                """)));

        XPost created = gateway.createPost(TOKEN, new NewXPost("Our physios answer your questions at 7pm #PhysioChat",
                "1445880548472328100", "1445880548472328000", List.of("1146654567674912769")));

        assertThat(created).isEqualTo(new XPost("1445880548472328192",
                "Our physios answer your questions at 7pm #PhysioChat", USER_ID, null, null, "1445880548472328100",
                "1445880548472328000", null));
        x.verify(postRequestedFor(urlPathEqualTo(path("tweets")))
                .withHeader("Authorization", equalTo(BEARER))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": "Our physios answer your questions at 7pm #PhysioChat",
                         "reply": {"in_reply_to_tweet_id": "1445880548472328100"},
                         "quote_tweet_id": "1445880548472328000",
                         "media": {"media_ids": ["1146654567674912769"]}}
                        """)));
    }

    @Test
    void a_plain_post_sends_only_its_text() {
        x.stubFor(post(urlPathEqualTo(path("tweets"))).willReturn(json(201, """
                {"data": {"id": "1445880548472328192", "text": "Clinics are open as usual today."}}
                """)));

        XPost created = gateway.createPost(TOKEN, new NewXPost("Clinics are open as usual today."));

        assertThat(created.id()).isEqualTo("1445880548472328192");
        assertThat(created.text()).isEqualTo("Clinics are open as usual today.");
        x.verify(postRequestedFor(urlPathEqualTo(path("tweets")))
                .withRequestBody(equalToJson("{\"text\": \"Clinics are open as usual today.\"}")));
    }

    @Test
    void deleting_a_post_calls_delete_on_its_id() {
        x.stubFor(delete(urlPathEqualTo(path("tweets/1445880548472328192")))
                .willReturn(json(200, "{\"data\": {\"deleted\": true}}")));

        gateway.deletePost(TOKEN, "1445880548472328192");

        x.verify(deleteRequestedFor(urlPathEqualTo(path("tweets/1445880548472328192")))
                .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void posts_are_looked_up_with_their_metrics_references_and_authors_and_missing_ones_are_left_out() {
        x.stubFor(get(urlPathEqualTo(path("tweets"))).willReturn(json(200, """
                {"data": [
                   {"id": "1460323737035677698", "text": "Thank you for the care my mum received",
                    "author_id": "1123581321", "conversation_id": "1460323737035677600",
                    "created_at": "2026-11-16T08:30:00.000Z",
                    "edit_history_tweet_ids": ["1460323737035677698"],
                    "referenced_tweets": [{"type": "replied_to", "id": "1460323737035677600"},
                                          {"type": "quoted", "id": "1460323737035677500"}],
                    "public_metrics": {"retweet_count": 3, "reply_count": 2, "like_count": 41, "quote_count": 1,
                                       "bookmark_count": 0, "impression_count": 1204}},
                   {"id": "1460323737035677699", "text": "Flu clinics this weekend", "author_id": "2244994945",
                    "created_at": "2026-11-16T09:00:00.000Z",
                    "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 5, "quote_count": 0}}],
                 "includes": {"users": [{"id": "1123581321", "name": "A patient", "username": "apatient"}]},
                 "errors": [{"value": "1460323737035677000", "detail": "Could not find tweet with ids: [1460323737035677000].",
                             "title": "Not Found Error", "resource_type": "tweet", "parameter": "ids",
                             "resource_id": "1460323737035677000",
                             "type": "https://api.twitter.com/2/problems/resource-not-found"}]}
                """)));

        List<XPost> posts = gateway.posts(TOKEN,
                List.of("1460323737035677698", "1460323737035677699", "1460323737035677000"));

        assertThat(posts).containsExactly(
                new XPost("1460323737035677698", "Thank you for the care my mum received", "1123581321",
                        Instant.parse("2026-11-16T08:30:00Z"), "1460323737035677600", "1460323737035677600",
                        "1460323737035677500", new XMetrics(41, 3, 2, 1, 1204L)),
                new XPost("1460323737035677699", "Flu clinics this weekend", "2244994945",
                        Instant.parse("2026-11-16T09:00:00Z"), null, null, null, new XMetrics(5, 0, 0, 0, null)));
        x.verify(getRequestedFor(urlPathEqualTo(path("tweets")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("ids", equalTo("1460323737035677698,1460323737035677699,1460323737035677000"))
                .withQueryParam("tweet.fields", equalTo(TWEET_FIELDS))
                .withQueryParam("expansions", equalTo("author_id"))
                .withQueryParam("user.fields", equalTo(USER_FIELDS)));
    }

    @Test
    void posts_named_as_in_the_openapi_description_are_read_too() {
        x.stubFor(get(urlPathEqualTo(path("tweets"))).willReturn(json(200, """
                {"data": [{"id": "1460323737035677698", "text": "Reposted words",
                           "referenced_posts": [{"type": "quoted", "id": "1460323737035677500"}],
                           "public_metrics": {"repost_count": 7, "reply_count": 1, "like_count": 2, "quote_count": 0,
                                              "bookmark_count": 0, "impression_count": 90}}]}
                """)));

        List<XPost> posts = gateway.posts(TOKEN, List.of("1460323737035677698"));

        assertThat(posts.getFirst().quotedPostId()).isEqualTo("1460323737035677500");
        assertThat(posts.getFirst().metrics()).isEqualTo(new XMetrics(2, 7, 1, 0, 90L));
    }

    @Test
    void posts_are_looked_up_a_hundred_at_a_time() {
        x.stubFor(get(urlPathEqualTo(path("tweets"))).willReturn(json(200, "{\"data\": []}")));
        List<String> ids = IntStream.range(0, 150).mapToObj(i -> Long.toString(1460323737035600000L + i)).toList();

        assertThat(gateway.posts(TOKEN, ids)).isEmpty();

        List<LoggedRequest> requests = x.findAll(getRequestedFor(urlPathEqualTo(path("tweets"))));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).queryParameter("ids").firstValue().split(",")).hasSize(100);
        assertThat(requests.get(1).queryParameter("ids").firstValue().split(",")).hasSize(50);
    }

    @Test
    void looking_up_no_posts_does_not_call_x() {
        assertThat(gateway.posts(TOKEN, List.of())).isEmpty();
        assertThat(x.getAllServeEvents()).isEmpty();
    }

    @Test
    void users_are_looked_up_by_username_in_batches_of_a_hundred() {
        x.stubFor(get(urlPathEqualTo(path("users/by"))).willReturn(json(200, """
                {"data": [{"id": "14171076", "name": "NHS England", "username": "NHSEngland", "verified": true,
                           "description": "The official account of NHS England",
                           "public_metrics": {"followers_count": 480000, "following_count": 1500,
                                              "tweet_count": 40000, "listed_count": 4000}}]}
                """)));
        List<String> handles = new ArrayList<>();
        handles.add("@NHSEngland");
        IntStream.range(0, 249).forEach(i -> handles.add("stakeholder" + i));

        List<XUser> users = gateway.usersByUsernames(TOKEN, handles);

        assertThat(users).hasSize(3).first().isEqualTo(new XUser("14171076", "NHSEngland", "NHS England", 480000, true,
                "The official account of NHS England"));
        List<LoggedRequest> requests = x.findAll(getRequestedFor(urlPathEqualTo(path("users/by"))));
        assertThat(requests).extracting(r -> r.queryParameter("usernames").firstValue().split(",").length)
                .containsExactly(100, 100, 50);
        assertThat(requests.getFirst().queryParameter("usernames").firstValue()).startsWith("NHSEngland,stakeholder0,");
        x.verify(3, getRequestedFor(urlPathEqualTo(path("users/by")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("user.fields", equalTo(USER_FIELDS)));
    }

    @Test
    void handles_x_cannot_have_and_repeated_handles_are_not_sent() {
        x.stubFor(get(urlPathEqualTo(path("users/by"))).willReturn(json(200, "{\"data\": []}")));

        gateway.usersByUsernames(TOKEN, List.of("NHSEngland", "nhsengland", "not a handle", "much_too_long_for_x_handles"));

        x.verify(getRequestedFor(urlPathEqualTo(path("users/by"))).withQueryParam("usernames", equalTo("NHSEngland")));
    }

    @Test
    void usernames_x_does_not_know_are_left_out() {
        x.stubFor(get(urlPathEqualTo(path("users/by"))).willReturn(json(200, """
                {"errors": [{"value": "nosuchtrust", "detail": "Could not find user with usernames: [nosuchtrust].",
                             "title": "Not Found Error", "resource_type": "user", "parameter": "usernames",
                             "resource_id": "nosuchtrust", "type": "https://api.twitter.com/2/problems/resource-not-found"}]}
                """)));

        assertThat(gateway.usersByUsernames(TOKEN, List.of("nosuchtrust"))).isEmpty();
    }

    @Test
    void mentions_come_with_their_authors_and_the_tokens_for_the_next_page_and_the_next_poll() {
        x.stubFor(get(urlPathEqualTo(path("users/2244994945/mentions"))).willReturn(json(200, """
                {"data": [{"id": "1460323737035677800", "text": "@NShirePhysio how do I book?", "author_id": "1123581321",
                           "conversation_id": "1460323737035677800", "created_at": "2026-11-16T10:00:00.000Z",
                           "edit_history_tweet_ids": ["1460323737035677800"],
                           "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0,
                                              "bookmark_count": 0, "impression_count": 12}}],
                 "includes": {"users": [{"id": "1123581321", "name": "A patient", "username": "apatient",
                                         "public_metrics": {"followers_count": 12, "following_count": 80,
                                                            "tweet_count": 300, "listed_count": 0}}]},
                 "meta": {"result_count": 1, "newest_id": "1460323737035677800", "oldest_id": "1460323737035677800",
                          "next_token": "7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix"}}
                """)));

        var page = gateway.mentions(TOKEN, USER_ID, "1460323737035677000", "7140dibdnow9c7btw3w29jb0wdb9w4ng8q3y0gsc9m1pd");

        assertThat(page.items()).extracting(XPost::id, XPost::authorId)
                .containsExactly(tuple("1460323737035677800", "1123581321"));
        assertThat(page.nextToken()).isEqualTo("7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix");
        assertThat(page.newestId()).isEqualTo("1460323737035677800");
        assertThat(page.users()).containsExactly(new XUser("1123581321", "apatient", "A patient", 12, null, null));
        x.verify(getRequestedFor(urlPathEqualTo(path("users/2244994945/mentions")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("since_id", equalTo("1460323737035677000"))
                .withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw3w29jb0wdb9w4ng8q3y0gsc9m1pd"))
                .withQueryParam("max_results", equalTo("100"))
                .withQueryParam("tweet.fields", equalTo(TWEET_FIELDS))
                .withQueryParam("expansions", equalTo("author_id"))
                .withQueryParam("user.fields", equalTo(USER_FIELDS)));
    }

    @Test
    void no_new_mentions_is_an_empty_page() {
        x.stubFor(get(urlPathEqualTo(path("users/2244994945/mentions")))
                .willReturn(json(200, "{\"meta\": {\"result_count\": 0}}")));

        var page = gateway.mentions(TOKEN, USER_ID, null, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNull();
        assertThat(page.newestId()).isNull();
        x.verify(getRequestedFor(urlPathEqualTo(path("users/2244994945/mentions")))
                .withQueryParam("since_id", absent())
                .withQueryParam("pagination_token", absent()));
    }

    @Test
    void a_users_posts_are_read_from_a_start_time_to_the_second() {
        x.stubFor(get(urlPathEqualTo(path("users/2244994945/tweets"))).willReturn(json(200, """
                {"data": [{"id": "1460323737035677900", "text": "Flu clinics this weekend", "author_id": "2244994945",
                           "created_at": "2026-11-16T09:00:00.000Z",
                           "public_metrics": {"retweet_count": 1, "reply_count": 0, "like_count": 5, "quote_count": 0,
                                              "bookmark_count": 0, "impression_count": 300}}],
                 "meta": {"result_count": 1, "newest_id": "1460323737035677900", "oldest_id": "1460323737035677900"}}
                """)));

        var page = gateway.userPosts(TOKEN, USER_ID, Instant.parse("2026-11-16T08:59:30.123Z"), "b26v89c19zqg8o3fpdg");

        assertThat(page.items()).extracting(XPost::text).containsExactly("Flu clinics this weekend");
        assertThat(page.nextToken()).isNull();
        x.verify(getRequestedFor(urlPathEqualTo(path("users/2244994945/tweets")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("start_time", equalTo("2026-11-16T08:59:30Z"))
                .withQueryParam("pagination_token", equalTo("b26v89c19zqg8o3fpdg"))
                .withQueryParam("max_results", equalTo("100"))
                .withQueryParam("tweet.fields", equalTo(TWEET_FIELDS))
                .withQueryParam("expansions", equalTo("author_id")));
    }

    @Test
    void media_is_uploaded_as_multipart_and_its_alt_text_set_through_the_metadata_endpoint() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        x.stubFor(post(urlPathEqualTo(path("media/upload"))).willReturn(json(200, """
                {"data": {"id": "1880028106020515840", "media_key": "3_1880028106020515840", "size": 12,
                          "expires_after_secs": 86400, "image": {"image_type": "image/png", "w": 1, "h": 1}}}
                """)));
        x.stubFor(post(urlPathEqualTo(path("media/metadata"))).willReturn(json(200, """
                {"data": {"id": "1880028106020515840",
                          "associated_metadata": {"alt_text": {"text": "Two physiotherapists in the gym"}}}}
                """)));

        String mediaId = gateway.uploadMedia(TOKEN, new XMediaUpload(png, "image/png", "Two physiotherapists in the gym"));

        assertThat(mediaId).isEqualTo("1880028106020515840");
        x.verify(postRequestedFor(urlPathEqualTo(path("media/upload")))
                .withHeader("Authorization", equalTo(BEARER))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart("media").withBody(binaryEqualTo(png))
                        .withHeader("Content-Type", equalTo("image/png")).build())
                .withRequestBodyPart(aMultipart("media_category").withBody(equalTo("tweet_image")).build()));
        x.verify(postRequestedFor(urlPathEqualTo(path("media/metadata")))
                .withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson("""
                        {"id": "1880028106020515840", "metadata": {"alt_text": {"text": "Two physiotherapists in the gym"}}}
                        """)));
    }

    @Test
    void media_without_alt_text_sets_no_metadata() {
        x.stubFor(post(urlPathEqualTo(path("media/upload"))).willReturn(json(200, """
                {"data": {"id": "1880028106020515841", "media_key": "16_1880028106020515841"}}
                """)));

        gateway.uploadMedia(TOKEN, new XMediaUpload(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, "image/gif", null));

        x.verify(postRequestedFor(urlPathEqualTo(path("media/upload")))
                .withRequestBodyPart(aMultipart("media_category").withBody(equalTo("tweet_gif")).build()));
        x.verify(0, postRequestedFor(urlPathEqualTo(path("media/metadata"))));
    }

    @Test
    void creating_a_list_sends_its_name_description_and_privacy() {
        x.stubFor(post(urlPathEqualTo(path("lists"))).willReturn(json(201, """
                {"data": {"id": "1441162269824405510", "name": "ICB chief executives"}}
                """)));

        XList list = gateway.createList(TOKEN, "ICB chief executives", "Leaders of our integrated care boards", true);

        assertThat(list).isEqualTo(new XList("1441162269824405510", "ICB chief executives"));
        x.verify(postRequestedFor(urlPathEqualTo(path("lists")))
                .withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson("""
                        {"name": "ICB chief executives", "description": "Leaders of our integrated care boards",
                         "private": true}
                        """)));
    }

    @Test
    void a_member_is_added_to_a_list_by_user_id() {
        x.stubFor(post(urlPathEqualTo(path("lists/1441162269824405510/members")))
                .willReturn(json(200, "{\"data\": {\"is_member\": true}}")));

        gateway.addListMember(TOKEN, "1441162269824405510", "14171076");

        x.verify(postRequestedFor(urlPathEqualTo(path("lists/1441162269824405510/members")))
                .withHeader("Authorization", equalTo(BEARER))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"user_id\": \"14171076\"}")));
    }

    @Test
    void a_member_is_removed_from_a_list_by_user_id() {
        x.stubFor(delete(urlPathEqualTo(path("lists/1441162269824405510/members/14171076")))
                .willReturn(json(200, "{\"data\": {\"is_member\": false}}")));

        gateway.removeListMember(TOKEN, "1441162269824405510", "14171076");

        x.verify(deleteRequestedFor(urlPathEqualTo(path("lists/1441162269824405510/members/14171076")))
                .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void list_members_are_read_a_hundred_a_page() {
        x.stubFor(get(urlPathEqualTo(path("lists/1441162269824405510/members"))).willReturn(json(200, """
                {"data": [{"id": "14171076", "name": "NHS England", "username": "NHSEngland",
                           "public_metrics": {"followers_count": 480000, "following_count": 1500, "tweet_count": 40000,
                                              "listed_count": 4000}}],
                 "meta": {"result_count": 1, "next_token": "5676935732641845249"}}
                """)));

        var page = gateway.listMembers(TOKEN, "1441162269824405510", "5676935732641845248");

        assertThat(page.items()).containsExactly(new XUser("14171076", "NHSEngland", "NHS England", 480000, null, null));
        assertThat(page.nextToken()).isEqualTo("5676935732641845249");
        x.verify(getRequestedFor(urlPathEqualTo(path("lists/1441162269824405510/members")))
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam("max_results", equalTo("100"))
                .withQueryParam("pagination_token", equalTo("5676935732641845248"))
                .withQueryParam("user.fields", equalTo(USER_FIELDS)));
    }

    @Test
    void an_empty_list_has_no_members() {
        x.stubFor(get(urlPathEqualTo(path("lists/1441162269824405510/members")))
                .willReturn(json(200, "{\"meta\": {\"result_count\": 0}}")));

        var page = gateway.listMembers(TOKEN, "1441162269824405510", null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void following_posts_the_target_to_the_source_users_following() {
        x.stubFor(post(urlPathEqualTo(path("users/2244994945/following")))
                .willReturn(json(200, "{\"data\": {\"following\": true, \"pending_follow\": false}}")));

        gateway.follow(TOKEN, USER_ID, "14171076");

        x.verify(postRequestedFor(urlPathEqualTo(path("users/2244994945/following")))
                .withHeader("Authorization", equalTo(BEARER))
                .withRequestBody(equalToJson("{\"target_user_id\": \"14171076\"}")));
    }

    @Test
    void unfollowing_deletes_the_target_from_the_source_users_following() {
        x.stubFor(delete(urlPathEqualTo(path("users/2244994945/following/14171076")))
                .willReturn(json(200, "{\"data\": {\"following\": false}}")));

        gateway.unfollow(TOKEN, USER_ID, "14171076");

        x.verify(deleteRequestedFor(urlPathEqualTo(path("users/2244994945/following/14171076")))
                .withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void every_request_carries_the_bearer_token_and_nothing_else_of_it() {
        x.stubFor(get(urlPathEqualTo(path("users/me"))).willReturn(json(200, """
                {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers"}}
                """)));

        gateway.me(TOKEN);

        LoggedRequest request = x.findAll(getRequestedFor(urlPathEqualTo(path("users/me")))).getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo(BEARER);
        assertThat(request.getUrl()).doesNotContain(TOKEN_VALUE);
        x.verify(getRequestedFor(urlPathEqualTo(path("users/me"))).withHeader("Authorization", matching("Bearer \\S+")));
    }
}
