package org.noticeboard.ui.campaign;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignPost;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.tweetchat.TweetChat;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class CampaignsViewTest extends KaribuTest {

    @Autowired CampaignService campaigns;

    @SuppressWarnings("unchecked")
    static <T> List<T> rows(String id) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withId(id));
        var rows = new ArrayList<T>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static int actionCount(TweetChat chat, String idPrefix) {
        Grid<TweetChat> grid = _get(Grid.class, spec -> spec.withId("tweet-chats-grid"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() == chat.id()) {
                var cell = GridKt._getCellComponent(grid, i, "actions");
                return _find(cell, Button.class, spec -> spec.withId(idPrefix + chat.id())).size();
            }
        }
        throw new AssertionError("No row for " + chat.title());
    }

    static void clickAction(TweetChat chat, String idPrefix) {
        Grid<TweetChat> grid = _get(Grid.class, spec -> spec.withId("tweet-chats-grid"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() == chat.id()) {
                var cell = GridKt._getCellComponent(grid, i, "actions");
                var buttons = _find(cell, Button.class, spec -> spec.withId(idPrefix + chat.id()));
                assertThat(buttons).as("%s in %s", idPrefix, states(chat)).hasSize(1);
                _click(buttons.getFirst());
                return;
            }
        }
        throw new AssertionError("No row for " + chat.title());
    }

    static String states(TweetChat chat) {
        return CampaignsViewTest.<TweetChat>rows("tweet-chats-grid").stream().filter(c -> c.id() == chat.id())
                .map(c -> c.questions().toString()).findFirst().orElse("no row");
    }

    @Test
    void an_approver_creates_a_campaign_with_its_goal_and_a_malformed_hashtag_is_explained() {
        signIn("alex.approver");
        UI.getCurrent().navigate(CampaignsView.class);
        String name = "Back pain month " + UUID.randomUUID().toString().substring(0, 6);

        _get(TextField.class, spec -> spec.withId("campaign-name")).setValue(name);
        var hashtags = _get(TextField.class, spec -> spec.withId("campaign-hashtags"));
        hashtags.setValue("#BackPain back-pain");
        _click(_get(Button.class, spec -> spec.withId("campaign-create")));
        assertThat(hashtags.isInvalid()).isTrue();
        assertThat(hashtags.getErrorMessage()).contains("\"back-pain\" is not a hashtag");
        NotificationsKt.clearNotifications();

        hashtags.setValue("#BackPain #PhysioWorks");
        _get(DatePicker.class, spec -> spec.withId("campaign-starts")).setValue(LocalDate.of(2026, 10, 1));
        _get(DatePicker.class, spec -> spec.withId("campaign-ends")).setValue(LocalDate.of(2026, 10, 31));
        _get(TextArea.class, spec -> spec.withId("campaign-goal")).setValue("Halve the calls about back pain");
        _click(_get(Button.class, spec -> spec.withId("campaign-create")));

        NotificationsKt.expectNotifications("Campaign \"" + name + "\" created.");
        assertThat(CampaignsViewTest.<Campaign>rows("campaigns-grid")).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.hashtags()).containsExactly("#BackPain", "#PhysioWorks");
            assertThat(c.goal()).isEqualTo("Halve the calls about back pain");
        });
    }

    @Test
    void staff_see_the_campaigns_but_cannot_create_one() {
        signIn("sam.staff");
        UI.getCurrent().navigate(CampaignsView.class);

        assertThat(CampaignsViewTest.<Campaign>rows("campaigns-grid")).extracting(Campaign::name).contains("Falls Awareness Week");
        _assertNone(Button.class, spec -> spec.withId("campaign-create"));
    }

    @Test
    void a_campaign_page_shows_its_goal_its_posts_with_engagement_and_a_link_to_its_impact() {
        signIn("alex.approver");
        long falls = campaigns.list().stream().filter(c -> c.name().equals("Falls Awareness Week")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate("campaigns/" + falls);

        assertThat(_get(H2.class, spec -> spec.withId("campaign-title")).getText()).isEqualTo("Falls Awareness Week");
        assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-goal-text")).getText()).startsWith("Goal: Three ICBs");
        assertThat(CampaignsViewTest.<CampaignPost>rows("campaign-posts")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.state()).isEqualTo("PUBLISHED"))
                .anySatisfy(p -> assertThat(p.engagements()).isPositive());
        assertThat(_get(Anchor.class, spec -> spec.withId("campaign-impact")).getHref()).isEqualTo("impact?campaign=" + falls);
    }

    @Test
    void an_unknown_campaign_is_said_to_be_missing() {
        signIn("alex.approver");
        UI.getCurrent().navigate("campaigns/999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("campaign-missing")).getText())
                .isEqualTo("There is no such campaign in your organisation.");
    }

    @Test
    void staff_plan_a_tweet_chat_and_an_approver_approves_the_whole_series_with_one_click() {
        signIn("sam.staff");
        UI.getCurrent().navigate(TweetChatsView.class);
        String title = "Chat " + UUID.randomUUID().toString().substring(0, 6);
        _get(TextField.class, spec -> spec.withId("chat-title")).setValue(title);
        _get(TextField.class, spec -> spec.withId("chat-hashtag")).setValue("#physiotalk");
        _get(TextArea.class, spec -> spec.withId("chat-questions")).setValue("Who do you follow?\nWhat works for you?");
        // 8 pm is outside the demo's publishing hours
        _get(TextField.class, spec -> spec.withId("chat-justification")).setValue("The chat runs 8 to 9 pm, when clinicians can join.");

        _get(DatePicker.class, spec -> spec.withId("chat-day")).setValue(LocalDate.now().minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("chat-plan")));
        NotificationsKt.expectNotifications("Q1's time, " + java.time.format.DateTimeFormatter.ofPattern(
                "EEEE d MMMM yyyy 'at' HH:mm", java.util.Locale.UK).format(LocalDate.now().minusDays(1).atTime(20, 0))
                + ", has already passed: choose a time in the future.");

        _get(DatePicker.class, spec -> spec.withId("chat-day")).setValue(LocalDate.now().plusDays(50 + (title.hashCode() & 15)));
        _click(_get(Button.class, spec -> spec.withId("chat-plan")));
        TweetChat chat = CampaignsViewTest.<TweetChat>rows("tweet-chats-grid").stream()
                .filter(c -> c.title().equals(title)).findFirst().orElseThrow();
        assertThat(chat.questions()).extracting(TweetChat.Question::text)
                .containsExactly("Q1 Who do you follow? #physiotalk", "Q2 What works for you? #physiotalk");
        clickAction(chat, "chat-submit-");
        assertThat(CampaignsViewTest.<TweetChat>rows("tweet-chats-grid").stream().filter(c -> c.id() == chat.id())
                .findFirst().orElseThrow().questions()).extracting(q -> q.state().name()).containsOnly("IN_REVIEW");

        signIn("alex.approver");
        // away and back: navigating to the route already shown would keep the previous member's view
        UI.getCurrent().navigate(CampaignsView.class);
        UI.getCurrent().navigate(TweetChatsView.class);
        clickAction(chat, "chat-approve-");
        UI.getCurrent().navigate(CampaignsView.class);
        UI.getCurrent().navigate(TweetChatsView.class);
        assertThat(actionCount(chat, "chat-approve-")).as("alex decided step 1: step 2 is not offered to them").isZero();
        // @NShirePhysio's workflow has a second step: the head of communications
        signIn("taylor.head");
        UI.getCurrent().navigate(CampaignsView.class);
        UI.getCurrent().navigate(TweetChatsView.class);
        clickAction(chat, "chat-approve-");
        TweetChat approved = CampaignsViewTest.<TweetChat>rows("tweet-chats-grid").stream()
                .filter(c -> c.id() == chat.id()).findFirst().orElseThrow();
        assertThat(approved.commonState()).isEqualTo(org.noticeboard.post.PostState.SCHEDULED);
    }
}
