package org.noticeboard.ui.post;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.policy.Severity;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class ComposerViewTest extends KaribuTest {

    static final String VALID_NHS_NUMBER = "943 476 5919";

    @Autowired PostService posts;

    @BeforeEach
    void open() {
        signIn("sam.staff");
        UI.getCurrent().navigate(ComposerView.class);
    }

    private ComposerView view() {
        return _get(ComposerView.class);
    }

    private void type(String text) {
        _get(TextArea.class, spec -> spec.withId("post-text")).setValue(text);
    }

    private Button submit() {
        return _get(Button.class, spec -> spec.withId("submit-post"));
    }

    @Test
    void staff_write_only_for_the_accounts_their_roles_allow() {
        @SuppressWarnings("unchecked")
        Select<OfficialAccount> account = _get(Select.class, spec -> spec.withId("post-account"));
        assertThat(account.getListDataView().getItems().map(a -> a.handle().toString())).containsExactly("@NShirePhysio");
        assertThat(account.getValue().handle().value()).isEqualTo("NShirePhysio");
    }

    @Test
    void typing_shows_the_weighted_count_and_the_preview() {
        type("Join our falls clinic https://www.example.nhs.uk/falls");
        assertThat(_get(Span.class, spec -> spec.withId("post-counter")).getText()).endsWith(" / 280");
        assertThat(view().lastCheck().weightedLength()).isPositive();
        String preview = _get(Div.class, spec -> spec.withId("post-preview")).getElement().getOuterHTML();
        assertThat(preview).contains("Northshire Physiotherapy").contains("@NShirePhysio").contains("falls clinic");
    }

    @Test
    void an_nhs_number_shows_a_block_highlights_it_and_disables_submit() {
        type("Great to see patient " + VALID_NHS_NUMBER + " walking again");
        assertThat(view().lastCheck().blocked()).isTrue();
        assertThat(view().lastCheck().findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("nhs-number");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        });
        var findings = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("post-findings"));
        assertThat(findings.getElement().getTextRecursively()).contains("BLOCK").contains("Guidance: Respect confidentiality");
        assertThat(_get(Div.class, spec -> spec.withId("post-highlighted")).getElement().getOuterHTML())
                .contains(">" + VALID_NHS_NUMBER + "</mark>");
        assertThat(submit().isEnabled()).isFalse();

        type("Great to see our patients walking again");
        assertThat(submit().isEnabled()).isTrue();
    }

    @Test
    void a_warning_needs_a_justification_before_submit_is_enabled_and_then_submits() {
        type("We won the award!!! Thank you all");
        assertThat(view().lastCheck().warnings()).isNotEmpty();
        assertThat(submit().isEnabled()).isFalse();
        for (TextField justify : _find(TextField.class, spec -> spec.withPredicate(f -> f.getId().orElse("").startsWith("justify-")))) {
            justify.setValue("Celebrating the team's award; joyful, not angry.");
        }
        assertThat(submit().isEnabled()).isTrue();
        _click(submit());
        NotificationsKt.expectNotifications("Submitted for approval. You will find it under My posts.");
        var mine = posts.mine();
        assertThat(mine.getFirst().state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(posts.get(mine.getFirst().id()).current().findings())
                .filteredOn(f -> f.finding().severity() == Severity.WARN)
                .allSatisfy(f -> assertThat(f.justification()).isEqualTo("Celebrating the team's award; joyful, not angry."));

        var withdraw = _get(Button.class, spec -> spec.withId("withdraw-post"));
        assertThat(withdraw.isVisible()).isTrue();
        _click(withdraw);
        assertThat(posts.get(mine.getFirst().id()).state()).isEqualTo(PostState.WITHDRAWN);
    }

    @Test
    void a_reply_target_that_is_not_an_x_post_is_marked_where_it_was_typed() {
        type("Thank you for the kind words");
        var replyTo = _get(TextField.class, spec -> spec.withId("reply-to"));
        replyTo.setValue("https://example.com/not-a-post");
        _click(_get(Button.class, spec -> spec.withId("save-draft")));
        assertThat(replyTo.isInvalid()).isTrue();
        assertThat(replyTo.getErrorMessage()).contains("is not the address of a post on X");
        assertThat(posts.mine()).noneMatch(p -> p.excerpt().startsWith("Thank you for the kind words"));
    }

    @Test
    void a_time_in_the_past_is_refused_on_its_field_and_a_future_one_is_kept() {
        type("Our clinic's new opening hours");
        var when = _get(com.vaadin.flow.component.datetimepicker.DateTimePicker.class, spec -> spec.withId("post-schedule"));
        when.setValue(java.time.LocalDateTime.now().minusDays(1).withSecond(0).withNano(0));
        _click(_get(Button.class, spec -> spec.withId("save-draft")));
        assertThat(when.isInvalid()).isTrue();
        assertThat(when.getErrorMessage()).contains("has already passed");

        var tomorrow = java.time.LocalDateTime.now().plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0);
        when.setValue(tomorrow);
        _click(_get(Button.class, spec -> spec.withId("save-draft")));
        assertThat(posts.get(posts.mine().getFirst().id()).scheduledAt().toLocalDateTime()).isEqualTo(tomorrow);
    }

    @Test
    void a_saved_draft_opens_again_with_its_text_and_justifications() {
        type("Drafting a post about our new hydrotherapy pool");
        _click(_get(Button.class, spec -> spec.withId("save-draft")));
        long id = posts.mine().getFirst().id();
        UI.getCurrent().navigate(ComposerView.class, new RouteParameters("postId", String.valueOf(id)));
        assertThat(_get(TextArea.class, spec -> spec.withId("post-text")).getValue())
                .isEqualTo("Drafting a post about our new hydrotherapy pool");
        assertThat(_get(Span.class, spec -> spec.withId("post-status")).getText()).startsWith("Draft, revision 1");
    }
}
