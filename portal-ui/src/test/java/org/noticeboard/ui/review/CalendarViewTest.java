package org.noticeboard.ui.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class CalendarViewTest extends KaribuTest {

    @Autowired PostService posts;
    @Autowired ReviewService review;

    @Test
    void a_scheduled_post_shows_on_its_day_in_the_week_and_the_month() {
        LocalDateTime when = LocalDateTime.now().plusDays(3).withHour(11).withMinute(30).withSecond(0).withNano(0);
        signIn("sam.staff");
        long account = posts.writableAccounts().getFirst().id();
        var draft = posts.save(null, new PostDraft(account, "Balance class starts on the calendar", null, null, null, List.of(),
                Map.of()), 0);
        var scheduled = posts.schedule(draft.id(), when, draft.version());
        var submitted = posts.submit(draft.id(), scheduled.version());
        signIn("alex.approver");
        var first = review.approve(draft.id(), 1, submitted.version());
        signIn("taylor.head");
        assertThat(review.approve(draft.id(), 1, first.version()).state()).isEqualTo(PostState.SCHEDULED);
        signIn("alex.approver");

        UI.getCurrent().navigate(CalendarView.class);
        _get(CalendarView.class).show(when.toLocalDate());
        var day = _get(Div.class, spec -> spec.withId("day-" + when.toLocalDate()));
        assertThat(_find(day, Button.class)).anySatisfy(b ->
                assertThat(b.getText()).isEqualTo("11:30 @NShirePhysio Scheduled: Balance class starts on the calendar"));

        @SuppressWarnings("unchecked")
        Select<CalendarView.Span2> span = _get(Select.class, spec -> spec.withId("calendar-span"));
        span.setValue(CalendarView.Span2.MONTH);
        var inMonth = _get(Div.class, spec -> spec.withId("day-" + when.toLocalDate()));
        assertThat(_find(inMonth, Button.class)).extracting(Button::getText).anyMatch(t -> t.contains("Balance class"));
    }
}
