package org.noticeboard.ui.inbox;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.noticeboard.inbox.Assignee;
import org.noticeboard.inbox.Mention;
import org.noticeboard.inbox.MentionState;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.template.ReplyTemplate;
import org.noticeboard.ui.KaribuTest;
import org.noticeboard.ui.post.ComposerView;
import org.springframework.beans.factory.annotation.Autowired;

class InboxViewTest extends KaribuTest {

    static final String HOSTILE = "\u202Egnp.exe <script>alert('x')</script> <b>bold</b> &amp; 😀👍🏽 "
            + "Supercalifragilistic".repeat(15) + " @NorthshireNHS";

    @Autowired DSLContext db;

    /** A mention of the demo account as the poller would keep it; returns its X post id. */
    String mention(String account, String username, @Nullable String name, String text, boolean stakeholder, boolean deleted) {
        String xPostId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000_000L));
        var acc = db.selectFrom(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.HANDLE.eq(account)).fetchSingle();
        Long stakeholderId = stakeholder ? db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(acc.getOrganisationId()), STAKEHOLDER.HANDLE.eq(username))
                .fetchSingle(STAKEHOLDER.ID) : null;
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(MENTION)
                .set(MENTION.ORGANISATION_ID, acc.getOrganisationId())
                .set(MENTION.ACCOUNT_ID, acc.getId())
                .set(MENTION.X_POST_ID, xPostId)
                .set(MENTION.AUTHOR_X_USER_ID, "42" + xPostId.substring(0, 5))
                .set(MENTION.AUTHOR_USERNAME, username)
                .set(MENTION.AUTHOR_NAME, name)
                .set(MENTION.TEXT, text)
                .set(MENTION.POSTED_AT, now.minusMinutes(20))
                .set(MENTION.FETCHED_AT, now)
                .set(MENTION.STAKEHOLDER_ID, stakeholderId)
                .set(MENTION.DELETED_ON_X, deleted)
                .execute();
        return xPostId;
    }

    @SuppressWarnings("unchecked")
    Grid<Mention> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    int row(String xPostId) {
        var grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).xPostId().equals(xPostId)) {
                return i;
            }
        }
        throw new AssertionError("No row for " + xPostId);
    }

    void open(String xPostId) {
        UI.getCurrent().navigate(InboxView.class);
        grid().select(GridKt._get(grid(), row(xPostId)));
    }

    @Test
    void a_mention_from_a_known_stakeholder_is_highlighted_with_its_category_and_can_be_filtered() {
        String fromMp = mention("NorthshireNHS", "JaneDoeMP", "Jane Doe MP", "Waiting times at Eastgate " + UUID.randomUUID(),
                true, false);
        String other = mention("NorthshireNHS", "SomePatient", "Some Patient", "Parking? " + UUID.randomUUID(), false, false);
        signIn("alex.approver");
        UI.getCurrent().navigate(InboxView.class);

        Component author = GridKt._getCellComponent(grid(), row(fromMp), "author");
        assertThat(author.getElement().getTextRecursively()).contains("Jane Doe MP", "@JaneDoeMP", "MP");
        assertThat(GridKt._getCellComponent(grid(), row(other), "author").getElement().getTextRecursively())
                .doesNotContain("MP");

        _get(ComboBox.class, spec -> spec.withId("inbox-category")).setValue(StakeholderCategory.MP);
        assertThat(grid().getGenericDataView().getItems().map(Mention::xPostId).toList()).contains(fromMp).doesNotContain(other);

        grid().select(GridKt._get(grid(), row(fromMp)));
        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-stakeholder")).getElement().getTextRecursively())
                .contains("Jane Doe MP is one of your stakeholders (MP).");
    }

    @Test
    void mention_text_and_names_from_x_are_shown_as_plain_text_only() {
        String xPostId = mention("NorthshireNHS", "Hostile_1", "<img src=x onerror=alert(1)>", HOSTILE, false, false);
        signIn("alex.approver");
        open(xPostId);

        Component cell = GridKt._getCellComponent(grid(), row(xPostId), "text");
        assertThat(((Span) cell).getText()).isEqualTo(HOSTILE);
        assertPlainText(cell.getElement());
        Component author = GridKt._getCellComponent(grid(), row(xPostId), "author");
        assertThat(author.getElement().getTextRecursively()).contains("<img src=x onerror=alert(1)>");
        author.getElement().getChildren().forEach(InboxViewTest::assertPlainText);

        Paragraph text = _get(Paragraph.class, spec -> spec.withId("detail-text"));
        assertThat(text.getText()).isEqualTo(HOSTILE);
        assertPlainText(text.getElement());
    }

    /** Text nodes only: no element was made from what X sent, and nothing is set as HTML. */
    static void assertPlainText(Element element) {
        assertThat(element.getProperty("innerHTML")).isNull();
        assertThat(element.getChildren().filter(c -> !c.isTextNode()).toList()).isEmpty();
    }

    @Test
    void a_mention_is_assigned_noted_and_marked_as_needing_no_action_with_its_response_time() {
        String xPostId = mention("NorthshireNHS", "GratefulPatient", "Grateful Patient", "Thank you! " + UUID.randomUUID(),
                false, false);
        signIn("alex.approver");
        open(xPostId);

        @SuppressWarnings("unchecked")
        ComboBox<Assignee> who = _get(ComboBox.class, spec -> spec.withId("detail-assignee"));
        who.setValue(who.getListDataView().getItems().filter(a -> a.label().equals("Sam Patel")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("detail-assign")));
        NotificationsKt.expectNotifications("Assigned to Sam Patel.");
        assertThat(GridKt._getFormattedRow(grid(), row(xPostId))).contains("Assigned", "Sam Patel");

        _get(TextArea.class, spec -> spec.withId("detail-note")).setValue("Passed on to the ward manager.");
        _click(_get(Button.class, spec -> spec.withId("detail-add-note")));
        NotificationsKt.expectNotifications("Note added.");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("detail-notes")).getElement()
                .getTextRecursively()).contains("Alex Morgan", "Passed on to the ward manager.");

        @SuppressWarnings("unchecked")
        Select<MentionState> state = _get(Select.class, spec -> spec.withId("detail-state"));
        state.setValue(MentionState.NO_ACTION);
        _click(_get(Button.class, spec -> spec.withId("detail-mark")));
        NotificationsKt.expectNotifications("Marked no action needed.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-facts")).getText())
                .contains("No action needed", "First response after 20 min");
    }

    @Test
    void a_template_without_its_link_is_refused_naming_the_placeholder_and_with_it_opens_the_composer() {
        String xPostId = mention("NorthshireNHS", "UnhappyVisitor", null, "Four hours! " + UUID.randomUUID(), false, false);
        signIn("alex.approver");
        open(xPostId);

        @SuppressWarnings("unchecked")
        ComboBox<ReplyTemplate> template = _get(ComboBox.class, spec -> spec.withId("detail-template"));
        template.setValue(template.getListDataView().getItems().filter(t -> t.name().equals("Care Opinion invitation"))
                .findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("detail-reply")));
        NotificationsKt.expectNotifications(
                "The template \"Care Opinion invitation\" needs a value for {link} before it can be used.");
        assertThat(_get(TextField.class, spec -> spec.withId("placeholder-link")).isInvalid()).isTrue();

        _get(TextField.class, spec -> spec.withId("placeholder-link"))
                .setValue("https://www.careopinion.org.uk/services/eastgate");
        _click(_get(Button.class, spec -> spec.withId("detail-reply")));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ComposerView.class);
        assertThat(_get(TextArea.class, spec -> spec.withId("post-text")).getValue())
                .endsWith("reply: https://www.careopinion.org.uk/services/eastgate");
        assertThat(_get(TextField.class, spec -> spec.withId("reply-to")).getValue())
                .isEqualTo("https://x.com/UnhappyVisitor/status/" + xPostId);
    }

    @Test
    void a_mention_deleted_on_x_says_so_and_cannot_be_answered() {
        String xPostId = mention("NorthshireNHS", "Regretful", "Regretful", "Deleted later " + UUID.randomUUID(), false, true);
        signIn("alex.approver");
        open(xPostId);

        assertThat(_get(Paragraph.class, spec -> spec.withId("detail-deleted")).getText())
                .startsWith("@Regretful deleted this post on X. It can no longer be replied to");
        _assertNone(Button.class, spec -> spec.withId("detail-reply"));
        _assertNone(Button.class, spec -> spec.withId("detail-like"));
        assertThat(GridKt._getFormattedRow(grid(), row(xPostId))).contains("New (deleted on X)");
    }

    @Test
    void staff_see_their_accounts_inbox_without_like_and_repost_which_are_for_approvers() {
        String physio = mention("NShirePhysio", "RehabFan", "Rehab Fan", "Great class " + UUID.randomUUID(), false, false);
        String trust = mention("NorthshireNHS", "Elsewhere", "Elsewhere", "Not for physio " + UUID.randomUUID(), false, false);
        signIn("sam.staff");
        open(physio);

        assertThat(grid().getGenericDataView().getItems().map(Mention::xPostId).toList()).contains(physio).doesNotContain(trust);
        _get(Button.class, spec -> spec.withId("detail-reply"));
        _assertNone(Button.class, spec -> spec.withId("detail-like"));
        _assertNone(Button.class, spec -> spec.withId("detail-repost"));
    }

    @Test
    void approvers_have_like_and_repost_and_asking_for_a_repost_sends_it_for_approval() {
        String physio = mention("NShirePhysio", "RehabFan2", "Rehab Fan", "Great class " + UUID.randomUUID(), false, false);
        signIn("alex.approver");
        open(physio);
        _get(Button.class, spec -> spec.withId("detail-like"));
        _click(_get(Button.class, spec -> spec.withId("detail-repost")));
        NotificationsKt.expectNotifications("Repost sent for approval: it goes out once another approver approves it.");
        assertThat(_get(Button.class, spec -> spec.withId("detail-repost")).isEnabled()).isFalse();
    }
}
