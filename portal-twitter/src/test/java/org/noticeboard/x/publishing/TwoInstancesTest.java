package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.post.PostState;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandboxServer;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.noticeboard.x.testing.FaultSize;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two portal instances on one database share the publishing through db-scheduler: 200 posts for
 * four accounts, all due at once, are each published exactly once (counted on the sandbox).
 */
class TwoInstancesTest {

    static final int ACCOUNTS = 4;
    static final int PER_ACCOUNT = FaultSize.count("two-instances.per-account", 25, 50);

    static TestDatabases.TestDatabase database;
    static XSandboxServer sandbox;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestDatabases.create();
        sandbox = XSandboxServer.start(database.url(), database.username(), database.password());
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        sandbox.close();
    }

    static ConfigurableApplicationContext instance(boolean publishing) {
        return new SpringApplicationBuilder(XTestApplication.class).properties(
                "server.port=0",
                "test.database.url=" + database.url(),
                "test.database.username=" + database.username(),
                "test.database.password=" + database.password(),
                "noticeboard.x.sandbox.enabled=false",
                "noticeboard.x.publishing.enabled=" + publishing,
                "noticeboard.x.publishing.poll-interval=250ms",
                "noticeboard.x.publishing.heartbeat=2s",
                // batches of 10 (4 threads: 40 posts at a time), so that 200 posts are enough for both to take a share
                "noticeboard.x.publishing.batch-size=10",
                "noticeboard.x.api-base-url=" + sandbox.baseUrl() + "/2/",
                "noticeboard.x.token-uri=" + sandbox.baseUrl() + "/2/oauth2/token",
                "noticeboard.x.authorization-uri=" + sandbox.baseUrl() + "/i/oauth2/authorize",
                "noticeboard.x.client-id=two-instances",
                "noticeboard.x.client-secret=two-instances-secret",
                "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").run();
    }

    @Test
    void two_instances_publish_200_posts_due_at_once_each_exactly_once() throws Exception {
        var handles = new ArrayList<String>();
        var postIds = new ArrayList<Long>();
        // the posts are written and approved while no instance publishes, so all are due together
        try (var setup = instance(false)) {
            var world = setup.getBean(World.class);
            var caller = setup.getBean(TestCaller.class);
            var accounts = setup.getBean(OfficialAccountService.class);
            var connections = setup.getBean(XConnections.class);
            var posts = setup.getBean(Posts.class);
            var trust = world.organisation("Busy Trust");
            long admin = trust.member(Role.ACCOUNT_ADMIN);
            for (int a = 0; a < ACCOUNTS; a++) {
                String handle = trust.account().handle().value() + "_" + a;
                long accountId = caller.as(admin, () -> accounts.register(handle, "Busy " + handle,
                        trust.department().id())).id();
                connections.connect(sandbox.sandbox(), sandbox.baseUrl(), accountId, handle, admin);
                handles.add(handle);
                for (int i = 0; i < PER_ACCOUNT; i++) {
                    postIds.add(posts.approved(trust, accountId, "Update " + i + " from " + handle, null, null,
                            List.of()).id());
                }
            }
        }

        var first = CompletableFuture.supplyAsync(() -> instance(true));
        var second = CompletableFuture.supplyAsync(() -> instance(true));
        instances.add(first.get());
        instances.add(second.get());
        DSLContext db = instances.getFirst().getBean(DSLContext.class);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        int published = 0;
        while (Instant.now().isBefore(deadline)) {
            published = db.fetchCount(POST, POST.ID.in(postIds).and(POST.STATE.eq(PostState.PUBLISHED.name())));
            if (published == postIds.size()) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(published).isEqualTo(ACCOUNTS * PER_ACCOUNT);
        // both instances took a share of the work
        assertThat(instances).allSatisfy(instance -> assertThat(
                instance.getBean(org.noticeboard.publish.Publisher.class).publishedByThisInstance()).isPositive());
        assertThat(db.fetchCount(POST, POST.ID.in(postIds).and(POST.X_POST_ID.isNull()))).isZero();
        for (String handle : handles) {
            assertThat(sandbox.sandbox().countPostsBy(handle)).isEqualTo(PER_ACCOUNT);
            for (int i = 0; i < PER_ACCOUNT; i++) {
                assertThat(sandbox.sandbox().countPostsWithText(handle, "Update " + i + " from " + handle))
                        .as("copies of update %d from %s on X", i, handle).isEqualTo(1);
            }
        }
    }
}
