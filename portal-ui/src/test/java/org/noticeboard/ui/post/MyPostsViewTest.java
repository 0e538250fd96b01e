package org.noticeboard.ui.post;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostSummary;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class MyPostsViewTest extends KaribuTest {

    @Autowired PostService posts;

    @Test
    void authors_see_their_posts_and_approvers_the_posts_of_their_accounts() {
        signIn("alex.approver");
        long account = posts.writableAccounts().getFirst().id();
        posts.save(null, new PostDraft(account, "A draft from Alex about winter vaccinations", null, null, null, List.of(),
                Map.of()), 0);

        UI.getCurrent().navigate(MyPostsView.class);
        @SuppressWarnings("unchecked")
        Grid<PostSummary> mine = _get(Grid.class, spec -> spec.withId("my-posts"));
        assertThat(GridKt._getFormatted(mine, 0, "text")).isEqualTo("A draft from Alex about winter vaccinations");
        assertThat(GridKt._getFormatted(mine, 0, "state")).isEqualTo("Draft");
        @SuppressWarnings("unchecked")
        Grid<PostSummary> accounts = _get(Grid.class, spec -> spec.withId("account-posts"));
        assertThat(GridKt._size(accounts)).isPositive();
        // one post shows whole; the accounts' many posts scroll, so the browser builds only those in sight
        assertThat(mine.isAllRowsVisible()).isTrue();
        assertThat(GridKt._size(accounts)).isGreaterThan(org.noticeboard.ui.shell.Rows.SHOWN_WHOLE);
        assertThat(accounts.isAllRowsVisible()).isFalse();
        assertThat(accounts.getHeight()).isEqualTo(org.noticeboard.ui.shell.Rows.SCROLLING_HEIGHT);

        signIn("sam.staff");
        UI.getCurrent().navigate(org.noticeboard.ui.shell.HomeView.class);
        UI.getCurrent().navigate(MyPostsView.class);
        _assertNone(Grid.class, spec -> spec.withId("account-posts"));
    }
}
