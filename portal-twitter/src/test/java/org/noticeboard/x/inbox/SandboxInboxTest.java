package org.noticeboard.x.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.inbox.InboxFilter;
import org.noticeboard.inbox.Mention;
import org.noticeboard.inbox.MentionPoller;
import org.noticeboard.inbox.MentionService;
import org.noticeboard.inbox.MentionState;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.testing.Staffing;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.sandbox.XSandbox;
import org.noticeboard.x.testing.Posts;
import org.noticeboard.x.testing.XConnections;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox against the X sandbox in this portal: people mention the account there, the
 * {@code poll-mentions} task brings them in by itself, and likes and reposts reach the sandbox's X.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.sandbox.enabled=true", "noticeboard.x.publishing.poll-interval=200ms",
        "noticeboard.x.mentions.poll-interval=300ms",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class SandboxInboxTest {

    @LocalServerPort int port;
    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired XSandbox sandbox;
    @Autowired XConnections connections;
    @Autowired MentionService inbox;
    @Autowired MentionPoller poller;
    @Autowired ReviewService review;
    @Autowired Staffing staffing;
    @Autowired Posts posts;

    World.Org trust;
    String handle;

    @BeforeEach
    void setUp() throws Exception {
        trust = world.organisation("Inbox Sandbox Trust");
        handle = trust.account().handle().value();
        connections.connect(sandbox, "http://127.0.0.1:" + port + "/x-sandbox", trust.account().id(), handle,
                trust.member(Role.ACCOUNT_ADMIN));
    }

    Mention arrived(String xPostId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var found = caller.as(trust.member(Role.APPROVER), () -> inbox.inbox(InboxFilter.all())).stream()
                    .filter(m -> m.xPostId().equals(xPostId)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Mention " + xPostId + " did not reach the inbox");
    }

    @Test
    void someone_mentioning_the_account_on_the_sandbox_reaches_the_inbox_by_itself_and_can_be_liked_and_reposted()
            throws Exception {
        var onX = sandbox.simulatePost("Inbox_MP", "Great work by @" + handle + " on falls prevention", null, null);

        Mention mention = arrived(onX.id());
        assertThat(mention.authorUsername()).isEqualTo("Inbox_MP");
        assertThat(mention.state()).isEqualTo(MentionState.NEW);

        caller.as(trust.member(Role.APPROVER), () -> inbox.like(mention.id()));
        assertThat(sandbox.likes(handle, onX.id())).isTrue();

        long second = staffing.member(trust, "Second approver", null, Role.APPROVER, null);
        Post repost = caller.as(trust.member(Role.APPROVER), () -> inbox.repost(mention.id()));
        caller.as(second, () -> review.approve(repost.id(), 1, repost.version()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (posts.get(trust, repost.id()).state() != PostState.PUBLISHED && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(posts.get(trust, repost.id()).state()).isEqualTo(PostState.PUBLISHED);
        assertThat(sandbox.reposted(handle, onX.id())).isTrue();
        Mention answered = caller.as(trust.member(Role.STAFF), () -> inbox.get(mention.id()));
        assertThat(answered.state()).isEqualTo(MentionState.REPLIED);
        assertThat(answered.firstResponseAt()).isNotNull();
    }

    @Test
    void a_mention_deleted_on_the_sandbox_is_marked_and_a_reply_is_refused() throws Exception {
        var onX = sandbox.simulatePost("Inbox_Patient", "@" + handle + " I take it back", null, null);
        Mention mention = arrived(onX.id());

        sandbox.simulateDelete(onX.id());

        assertThatThrownBy(() -> caller.as(trust.member(Role.STAFF), () -> inbox.startReply(mention.id(), null, Map.of())))
                .hasMessage("@Inbox_Patient deleted this post on X: there is nothing to reply to any more.");
        assertThat(caller.as(trust.member(Role.STAFF), () -> inbox.get(mention.id())).deletedOnX()).isTrue();
        assertThat(poller.poll(trust.account().id(), 5).problem()).isNull();
        assertThat(List.of(caller.as(trust.member(Role.STAFF), () -> inbox.get(mention.id())).deletedOnX())).containsExactly(true);
    }
}
