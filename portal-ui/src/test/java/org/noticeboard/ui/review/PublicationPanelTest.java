package org.noticeboard.ui.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.POST;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.springframework.beans.factory.annotation.Autowired;

/** The review page says where a post stands with X: its link, or the problem in words and "Publish again". */
class PublicationPanelTest extends KaribuTest {

    @Autowired PostService posts;
    @Autowired DSLContext db;

    /** A post X has answered for: set here as the publisher would have left it. */
    private Post postThat(String text, PostState state, String xPostId, String problem) {
        signIn("sam.staff");
        long account = posts.writableAccounts().getFirst().id();
        var draft = posts.save(null, new PostDraft(account, text, null, null, null, List.of(), Map.of()), 0);
        var submitted = posts.submit(draft.id(), draft.version());
        db.update(POST).set(POST.STATE, state.name()).set(POST.X_POST_ID, xPostId)
                .set(POST.PUBLISHED_AT, xPostId == null ? null : OffsetDateTime.now())
                .set(POST.PUBLISH_PROBLEM, problem).set(POST.PUBLISH_PROBLEM_KIND, problem == null ? null : "DUPLICATE")
                .where(POST.ID.eq(submitted.id())).execute();
        return submitted;
    }

    private void review(Post post) {
        signIn("alex.approver");
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
    }

    @Test
    void a_published_post_links_to_where_the_world_sees_it() {
        var post = postThat("Our new physio gym is open", PostState.PUBLISHED, "1876543210987654321", null);
        review(post);

        assertThat(_get(Paragraph.class, spec -> spec.withId("x-post-id")).getText()).contains("1876543210987654321");
        var link = _get(Anchor.class, spec -> spec.withId("x-link"));
        assertThat(link.getHref()).isEqualTo("/sandbox-timeline?post=1876543210987654321");
        assertThat(link.getText()).isEqualTo("See it on the sandbox timeline");
        assertThat(_find(Button.class, spec -> spec.withId("publish-again"))).isEmpty();
    }

    @Test
    void a_failed_post_says_why_and_what_to_do_and_can_be_published_again() {
        String problem = "X refused it as a duplicate: @NShirePhysio has already posted the same text. Edit the text "
                + "(even a little) and submit it again.";
        var post = postThat("Thank you to our volunteers", PostState.FAILED, null, problem);
        review(post);

        assertThat(_get(Paragraph.class, spec -> spec.withId("publication-problem")).getText()).isEqualTo(problem);
        _click(_get(Button.class, spec -> spec.withId("publish-again")));

        NotificationsKt.expectNotifications("Back in the queue: it goes out within seconds. If an earlier attempt "
                + "reached X, Noticeboard finds it there and does not post it twice.");
        assertThat(posts.get(post.id()).state()).isEqualTo(PostState.SCHEDULED);
        assertThat(_find(Button.class, spec -> spec.withId("publish-again"))).isEmpty();
    }
}
