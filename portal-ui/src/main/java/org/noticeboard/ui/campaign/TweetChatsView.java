package org.noticeboard.ui.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.member.MemberService;
import org.noticeboard.post.PostService;
import org.noticeboard.tweetchat.ChatPlan;
import org.noticeboard.tweetchat.ChatQuestion;
import org.noticeboard.tweetchat.TweetChat;
import org.noticeboard.tweetchat.TweetChatService;
import org.noticeboard.ui.shell.Feedback;

/**
 * Tweet chats (seed 000): staff plan the questions of an hour at set times, submit them together;
 * an approver approves the whole series with one action; the publisher sends each at its time.
 */
@Route("tweet-chats")
@PageTitle("Tweet chats | Noticeboard")
@RolesAllowed({"STAFF", "APPROVER"})
public class TweetChatsView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private final TweetChatService chats;
    private final Grid<TweetChat> grid = new Grid<>();
    private final boolean approver;

    public TweetChatsView(TweetChatService chats, PostService posts, CampaignService campaigns, MemberService members) {
        this.chats = chats;
        var roles = members.me().grants().stream().map(g -> g.role()).toList();
        this.approver = roles.contains(Role.APPROVER);
        add(new H2("Tweet chats"));
        add(new Paragraph("A tweet chat is an hour of questions, Q1 to Qn, each with the chat's hashtag. Every question is "
                + "an ordinary post: checked against the policy, approved through the account's workflow (all together), "
                + "and published at its time."));
        grid.setId("tweet-chats-grid");
        grid.addColumn(TweetChat::title).setHeader("Chat").setAutoWidth(true);
        grid.addColumn(TweetChat::accountHandle).setHeader("Account").setAutoWidth(true);
        grid.addColumn(c -> WHEN.format(c.startsAt()) + "–" + c.endsAt().toLocalTime()).setHeader("When").setAutoWidth(true);
        grid.addColumn(c -> String.valueOf(c.questions().size())).setHeader("Questions").setAutoWidth(true);
        grid.addColumn(c -> c.commonState() == null ? "Mixed: " + String.join(", ", c.questions().stream()
                .map(q -> "Q" + q.number() + " " + q.state().label()).toList()) : c.commonState().label())
                .setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            var actions = new HorizontalLayout();
            if (c.questions().stream().anyMatch(q -> q.state().editableByAuthor())) {
                var submit = new Button("Submit all", e -> act(() -> chats.submit(c.id()), "Submitted \"" + c.title() + "\" for approval."));
                submit.setId("chat-submit-" + c.id());
                actions.add(submit);
            }
            // offered only to those who may approve every waiting question now (not their author, nobody twice)
            if (approver && chats.whyNotApproveAll(c.id()).isEmpty()) {
                var approve = new Button("Approve all", e -> act(() -> chats.approveAll(c.id()),
                        "Approved the questions of \"" + c.title() + "\"."));
                approve.setId("chat-approve-" + c.id());
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(approve);
            }
            return actions;
        }).setHeader("Actions").setKey("actions").setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> new Paragraph(String.join(" · ",
                c.questions().stream().map(q -> (q.at() == null ? "" : q.at().toLocalTime() + " ") + q.text()).toList()))));
        grid.setAllRowsVisible(true);
        add(grid);
        if (roles.contains(Role.STAFF)) {
            add(planForm(posts.writableAccounts(), campaigns.list()));
        }
        refresh();
    }

    private VerticalLayout planForm(List<OfficialAccount> accounts, List<Campaign> campaignList) {
        var account = new ComboBox<OfficialAccount>("Account");
        account.setId("chat-account");
        account.setItems(accounts);
        account.setItemLabelGenerator(a -> a.handle().toString());
        if (!accounts.isEmpty()) {
            account.setValue(accounts.getFirst());
        }
        var campaign = new ComboBox<Campaign>("Campaign");
        campaign.setId("chat-campaign");
        campaign.setItems(campaignList);
        campaign.setItemLabelGenerator(Campaign::name);
        campaign.setClearButtonVisible(true);
        var title = new TextField("Title");
        title.setId("chat-title");
        var hashtag = new TextField("Hashtag");
        hashtag.setId("chat-hashtag");
        hashtag.setPlaceholder("#physiotalk");
        var day = new DatePicker("Day");
        day.setId("chat-day");
        var start = new TimePicker("First question at");
        start.setId("chat-start");
        start.setValue(LocalTime.of(20, 0));
        var gap = new IntegerField("Minutes between questions");
        gap.setId("chat-gap");
        gap.setValue(10);
        gap.setMin(2);
        var questions = new TextArea("Questions, one per line");
        questions.setId("chat-questions");
        questions.setWidth("48em");
        questions.setHelperText("Q1, Q2... and the hashtag are added to each question.");
        var justification = new TextField("Justification for any policy warning");
        justification.setId("chat-justification");
        justification.setWidth("48em");
        var plan = new Button("Plan tweet chat", e -> {
            var lines = questions.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            var planned = new ArrayList<ChatQuestion>();
            for (int i = 0; i < lines.size(); i++) {
                LocalDateTime at = day.getValue() == null || start.getValue() == null ? null
                        : day.getValue().atTime(start.getValue()).plusMinutes((long) i * (gap.getValue() == null ? 10 : gap.getValue()));
                planned.add(new ChatQuestion(lines.get(i), at));
            }
            @Nullable Long accountId = account.getValue() == null ? null : account.getValue().id();
            if (accountId == null) {
                Feedback.error("Choose the account that hosts the chat.");
                return;
            }
            if (Feedback.attempt(() -> chats.plan(new ChatPlan(accountId, campaign.getValue() == null ? null : campaign.getValue().id(),
                    title.getValue(), hashtag.getValue(), planned, justification.getValue())),
                    Map.of("title", title, "hashtag", hashtag, "questions", questions))) {
                Feedback.success("Tweet chat \"" + title.getValue().strip() + "\" planned with " + planned.size()
                        + " questions. Submit them for approval when they are ready.");
                title.clear();
                questions.clear();
                refresh();
            }
        });
        plan.setId("chat-plan");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row1 = new HorizontalLayout(account, campaign, title, hashtag);
        var row2 = new HorizontalLayout(day, start, gap);
        for (var row : List.of(row1, row2)) {
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
        }
        var form = new VerticalLayout(new H3("Plan a tweet chat"), row1, row2, questions, justification, plan);
        form.setPadding(false);
        return form;
    }

    private void act(Runnable action, String done) {
        if (Feedback.attempt(action)) {
            Feedback.success(done);
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(chats.list());
    }
}
