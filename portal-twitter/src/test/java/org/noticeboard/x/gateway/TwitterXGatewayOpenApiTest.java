package org.noticeboard.x.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XMediaUpload;

/**
 * What the gateway sends X conforms to the published OpenAPI description of X API v2 (2.167, in
 * {@code ../shared/reference/}): paths, methods, required parameters and JSON bodies. The one
 * exception is where that description and api.x.com part ways: it names the post fields
 * parameter {@code post.fields} (and {@code pinned_post_id}), api.x.com and its documentation
 * {@code tweet.fields} (and {@code pinned_tweet_id}); the gateway speaks api.x.com's, and this test
 * says so rather than passing silently.
 */
class TwitterXGatewayOpenApiTest extends GatewayWireMockSupport {

    static final Path DESCRIPTION = Path.of("shared", "reference", "x-api-v2-openapi.json");

    static OpenApiInteractionValidator validator;

    @BeforeAll
    static void readDescription() {
        Optional<Path> description = Stream.of(Path.of(".."), Path.of("..", ".."))
                .map(up -> up.resolve(DESCRIPTION))
                .filter(Files::isRegularFile)
                .findFirst();
        Assumptions.assumeTrue(description.isPresent(),
                "X's OpenAPI description is not in ../shared/reference/ next to the repository; nothing to check against");
        validator = OpenApiInteractionValidator.createForSpecificationUrl(description.get().toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        // the live names, which the description does not know: see the class comment
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Every call the gateway makes, once, against answers that satisfy it. */
    void callEverything() {
        Map<String, String> answers = Map.ofEntries(
                Map.entry("users/me", "{\"data\": {\"id\": \"2244994945\", \"name\": \"X Dev\", \"username\": \"XDevelopers\"}}"),
                Map.entry("tweets", "{\"data\": {\"id\": \"1445880548472328192\", \"text\": \"Flu clinics today\"}}"),
                Map.entry("tweets/1445880548472328192", "{\"data\": {\"deleted\": true}}"),
                Map.entry("users/by", "{\"data\": []}"),
                Map.entry("users/2244994945/mentions", "{\"meta\": {\"result_count\": 0}}"),
                Map.entry("users/2244994945/tweets", "{\"meta\": {\"result_count\": 0}}"),
                Map.entry("media/upload", "{\"data\": {\"id\": \"1880028106020515840\"}}"),
                Map.entry("media/metadata", "{\"data\": {\"id\": \"1880028106020515840\"}}"),
                Map.entry("lists", "{\"data\": {\"id\": \"1441162269824405510\", \"name\": \"ICB leaders\"}}"),
                Map.entry("lists/1441162269824405510/members", "{\"data\": {\"is_member\": true}}"),
                Map.entry("lists/1441162269824405510/members/14171076", "{\"data\": {\"is_member\": false}}"),
                Map.entry("users/2244994945/following", "{\"data\": {\"following\": true, \"pending_follow\": false}}"),
                Map.entry("users/2244994945/following/14171076", "{\"data\": {\"following\": false}}"));
        answers.forEach((path, body) -> x.stubFor(any(urlPathEqualTo(path(path))).willReturn(json(200, body))));

        gateway.me(TOKEN);
        gateway.createPost(TOKEN, new NewXPost("Flu clinics today", "1445880548472328100", "1445880548472328000",
                List.of("1880028106020515840")));
        gateway.deletePost(TOKEN, "1445880548472328192");
        gateway.usersByUsernames(TOKEN, List.of("NHSEngland", "NShirePhysio"));
        gateway.mentions(TOKEN, USER_ID, "1445880548472328100", "7140dibdnow9c7btw3w29jb0wdb9w4ng8q3y0gsc9m1pd");
        gateway.userPosts(TOKEN, USER_ID, Instant.parse("2026-11-16T08:00:00Z"), null);
        gateway.uploadMedia(TOKEN, new XMediaUpload(new byte[] {1, 2, 3}, "image/png", "A ward round"));
        gateway.createList(TOKEN, "ICB leaders", "Integrated care board chief executives", false);
        gateway.addListMember(TOKEN, "1441162269824405510", "14171076");
        gateway.removeListMember(TOKEN, "1441162269824405510", "14171076");
        x.stubFor(any(urlPathEqualTo(path("lists/1441162269824405510/members")))
                .willReturn(json(200, "{\"meta\": {\"result_count\": 0}}")));
        gateway.listMembers(TOKEN, "1441162269824405510", null);
        gateway.follow(TOKEN, USER_ID, "14171076");
        gateway.unfollow(TOKEN, USER_ID, "14171076");
        x.stubFor(any(urlPathEqualTo(path("tweets"))).willReturn(json(200, "{\"data\": []}")));
        gateway.posts(TOKEN, List.of("1445880548472328192"));
    }

    static SimpleRequest asSpecRequest(LoggedRequest logged) {
        String apiPath = logged.getUrl().replaceFirst("^/x-sandbox", "").replaceFirst("\\?.*$", "");
        var request = new SimpleRequest.Builder(logged.getMethod().getName(), apiPath)
                .withAuthorization(logged.getHeader("Authorization"));
        if (logged.containsHeader("Content-Type")) {
            request.withContentType(logged.getHeader("Content-Type"));
        }
        if (logged.getBody().length > 0) {
            request.withBody(logged.getBody());
        }
        logged.getQueryParams().forEach((name, values) -> request.withQueryParam(name, values.values()));
        return request.build();
    }

    @Test
    void every_request_matches_an_operation_with_its_path_parameters_and_json_body() {
        callEverything();

        List<LoggedRequest> requests = x.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(15);
        for (LoggedRequest logged : requests) {
            ValidationReport report = validator.validateRequest(asSpecRequest(logged));
            assertThat(report.getMessages())
                    .as("%s %s", logged.getMethod(), logged.getUrl())
                    .filteredOn(message -> message.getLevel() != ValidationReport.Level.IGNORE)
                    .isEmpty();
        }
    }

    @Test
    void the_post_fields_parameter_has_the_live_name_which_the_description_does_not_know() {
        callEverything();

        LoggedRequest mentions = x.findAll(anyRequestedFor(urlPathEqualTo(path("users/2244994945/mentions")))).getFirst();
        assertThat(mentions.queryParameter("tweet.fields").isPresent()).isTrue();
        ValidationReport report = validator.validateRequest(asSpecRequest(mentions));
        assertThat(report.getMessages()).extracting(ValidationReport.Message::getKey)
                .containsOnly("validation.request.parameter.query.unexpected");
        assertThat(report.getMessages()).extracting(ValidationReport.Message::getMessage)
                .allMatch(message -> message.contains("'tweet.fields'"));
    }

    @Test
    void the_description_does_catch_a_body_x_would_refuse() {
        var request = SimpleRequest.Builder.post("/2/tweets").withAuthorization("Bearer " + TOKEN_VALUE)
                .withContentType("application/json")
                .withBody("{\"text\": \"Flu clinics today\", \"reply\": {\"in_reply_to_tweet_id\": 1445880548472328100}}")
                .build();

        assertThat(validator.validateRequest(request).hasErrors()).isTrue();
    }
}
