package org.noticeboard.ui.sandbox;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.shell.HomeView;
import org.noticeboard.x.sandbox.XSandbox;
import org.springframework.beans.factory.annotation.Autowired;

class SandboxTimelineViewTest extends KaribuTest {

    @Autowired XSandbox sandbox;

    @BeforeEach
    void open() {
        signIn("sam.staff");
        UI.getCurrent().navigate(SandboxTimelineView.class);
    }

    private Div card(String postId) {
        return _get(Div.class, spec -> spec.withId("post-" + postId));
    }

    @Test
    void shows_the_demo_world_newest_first() {
        var newest = sandbox.timeline(1, null).getFirst();
        var timeline = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("timeline"));
        assertThat(timeline.getComponentAt(0).getId()).contains("post-" + newest.id());
        assertThat(sandbox.users()).extracting(u -> u.username()).contains("NorthshireNHS", "NShirePhysio");
    }

    @Test
    void staff_play_someone_mentioning_the_trust_and_whatever_they_write_stays_text() {
        _get(TextField.class, spec -> spec.withId("simulate-handle")).setValue("JaneDoeMP");
        String text = "<script>alert('x')</script> <b>@NorthshireNHS</b> \u202Ewhy is ward 7 closed?";
        _get(TextArea.class, spec -> spec.withId("simulate-text")).setValue(text);
        _click(_get(Button.class, spec -> spec.withId("simulate-post")));

        NotificationsKt.expectNotifications("Posted as @JaneDoeMP.");
        var posted = sandbox.postsBy("JaneDoeMP", 1).getFirst();
        var card = card(posted.id());
        assertThat(card.getElement().getAttribute("aria-current")).isEqualTo("true");
        var shown = card.getChildren().filter(c -> c.hasClassName("sandbox-post-text")).map(Paragraph.class::cast)
                .findFirst().orElseThrow();
        assertThat(shown.getText()).isEqualTo(text);
        assertThat(card.getElement().getOuterHTML()).doesNotContain("<script>").doesNotContain("<b>");
    }

    @Test
    void a_bad_handle_or_a_reply_to_nothing_is_refused_in_words() {
        int before = sandbox.timeline(1000, null).size();
        var handle = _get(TextField.class, spec -> spec.withId("simulate-handle"));
        handle.setValue("not a handle!");
        _get(TextArea.class, spec -> spec.withId("simulate-text")).setValue("Hello");
        _click(_get(Button.class, spec -> spec.withId("simulate-post")));
        assertThat(handle.isInvalid()).isTrue();
        assertThat(handle.getErrorMessage()).contains("1 to 15 letters");

        handle.setValue("LocalPatient");
        var replyTo = _get(TextField.class, spec -> spec.withId("simulate-reply-to"));
        replyTo.setValue("1999999999999999999");
        _click(_get(Button.class, spec -> spec.withId("simulate-post")));
        assertThat(replyTo.isInvalid()).isTrue();
        assertThat(replyTo.getErrorMessage()).contains("No post 1999999999999999999");
        assertThat(sandbox.timeline(1000, null)).hasSize(before);
    }

    @Test
    void a_link_from_a_published_post_highlights_it() {
        var post = sandbox.simulatePost("NHSEngland", "Winter vaccines are available now", null, null);
        UI.getCurrent().navigate(HomeView.class);
        UI.getCurrent().navigate("sandbox-timeline", new QueryParameters(Map.of("post", java.util.List.of(post.id()))));

        assertThat(card(post.id()).getElement().getAttribute("aria-current")).isEqualTo("true");
        assertThat(_find(Div.class, spec -> spec.withClasses("sandbox-post"))).hasSizeGreaterThan(1);
    }
}
