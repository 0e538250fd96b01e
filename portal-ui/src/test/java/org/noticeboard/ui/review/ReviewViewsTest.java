package org.noticeboard.ui.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.QueueItem;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewViewsTest extends KaribuTest {

    @Autowired PostService posts;

    private Post submittedBySam(String text) {
        signIn("sam.staff");
        long account = posts.writableAccounts().getFirst().id();
        var draft = posts.save(null, new PostDraft(account, text, null, null, null, List.of(), Map.of()), 0);
        return posts.submit(draft.id(), draft.version());
    }

    @Test
    void the_queue_lists_waiting_posts_and_a_rejection_needs_a_reason() {
        var post = submittedBySam("Our hydrotherapy pool reopens next week");
        signIn("alex.approver");
        UI.getCurrent().navigate(ReviewQueueView.class);
        @SuppressWarnings("unchecked")
        Grid<QueueItem> queue = _get(Grid.class, spec -> spec.withId("review-queue"));
        int row = -1;
        for (int i = 0; i < GridKt._size(queue); i++) {
            if (GridKt._get(queue, i).postId() == post.id()) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        assertThat(GridKt._getFormatted(queue, row, "author")).isEqualTo("Sam Patel");
        assertThat(GridKt._getFormatted(queue, row, "step")).isEqualTo("Step 1");
        assertThat(GridKt._getFormatted(queue, row, "scheduled")).isEqualTo("As soon as approved");

        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        assertThat(_get(Paragraph.class, spec -> spec.withId("review-facts")).getText()).contains("By Sam Patel. In review, step 1 of 2");
        assertThat(_get(Div.class, spec -> spec.withId("review-text")).getElement().getOuterHTML())
                .contains("hydrotherapy pool reopens");
        _get(TextArea.class, spec -> spec.withId("comment-text")).setValue("Which week exactly?");
        _click(_get(Button.class, spec -> spec.withId("add-comment")));
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("review-comments")).getElement().getTextRecursively())
                .contains("Alex Morgan: Which week exactly?");

        var reason = _get(TextArea.class, spec -> spec.withId("reject-reason"));
        reason.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("reject-post")));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Say why you reject it, so that the author knows what to change.");
        reason.setValue("Please say which week");
        _click(_get(Button.class, spec -> spec.withId("reject-post")));
        assertThat(posts.get(post.id()).state()).isEqualTo(PostState.REJECTED);
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("review-decisions")).getElement().getTextRecursively())
                .contains("Alex Morgan rejected revision 1 at step 1: Please say which week");
        _assertNone(Button.class, spec -> spec.withId("approve-post"));
    }

    @Test
    void an_approver_edits_and_review_restarts_without_them_and_the_author_filter_narrows_the_queue() {
        var post = submittedBySam("Teh falls clinic opens");
        signIn("alex.approver");
        UI.getCurrent().navigate(ReviewQueueView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<QueueItem> author =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("queue-author"));
        author.setValue(author.getListDataView().getItems().filter(i -> i.authorName().equals("Sam Patel")).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<QueueItem> queue = _get(Grid.class, spec -> spec.withId("review-queue"));
        for (int i = 0; i < GridKt._size(queue); i++) {
            assertThat(GridKt._get(queue, i).authorName()).isEqualTo("Sam Patel");
        }

        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        assertThat(_get(Div.class, spec -> spec.withId("review-preview")).getElement().getOuterHTML()).contains("Teh falls clinic");
        _get(TextArea.class, spec -> spec.withId("edit-text")).setValue("The falls clinic opens");
        _click(_get(Button.class, spec -> spec.withId("edit-resubmit-post")));
        var edited = posts.get(post.id());
        assertThat(edited.current().number()).isEqualTo(2);
        assertThat(edited.current().authorName()).isEqualTo("Alex Morgan");
        assertThat(edited.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(edited.reviewStep()).as("the editor's approval does not count").isEqualTo(1);
        // the editor is no longer offered Approve, and reads why
        _assertNone(Button.class, spec -> spec.withId("approve-post"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("approve-unavailable")).getText())
                .isEqualTo("You wrote or edited this post, so you cannot approve it: someone who did neither must.");
    }

    @Test
    void approve_is_offered_only_to_members_who_can_approve_the_current_step() {
        var post = submittedBySam("Hydrotherapy sessions move to Thursdays");
        // step 2 of @NShirePhysio is taylor.head's alone: taylor is kept for it, not offered step 1
        signIn("taylor.head");
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _assertNone(Button.class, spec -> spec.withId("approve-post"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("approve-unavailable")).getText())
                .startsWith("You are the only approver of step 2");

        signIn("alex.approver");
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _click(_get(Button.class, spec -> spec.withId("approve-post")));
        // alex decided step 1: step 2 is not theirs
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _assertNone(Button.class, spec -> spec.withId("approve-post"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("approve-unavailable")).getText()).startsWith("Step 2");

        signIn("taylor.head");
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _click(_get(Button.class, spec -> spec.withId("approve-post")));
        assertThat(posts.get(post.id()).state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void approving_schedules_the_post_and_a_revised_post_shows_its_differences() {
        var post = submittedBySam("Falls clinic on Tuesday");
        signIn("alex.approver");
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _get(TextArea.class, spec -> spec.withId("reject-reason")).setValue("Which Tuesday?");
        _click(_get(Button.class, spec -> spec.withId("reject-post")));
        NotificationsKt.clearNotifications();

        signIn("sam.staff");
        var current = posts.get(post.id());
        var revised = posts.save(post.id(), new PostDraft(current.accountId(), "Falls clinic on Tuesday 3 March", null, null, null,
                List.of(), Map.of()), current.version());
        posts.submit(post.id(), revised.version());

        signIn("alex.approver");
        UI.getCurrent().navigate(ReviewQueueView.class);
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        assertThat(_get(Div.class, spec -> spec.withId("revision-diff")).getElement().getOuterHTML())
                .contains("<ins").contains("3");
        _click(_get(Button.class, spec -> spec.withId("approve-post")));
        NotificationsKt.expectNotifications("Approved; the post waits for step 2.");
        assertThat(posts.get(post.id()).state()).isEqualTo(PostState.IN_REVIEW);

        // the second step of @NShirePhysio's workflow is the head of communications
        NotificationsKt.clearNotifications();
        signIn("taylor.head");
        UI.getCurrent().navigate(ReviewQueueView.class);
        UI.getCurrent().navigate(ReviewPostView.class, new RouteParameters("postId", String.valueOf(post.id())));
        _click(_get(Button.class, spec -> spec.withId("approve-post")));
        NotificationsKt.expectNotifications("Approved: every step is done, the post is scheduled.");
        assertThat(posts.get(post.id()).state()).isEqualTo(PostState.SCHEDULED);
    }
}
