package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.x.gateway.RateLimitBook;
import org.noticeboard.x.gateway.TwitterXGateway;
import org.noticeboard.x.gateway.XGatewaySettings;
import org.noticeboard.x.testing.SandboxLogin;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XToken;

/**
 * The portal's gateway against the X sandbox, every call it makes, with each request and answer
 * checked against X's OpenAPI description: if either side drifts from X, this fails.
 */
class GatewayAgainstSandboxTest {

    static final String CLIENT = "gateway-test";
    static final String SECRET = "gateway-test-secret";
    static final String REDIRECT = "http://127.0.0.1:9/x/callback";
    static final String SCOPES = "tweet.read tweet.write users.read follows.read follows.write list.read list.write "
            + "media.write like.write offline.access";

    static TestDatabases.TestDatabase database;
    static XSandboxServer server;
    static TwitterXGateway x;
    static XToken trust;
    static XToken mp;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabases.create();
        server = XSandboxServer.builder(database.url(), database.username(), database.password())
                .recordExchanges(true).start();
        XSandbox sandbox = server.sandbox();
        sandbox.registerClient(CLIENT, SECRET, List.of(REDIRECT));
        var trustUser = sandbox.ensureUser("GatewayTrust", "Gateway Trust", "An NHS trust");
        var mpUser = sandbox.ensureUser("GatewayMP", "Gateway MP", "Member of Parliament");
        trust = new XToken(SandboxLogin.tokens(server.baseUrl(), CLIENT, SECRET, REDIRECT, "GatewayTrust", SCOPES)
                .accessToken(), trustUser.id());
        mp = new XToken(SandboxLogin.tokens(server.baseUrl(), CLIENT, SECRET, REDIRECT, "GatewayMP", SCOPES)
                .accessToken(), mpUser.id());
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        x = new TwitterXGateway(new XGatewaySettings(server.baseUrl() + "/2/", Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new RateLimitBook(DSL.using(dataSource, SQLDialect.POSTGRES), java.time.Clock.systemUTC()));
        server.clearExchanges();
    }

    @AfterAll
    static void stop() {
        x.close();
        server.close();
    }

    @Test
    void every_call_the_portal_makes_works_against_the_sandbox_and_conforms_to_xs_description() {
        var me = x.me(trust);
        assertThat(me.username()).isEqualTo("GatewayTrust");

        String mediaId = x.uploadMedia(trust, new XMediaUpload(TestImages.png(40, 30), "image/png", "Our new clinic"));
        var first = x.createPost(trust, new NewXPost("Our new falls clinic opens on Monday https://www.nhs.uk/falls",
                null, null, List.of(mediaId)));
        var reply = x.createPost(trust, new NewXPost("More about the clinic in this thread", first.id(), null, List.of()));
        var quote = x.createPost(trust, new NewXPost("Proud of the team", null, first.id(), List.of()));
        server.sandbox().simulateEngagement(first.id(), 12, 3, 2, 1, 450);

        var fetched = x.posts(trust, List.of(first.id(), reply.id(), "1999999999999999999"));
        assertThat(fetched).extracting(p -> p.id()).containsExactlyInAnyOrder(first.id(), reply.id());
        var withMetrics = fetched.stream().filter(p -> p.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(withMetrics.metrics().likes()).isEqualTo(12);
        assertThat(withMetrics.metrics().impressions()).isEqualTo(450L);
        assertThat(fetched.stream().filter(p -> p.id().equals(reply.id())).findFirst().orElseThrow().inReplyToPostId())
                .isEqualTo(first.id());

        var names = new ArrayList<String>();
        names.add("GatewayMP");
        names.add("NobodyHere123");
        for (int i = 0; i < 120; i++) {
            names.add("unknown_" + i);
        }
        assertThat(x.usersByUsernames(trust, names)).extracting(u -> u.username()).containsExactly("GatewayMP");

        var mention = x.createPost(mp, new NewXPost("@GatewayTrust what are the clinic's opening hours?"));
        var mentions = x.mentions(trust, me.id(), null, null);
        assertThat(mentions.items()).extracting(p -> p.id()).contains(mention.id());
        assertThat(mentions.users()).extracting(u -> u.username()).contains("GatewayMP");
        assertThat(x.mentions(trust, me.id(), mentions.newestId(), null).items()).isEmpty();

        var mine = x.userPosts(trust, me.id(), null, null);
        assertThat(mine.items()).extracting(p -> p.id()).contains(first.id(), reply.id(), quote.id());

        var list = x.createList(trust, "Health think tanks", "Who we read", false);
        x.addListMember(trust, list.id(), x.me(mp).id());
        assertThat(x.listMembers(trust, list.id(), null).items()).extracting(u -> u.username()).containsExactly("GatewayMP");
        x.removeListMember(trust, list.id(), x.me(mp).id());
        assertThat(x.listMembers(trust, list.id(), null).items()).isEmpty();

        x.follow(trust, me.id(), x.me(mp).id());
        x.unfollow(trust, me.id(), x.me(mp).id());
        x.deletePost(trust, quote.id());

        assertThatThrownBy(() -> x.createPost(trust, new NewXPost("More about the clinic in this thread", first.id(), null,
                List.of()))).isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.DUPLICATE));
        assertThatThrownBy(() -> x.me(new XToken("not-a-token", me.id())))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.UNAUTHORIZED));
        assertThatThrownBy(() -> x.uploadMedia(trust, new XMediaUpload("not an image".getBytes(), "image/png", null)))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.INVALID_REQUEST));

        assertThat(server.exchanges()).hasSizeGreaterThan(20);
        OpenApiConformance.get().assertConforms(server.exchanges());
    }

    @Test
    void mentions_page_with_since_id_and_likes_and_reposts_conform_to_xs_description() {
        server.clearExchanges();
        var me = x.me(trust);
        String since = x.mentions(trust, me.id(), null, null).newestId();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 103; i++) {
            ids.add(server.sandbox().simulatePost("GatewayMP", "@GatewayTrust question " + i, null, null).id());
        }
        var first = x.mentions(trust, me.id(), since, null);
        assertThat(first.items()).hasSize(100);
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.newestId()).isEqualTo(ids.getLast());
        var second = x.mentions(trust, me.id(), since, first.nextToken());
        assertThat(second.nextToken()).isNull();
        var seen = new ArrayList<String>();
        first.items().forEach(p -> seen.add(p.id()));
        second.items().forEach(p -> seen.add(p.id()));
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);

        String target = ids.getFirst();
        x.like(trust, me.id(), target);
        x.like(trust, me.id(), target);
        assertThat(server.sandbox().likes("GatewayTrust", target)).isTrue();
        assertThat(server.sandbox().post(target).orElseThrow().metrics().likes()).isEqualTo(1);
        String repost = x.repost(trust, me.id(), target);
        assertThat(x.repost(trust, me.id(), target)).isEqualTo(repost);
        assertThat(server.sandbox().reposted("GatewayTrust", target)).isTrue();

        server.sandbox().simulateDelete(ids.get(1));
        assertThatThrownBy(() -> x.like(trust, me.id(), ids.get(1)))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.NOT_FOUND));
        assertThat(x.posts(trust, List.of(ids.get(1), ids.get(2)))).extracting(p -> p.id()).containsExactly(ids.get(2));
        assertThatThrownBy(() -> x.like(trust, x.me(mp).id(), target))
                .isInstanceOfSatisfying(XException.class, e -> assertThat(e.failure()).isEqualTo(XFailure.FORBIDDEN));

        OpenApiConformance.get().assertConforms(server.exchanges());
    }
}
