package org.noticeboard.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.noticeboard.ui.account.OfficialAccountsView;
import org.noticeboard.ui.account.WorkflowView;
import org.noticeboard.ui.audit.AuditTrailView;
import org.noticeboard.ui.audit.ComplianceView;
import org.noticeboard.ui.audit.PolicyHistoryView;
import org.noticeboard.ui.audit.PostDossierView;
import org.noticeboard.ui.audit.PostDossiersView;
import org.noticeboard.ui.audit.PreElectionPeriodsView;
import org.noticeboard.ui.campaign.CampaignView;
import org.noticeboard.ui.campaign.CampaignsView;
import org.noticeboard.ui.campaign.TweetChatsView;
import org.noticeboard.ui.department.DepartmentsView;
import org.noticeboard.ui.impact.ImpactView;
import org.noticeboard.ui.inbox.InboxView;
import org.noticeboard.ui.listsync.ListSyncView;
import org.noticeboard.ui.listsync.SyncRequestsView;
import org.noticeboard.ui.member.MembersView;
import org.noticeboard.ui.notification.NotificationsView;
import org.noticeboard.ui.policy.GuidanceView;
import org.noticeboard.ui.policy.PolicyView;
import org.noticeboard.ui.post.ComposerView;
import org.noticeboard.ui.post.MyPostsView;
import org.noticeboard.ui.review.CalendarView;
import org.noticeboard.ui.review.ReplyTemplatesView;
import org.noticeboard.ui.review.ReviewPostView;
import org.noticeboard.ui.review.ReviewQueueView;
import org.noticeboard.ui.sandbox.SandboxTimelineView;
import org.noticeboard.ui.security.LoginView;
import org.noticeboard.ui.shell.HomeView;
import org.noticeboard.ui.stakeholder.FollowListView;
import org.noticeboard.ui.stakeholder.FollowListsView;
import org.noticeboard.ui.stakeholder.PublicListView;
import org.noticeboard.ui.stakeholder.StakeholderImportView;
import org.noticeboard.ui.stakeholder.StakeholdersView;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.TestPropertySource;

/**
 * WCAG 2.2 AA in the browser. axe-core checks every Vaadin route (found on the class path, so a new
 * view fails this test until it is walked here) in its main states, as a member whose role opens it:
 * forms empty and refused with their messages, dialogs open, grids with rows, the composer with
 * policy findings, the public list without signing in. No serious or critical violation may be
 * left; the summary goes to target/accessibility-report.txt. Then the main journey is walked with
 * the keyboard only: a member of staff signs in, writes a post and submits it, and the two approvers
 * of its account open it from their review queue and approve it.
 */
// publishing held: the approved post stays SCHEDULED, and no background task changes a page being checked;
// noticeboard.journey only gives this test a portal (and database) of its own, apart from ApprovalJourneyIT's
@TestPropertySource(properties = {"noticeboard.x.publishing.enabled=false", "noticeboard.journey=accessibility"})
class AccessibilityIT extends JourneyTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");
    static final Path REPORT = Path.of("target/accessibility-report.txt");
    static final Path KEYBOARD_REPORT = Path.of("target/accessibility-keyboard.txt");
    /** What the same walk found before the fixes on this branch, as recorded then (see the file). */
    static final String BASELINE = "/accessibility-baseline.txt";

    /**
     * Violations the application cannot fix, each with why: none so far. A rule is only ever left
     * out for one element (its selector contains {@code target}), never for a whole page.
     */
    static final List<Exclusion> EXCLUSIONS = List.of();

    record Exclusion(String rule, String target, String reason) {}

    record Found(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n        at " + String.join("\n        at ", targets);
        }
    }

    record Checked(Class<?> view, String who, String state, String path, String title, String lang, int passed,
            List<String> toReview, List<Found> blocking, List<Found> other, List<Found> excluded) {}

    private final List<Checked> checked = new ArrayList<>();

    /** Pages here are drawn with a slow server now and then (charts, the machine shared): wait longer than 5 s. */
    @org.junit.jupiter.api.BeforeEach
    void patient() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @org.junit.jupiter.api.AfterEach
    void usual() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }
    private final Map<String, BrowserContext> contexts = new LinkedHashMap<>();

    // ------------------------------------------------------------------ the views

    @Test
    void every_view_in_its_main_states_has_no_serious_or_critical_violation() {
        Map<Class<?>, String> routes = routes();
        var broken = new ArrayList<String>();
        try {
            // each member's walk goes on after another's broke, so that one run shows every problem
            for (Runnable walk : List.<Runnable>of(this::anonymous, this::accountAdmin, this::staff, this::curator,
                    this::approver, this::organisationAdmin, this::auditor)) {
                try {
                    walk.run();
                } catch (AssertionError | RuntimeException e) {
                    broken.add(e.toString().lines().limit(6).collect(Collectors.joining("\n")));
                    contexts.forEach((who, context) -> context.pages().forEach(p -> p.screenshot(new Page.ScreenshotOptions()
                            .setPath(Path.of("target/accessibility-broken-" + broken.size() + "-" + who + ".png")).setFullPage(true))));
                }
            }
        } finally {
            contexts.values().forEach(BrowserContext::close);
            writeReport(routes);
        }
        org.assertj.core.api.Assertions.assertThat(broken).as("walks that could not reach a state").isEmpty();
        var visited = checked.stream().map(Checked::view).collect(Collectors.toSet());
        var missing = routes.keySet().stream().filter(v -> !visited.contains(v)).map(Class::getSimpleName).sorted().toList();
        org.assertj.core.api.Assertions.assertThat(missing).as("routes this test does not visit: walk them in a state of theirs")
                .isEmpty();
        var failures = checked.stream().filter(c -> !c.blocking().isEmpty())
                .map(c -> c.view().getSimpleName() + " [" + c.state() + "] as " + c.who() + " (" + c.path() + "):\n    "
                        + c.blocking().stream().map(Found::toString).collect(Collectors.joining("\n    ")))
                .toList();
        org.assertj.core.api.Assertions.assertThat(failures)
                .as("serious or critical WCAG 2.2 AA violations (full list in " + REPORT + ")").isEmpty();
    }

    private void anonymous() {
        Page page = page("anonymous");
        page.navigate(url("/login"));
        assertThat(page.locator("#demo-users")).containsText("olu.admin");
        check(page, LoginView.class, "anonymous", "sign-in form and the demo members");
        page.getByLabel("Sign-in name").fill("olu.admin");
        page.locator("input[name=password]").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByText("Sign-in name or password not recognised")).isVisible();
        check(page, LoginView.class, "anonymous", "a wrong password explained");
        page.navigate(url("/login?expired"));
        assertThat(page.locator("#login-notice")).isVisible();
        check(page, LoginView.class, "anonymous", "the session-ended notice");
        page.navigate(url("/sign-in-refused"));
        assertThat(page.locator("#sign-in-refused-reason")).isVisible();
        check(page, org.noticeboard.ui.security.SignInRefusedView.class, "anonymous", "a sign-in the organisation refused");

        String token = db.select(FOLLOW_LIST.PUBLIC_TOKEN).from(FOLLOW_LIST).where(FOLLOW_LIST.NAME.eq("Health think tanks"))
                .fetchSingle(FOLLOW_LIST.PUBLIC_TOKEN);
        page.navigate(url("/public/lists/" + token));
        assertThat(page.locator("#public-members")).containsText("@TheKingsFund");
        check(page, PublicListView.class, "anonymous", "a list shared by public link");
        page.navigate(url("/public/lists/no-such-token"));
        assertThat(page.locator("#public-missing")).isVisible();
        check(page, PublicListView.class, "anonymous", "a link that no longer works");
    }

    private void accountAdmin() {
        String who = "ash.accounts";
        Page page = page(who);
        page.navigate(url("/accounts"));
        assertThat(page.locator("#accounts")).containsText("@NShirePhysio");
        check(page, OfficialAccountsView.class, who, "the accounts, none connected");
        page.locator("#register-account").click();
        assertThat(page.locator("#account-handle")).isVisible();
        check(page, OfficialAccountsView.class, who, "the register dialog");
        page.locator("#save-account").click();
        refused(page);
        check(page, OfficialAccountsView.class, who, "the register dialog refusing an empty handle");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        // connected on the X sandbox's consent page: the inbox, the sync and the disconnect button need it
        page.locator("#connect-NShirePhysio").click();
        page.locator("#username").selectOption("NShirePhysio");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize app")).click();
        assertThat(page.locator("#accounts")).containsText("Connected as @NShirePhysio");
        check(page, OfficialAccountsView.class, who, "an account connected, with the notice");
        page.locator("#disconnect-NShirePhysio").click();
        assertThat(page.getByText("Noticeboard revokes the account's tokens at X")).isVisible();
        check(page, OfficialAccountsView.class, who, "the disconnect confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        long physio = account("NShirePhysio");
        page.navigate(url("/accounts/" + physio + "/workflow"));
        assertThat(page.locator("#workflow-steps")).isVisible();
        check(page, WorkflowView.class, who, "a two-step workflow with its versions");

        page.navigate(url("/list-syncs"));
        assertThat(page.locator("#sync-requests")).containsText("Nothing is waiting");
        check(page, SyncRequestsView.class, who, "nothing waiting");
    }

    private void staff() {
        String who = "sam.staff";
        Page page = page(who);
        page.navigate(url("/"));
        assertThat(page.locator("#home-roles")).isVisible();
        check(page, HomeView.class, who, "roles and the way to each page");

        page.navigate(url("/compose"));
        assertThat(page.locator("#no-findings")).isVisible();
        check(page, ComposerView.class, who, "empty");
        var text = page.locator("#post-text textarea");
        text.fill("Lovely to see patient 943 476 5919 back on her feet!!!");
        assertThat(page.locator("#post-findings")).containsText("BLOCK");
        assertThat(page.locator("#post-highlighted mark").first()).isVisible();
        check(page, ComposerView.class, who, "a BLOCK and a WARN finding, highlighted, with the justification field");
        Path image = image();
        page.locator("#image-upload input[type=file]").setInputFiles(image);
        assertThat(page.locator("#alt-0")).isVisible();
        check(page, ComposerView.class, who, "an image waiting for its alt text");
        page.locator("#alt-0 textarea").fill("A physiotherapist helping a patient practise standing up");
        text.fill("Lovely to see our falls clinic patients back on their feet!!!");
        assertThat(page.locator("#post-findings")).not().containsText("BLOCK");
        page.locator("[id^=justify-] input").first().fill("Celebrating our patients' progress; joyful, not angry.");
        assertThat(page.locator("#submit-post")).isEnabled();
        page.locator("#submit-post").click();
        assertThat(page.locator("#post-status")).containsText("In review");
        check(page, ComposerView.class, who, "submitted: in review, with Withdraw and the notice");

        page.navigate(url("/posts"));
        assertThat(page.locator("#my-posts")).containsText("In review");
        check(page, MyPostsView.class, who, "with a post in review");

        page.navigate(url("/calendar"));
        assertThat(page.locator("#calendar-days")).isVisible();
        check(page, CalendarView.class, who, "this week");
        page.locator("#calendar-span").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Month")).click();
        assertThat(page.locator("#calendar-title")).not().containsText("Week of");
        check(page, CalendarView.class, who, "this month");

        page.navigate(url("/guidance/confidentiality"));
        assertThat(page.locator("#guidance-confidentiality.highlighted")).isVisible();
        check(page, GuidanceView.class, who, "a section highlighted, as a finding links to it");

        page.navigate(url("/campaigns"));
        assertThat(page.locator("#campaigns-grid")).containsText("Falls Awareness Week");
        check(page, CampaignsView.class, who, "the campaigns");
        page.locator("#campaigns-grid").getByText("Falls Awareness Week").click();
        assertThat(page.locator("#campaign-posts")).isVisible();
        check(page, CampaignView.class, who, "a campaign with its published posts");
        page.navigate(url("/campaigns/999999"));
        assertThat(page.locator("#campaign-missing")).isVisible();
        check(page, CampaignView.class, who, "no such campaign");

        page.navigate(url("/tweet-chats"));
        assertThat(page.locator("#tweet-chats-grid")).containsText("Strategic influencing");
        check(page, TweetChatsView.class, who, "a planned chat and the plan form");
        page.locator("#chat-plan").click();
        refused(page);
        check(page, TweetChatsView.class, who, "an empty plan refused");

        page.navigate(url("/sandbox-timeline"));
        assertThat(page.locator("#timeline")).isVisible();
        check(page, SandboxTimelineView.class, who, "the timeline and the play-someone-else form");
        page.locator("#simulate-post").click();
        assertThat(page.locator("#simulate-handle[invalid]")).isVisible();
        check(page, SandboxTimelineView.class, who, "a post without a handle refused");
        page.locator("#simulate-handle input").fill("JaneDoeMP");
        page.locator("#simulate-text textarea").fill("@NShirePhysio when does the falls clinic open? (accessibility check)");
        page.locator("#simulate-post").click();
        assertThat(page.getByText("Posted as @JaneDoeMP.")).isVisible();

        page.navigate(url("/inbox"));
        page.locator("#inbox-check-now").click();
        Locator mention = page.locator("#inbox-grid").getByText("when does the falls clinic open?");
        assertThat(mention).isVisible();
        check(page, InboxView.class, who, "a stakeholder's mention listed");
        mention.click();
        assertThat(page.locator("#detail-stakeholder")).isVisible();
        check(page, InboxView.class, who, "a mention opened: triage, notes and the answer");

        page.navigate(url("/stakeholders"));
        assertThat(page.locator("#stakeholders")).containsText("@AgeUK");
        check(page, StakeholdersView.class, who, "the directory, read-only");
        page.locator("#open-AgeUK").click();
        assertThat(page.locator("#close-stakeholder")).isVisible();
        check(page, StakeholdersView.class, who, "a stakeholder's details dialog");

        page.navigate(url("/lists"));
        assertThat(page.locator("#lists")).containsText("National NHS bodies");
        check(page, FollowListsView.class, who, "the lists shared with the organisation");
    }

    private void curator() {
        String who = "cara.curator";
        Page page = page(who);
        page.navigate(url("/stakeholders"));
        assertThat(page.locator("#stakeholders")).containsText("@AgeUK");
        check(page, StakeholdersView.class, who, "the directory with selection and actions");
        page.locator("#add-stakeholder").click();
        assertThat(page.locator("#stakeholder-handle")).isVisible();
        check(page, StakeholdersView.class, who, "the add dialog");
        page.locator("#save-stakeholder").click();
        refused(page);
        check(page, StakeholdersView.class, who, "the add dialog refusing an empty entry");
        page.locator("#close-stakeholder").click();

        page.navigate(url("/stakeholders/import"));
        assertThat(page.locator("#csv-upload")).isVisible();
        check(page, StakeholderImportView.class, who, "waiting for a file");
        page.locator("#csv-upload input[type=file]").setInputFiles(csv("""
                Twitter,Full name,Type
                @TheKingsFund,The King's Fund,think tank
                NewVoiceForCare,A New Voice for Care,charity
                not a handle!,Nobody,charity
                """));
        assertThat(page.locator("#import-summary")).containsText("1 to add");
        check(page, StakeholderImportView.class, who, "a preview with rows to add, merge and refuse");
        page.locator("#import-commit").click();
        assertThat(page.locator("#import-done")).isVisible();
        check(page, StakeholderImportView.class, who, "imported, with what to do next");
        page.navigate(url("/stakeholders/import"));
        page.locator("#csv-upload input[type=file]").setInputFiles(csv("just one line without a header\n"));
        assertThat(page.locator("#import-problem")).isVisible();
        check(page, StakeholderImportView.class, who, "a file refused, with why");

        page.navigate(url("/lists"));
        assertThat(page.locator("#new-list")).isVisible();
        check(page, FollowListsView.class, who, "the department's lists, with New list");
        page.locator("#new-list").click();
        assertThat(page.locator("#list-name-field")).isVisible();
        check(page, FollowListsView.class, who, "the new list dialog");
        page.locator("#create-list").click();
        refused(page);
        check(page, FollowListsView.class, who, "the new list dialog refusing an empty name");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        long care = list("Older people's care");
        page.navigate(url("/lists/" + care));
        assertThat(page.locator("#members")).containsText("@AgeUK");
        check(page, FollowListView.class, who, "an editable list: add members, who sees it, history");
        page.locator("#add-member").click();
        assertThat(page.locator("#member-to-add[invalid]")).isVisible();
        check(page, FollowListView.class, who, "adding nobody refused");
        page.navigate(url("/lists/" + list("Health think tanks")));
        assertThat(page.locator("#public-url")).isVisible();
        check(page, FollowListView.class, who, "a list shared by public link, with its link");

        page.navigate(url("/lists/" + care + "/sync"));
        assertThat(page.locator("#request-sync")).isVisible();
        check(page, ListSyncView.class, who, "the request form");
        page.locator("#request-sync").click();
        assertThat(page.locator("#sync-account[invalid]")).isVisible();
        check(page, ListSyncView.class, who, "a request without an account refused");
        page.locator("#sync-account input").fill("NShirePhysio");
        page.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("@NShirePhysio")).first().click();
        page.locator("#request-sync").click();
        assertThat(page.locator(".list-sync").first()).isVisible();
        check(page, ListSyncView.class, who, "a sync waiting for approval, with its progress bar");

        Page pia = page("pia.curator");
        pia.navigate(url("/lists/" + list("National NHS bodies")));
        assertThat(pia.locator("#changes-since")).isVisible();
        check(pia, FollowListView.class, "pia.curator", "another department's list subscribed to, with what changed");

        Page ash = page("ash.accounts");
        ash.navigate(url("/list-syncs"));
        assertThat(ash.locator("#sync-requests .list-sync").first()).isVisible();
        check(ash, SyncRequestsView.class, "ash.accounts", "a request waiting for approval");
    }

    private void approver() {
        String who = "alex.approver";
        Page page = page(who);
        page.navigate(url("/notifications"));
        assertThat(page.locator("#notifications")).containsText("waits for your review");
        check(page, NotificationsView.class, who, "posts waiting for review");

        page.navigate(url("/review"));
        assertThat(page.locator("#review-queue")).containsText("falls clinic patients");
        check(page, ReviewQueueView.class, who, "posts waiting, with the filters");
        page.locator("#review-queue").getByText("falls clinic patients").click();
        assertThat(page.locator("#approve-post")).isVisible();
        check(page, ReviewPostView.class, who, "a post with a justified warning and an image");
        page.locator("#reject-post").click();
        refused(page);
        check(page, ReviewPostView.class, who, "rejecting without a reason refused");

        page.navigate(url("/templates"));
        assertThat(page.locator("#templates")).containsText("Care Opinion invitation");
        check(page, ReplyTemplatesView.class, who, "the templates and the form");
        page.locator("#save-template").click();
        refused(page);
        check(page, ReplyTemplatesView.class, who, "an empty template refused");

        page.navigate(url("/campaigns"));
        assertThat(page.locator("#campaign-create")).isVisible();
        check(page, CampaignsView.class, who, "the campaigns and the create form");
        page.locator("#campaign-create").click();
        refused(page);
        check(page, CampaignsView.class, who, "an empty campaign refused");

        page.navigate(url("/impact?account=" + account("NorthshireNHS")));
        assertThat(page.locator("#chart-posts-per-week img")).isVisible();
        check(page, ImpactView.class, who, "@NorthshireNHS's half year: figures and charts");
        page.locator("#chart-posts-per-week-data").click();
        assertThat(page.locator("#chart-posts-per-week-data vaadin-grid")).isVisible();
        check(page, ImpactView.class, who, "a chart's data table open");
    }

    private void organisationAdmin() {
        String who = "olu.admin";
        Page page = page(who);
        page.navigate(url("/departments"));
        assertThat(page.locator("#departments")).containsText("Physiotherapy");
        check(page, DepartmentsView.class, who, "the departments");
        page.locator("#add-department").click();
        refused(page);
        check(page, DepartmentsView.class, who, "an empty name refused");
        page.locator("#departments").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).first().click();
        assertThat(page.locator("#rename-department")).isVisible();
        check(page, DepartmentsView.class, who, "the rename dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        page.locator("#departments").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).first().click();
        assertThat(page.getByText("The department goes; its history stays in the audit trail.")).isVisible();
        check(page, DepartmentsView.class, who, "the delete confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        page.navigate(url("/members"));
        assertThat(page.locator("#members")).containsText("Sam Patel");
        check(page, MembersView.class, who, "the members and their roles");
        page.locator("#members").getByText("Sam Patel").click();
        assertThat(page.locator("#grant-role")).isVisible();
        check(page, MembersView.class, who, "a member's manage dialog");
        page.locator("#grant-role-button").click();
        refused(page);
        check(page, MembersView.class, who, "granting no role refused");
        page.locator("#close-manage").click();
        page.locator("#add-member").click();
        assertThat(page.locator("#member-name")).isVisible();
        check(page, MembersView.class, who, "the add member dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        page.navigate(url("/policy"));
        assertThat(page.locator("#save-policy")).isVisible();
        check(page, PolicyView.class, who, "the policy, editable");

        page.navigate(url("/guidance"));
        assertThat(page.locator("#edit-confidentiality")).isVisible();
        check(page, GuidanceView.class, who, "the guidance with Edit");
        page.locator("#edit-confidentiality").click();
        assertThat(page.locator("#guidance-text")).isVisible();
        check(page, GuidanceView.class, who, "a section being edited");

        page.navigate(url("/audit"));
        assertThat(page.locator("#audit-events")).containsText("Olu Adeyemi");
        check(page, AuditTrailView.class, who, "the trail");
        page.locator("#verify-integrity").click();
        assertThat(page.locator("#integrity-result")).containsText("Intact");
        check(page, AuditTrailView.class, who, "the chain checked");

        page.navigate(url("/pre-election-periods"));
        assertThat(page.locator("#periods")).containsText("County council elections 2027");
        check(page, PreElectionPeriodsView.class, who, "the periods and the add form");
        page.locator("#add-period").click();
        refused(page);
        check(page, PreElectionPeriodsView.class, who, "an empty period refused");

        page.navigate(url("/compliance"));
        assertThat(page.locator("#run-report")).isVisible();
        check(page, ComplianceView.class, who, "the report's form");
        page.locator("#run-report").click();
        assertThat(page.locator("#report-published")).isVisible();
        check(page, ComplianceView.class, who, "a report run");

        page.navigate(url("/policy-history"));
        assertThat(page.locator("#policy-history")).isVisible();
        check(page, PolicyHistoryView.class, who, "the versions side by side");
    }

    private void auditor() {
        String who = "aud.auditor";
        Page page = page(who);
        page.navigate(url("/dossiers"));
        assertThat(page.locator("#dossier-posts")).containsText("falls clinic patients");
        check(page, PostDossiersView.class, who, "every post, to search");
        long post = db.select(POST_REVISION.POST_ID).from(POST_REVISION)
                .where(POST_REVISION.TEXT.eq("Lovely to see our falls clinic patients back on their feet!!!"))
                .fetchSingle(POST_REVISION.POST_ID);
        page.navigate(url("/dossier/" + post));
        assertThat(page.locator("#dossier-revisions")).isVisible();
        check(page, PostDossierView.class, who, "a post's whole life");
        page.navigate(url("/dossier/999999"));
        assertThat(page.locator("#dossier-problem")).isVisible();
        check(page, PostDossierView.class, who, "no such post");

        page.navigate(url("/policy"));
        assertThat(page.locator("#policy-version")).isVisible();
        check(page, PolicyView.class, who, "the policy, read-only");
        page.navigate(url("/pre-election-periods"));
        assertThat(page.locator("#periods")).isVisible();
        check(page, PreElectionPeriodsView.class, who, "the periods, read-only");
    }

    // ------------------------------------------------------------------ the keyboard walk

    @Test
    void the_main_journey_with_the_keyboard_only() {
        String text = "Keyboard only: the Riverside falls clinic opens on Tuesday mornings from next week";
        var log = new ArrayList<String>();
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            var keys = signInWithKeyboard(page, "sam.staff");
            keys.tabTo("Skip to the page content, the first stop", f -> f.has("skip-to-content"), 1);
            keys.tabTo("New post in the menu", f -> f.text().equals("New post"), 40);
            keys.act("Enter");
            assertThat(page.locator("#post-text")).isVisible();
            keys.tabTo("the post's text", f -> f.has("post-text"), 40);
            keys.type(text);
            assertThat(page.locator("#no-findings")).isVisible();
            assertThat(page.locator("#submit-post")).isEnabled();
            keys.tabTo("Submit for approval", f -> f.has("submit-post"), 40);
            keys.act("Enter");
            assertThat(page.locator("#post-status")).containsText("In review");
            keys.shiftTabTo("Sign out", f -> f.has("sign-out"), 80);
            keys.act("Space");
            assertThat(page.locator("vaadin-login-form")).isVisible();
            keys.assertNoProblems();
            log.add("sam.staff writes and submits:");
            keys.steps().forEach(s -> log.add("  " + s));
        }
        log.addAll(approveWithKeyboard("alex.approver", text, "Approved; the post waits for step 2."));
        log.addAll(approveWithKeyboard("taylor.head", text, "Approved: every step is done, the post is scheduled."));
        write(KEYBOARD_REPORT, log);

        var post = db.select(POST.STATE, POST.REVIEW_STEP).from(POST).join(POST_REVISION)
                .on(POST_REVISION.POST_ID.eq(POST.ID)).where(POST_REVISION.TEXT.eq(text)).fetchSingle();
        org.assertj.core.api.Assertions.assertThat(post.value1()).as("the post, approved by both steps").isEqualTo("SCHEDULED");
    }

    @Test
    void a_dialog_opened_from_the_keyboard_keeps_the_focus_and_gives_it_back() {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            var keys = signInWithKeyboard(page, "olu.admin");
            keys.tabTo("Departments in the menu", f -> f.text().equals("Departments"), 20);
            keys.act("Enter");
            assertThat(page.locator("#departments")).containsText("Physiotherapy");
            keys.tabTo("the departments' rows", f -> f.has("departments") && f.tag().equals("td"), 20);
            keys.arrowTo("ArrowRight", "the actions of the first department", f -> f.cell().contains("Rename"), 5);
            // Enter in a cell with buttons moves into it (the grid's interaction mode), to its first button
            keys.press("Enter");
            var rename = keys.focus();
            org.assertj.core.api.Assertions.assertThat(rename.component()).isEqualTo("vaadin-button");
            org.assertj.core.api.Assertions.assertThat(rename.text()).isEqualTo("Rename");
            keys.act("Enter");
            assertThat(page.locator("#rename-department")).isVisible();
            var inDialog = keys.focus();
            org.assertj.core.api.Assertions.assertThat(inDialog.inside("vaadin-dialog") || inDialog.inside("vaadin-dialog-overlay"))
                    .as("the focus moved into the dialog: " + inDialog).isTrue();
            for (int i = 0; i < 6; i++) {
                var next = keys.press("Tab");
                org.assertj.core.api.Assertions.assertThat(next.inside("vaadin-dialog") || next.inside("vaadin-dialog-overlay"))
                        .as("Tab stays in the open dialog: " + next).isTrue();
            }
            keys.act("Escape");
            assertThat(page.locator("#rename-department")).isHidden();
            var back = keys.focus();
            org.assertj.core.api.Assertions.assertThat(back.text()).as("the focus is back on the button that opened the dialog: "
                    + back).isEqualTo("Rename");
            write(Path.of("target/accessibility-keyboard-dialog.txt"), keys.steps());
            keys.assertNoProblems();
        }
    }

    private KeyboardWalk signInWithKeyboard(Page page, String username) {
        page.navigate(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        var keys = new KeyboardWalk(page);
        keys.tabTo("the sign-in name", f -> f.tag().equals("input") && f.text().contains("Sign-in name")
                || f.label().contains("Sign-in name"), 10);
        keys.type(username);
        keys.tabTo("the password", f -> f.tag().equals("input") && f.text().contains("Password"), 3);
        keys.type("demo");
        keys.act("Enter");
        assertThat(page.locator("#shell-member")).isVisible();
        keys.start();
        return keys;
    }

    private List<String> approveWithKeyboard(String approver, String text, String expected) {
        try (var context = watched(chromium.browser.newContext())) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            var keys = signInWithKeyboard(page, approver);
            keys.tabTo("Review queue in the menu", f -> f.text().equals("Review queue"), 40);
            keys.act("Enter");
            assertThat(page.locator("#review-queue")).containsText(text.substring(0, 30));
            keys.tabTo("the queue's rows", f -> f.has("review-queue") && f.tag().equals("td") && !f.text().startsWith("Goes out"), 40);
            keys.arrowTo("ArrowDown", "the post in the queue", f -> f.text().contains(text.substring(0, 30)), 60);
            keys.act("Enter");
            assertThat(page.locator("#approve-post")).isVisible();
            keys.start();
            // the post's page: past the header and the menu with the skip link, the first stop
            keys.tabTo("Skip to the page content", f -> f.has("skip-to-content"), 2);
            keys.act("Enter");
            keys.tabTo("Approve", f -> f.has("approve-post"), 12);
            keys.act("Enter");
            assertThat(page.getByText(expected)).isVisible();
            keys.assertNoProblems();
            var log = new ArrayList<String>();
            log.add(approver + " opens it from the review queue and approves:");
            keys.steps().forEach(s -> log.add("  " + s));
            return log;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every Vaadin route of the portal, with its path template. */
    static Map<Class<?>, String> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new TreeMap<Class<?>, String>(Comparator.comparing(Class::getName));
        for (var candidate : scanner.findCandidateComponents("org.noticeboard.ui")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                routes.put(view, view.getAnnotation(Route.class).value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        org.assertj.core.api.Assertions.assertThat(routes).as("routes found on the class path").hasSizeGreaterThan(30);
        return routes;
    }

    /** The paths a route template matches: "compose/:postId?" matches /compose and /compose/12. */
    static Pattern pathPattern(Class<?> view) {
        String template = view.getAnnotation(Route.class).value();
        var regex = new StringBuilder("^");
        if (template.isEmpty()) {
            regex.append("/");
        }
        for (String segment : template.isEmpty() ? new String[0] : template.split("/")) {
            if (segment.startsWith(":")) {
                regex.append(segment.endsWith("?") ? "(/[^/]+)?" : "/[^/]+");
            } else {
                regex.append("/").append(Pattern.quote(segment));
            }
        }
        if (HasUrlParameter.class.isAssignableFrom(view)) {
            regex.append("(/[^/]+)?");
        }
        return Pattern.compile(regex.append("/?$").toString());
    }

    private Page page(String who) {
        BrowserContext context = contexts.get(who);
        if (context == null) {
            context = watched(chromium.browser.newContext());
            contexts.put(who, context);
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            if (!who.equals("anonymous")) {
                signIn(page, who);
            }
            return page;
        }
        return context.pages().getFirst();
    }

    private long account(String handle) {
        return db.select(OFFICIAL_ACCOUNT.ID).from(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.HANDLE.eq(handle))
                .fetchSingle(OFFICIAL_ACCOUNT.ID);
    }

    private long list(String name) {
        return db.select(FOLLOW_LIST.ID).from(FOLLOW_LIST).where(FOLLOW_LIST.NAME.eq(name)).fetchSingle(FOLLOW_LIST.ID);
    }

    /** The domain refused what was asked and said why: the error notification is shown. */
    private static void refused(Page page) {
        assertThat(page.locator("vaadin-notification-card[theme~=error]").first()).isVisible();
    }

    private static Path image() {
        Path image = Path.of("target/accessibility-photo.png");
        var picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        try {
            javax.imageio.ImageIO.write(picture, "png", image.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    private static Path csv(String content) {
        try {
            Path file = Files.createTempFile("accessibility", ".csv");
            file.toFile().deleteOnExit();
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until Vaadin has no request under way and overlays have finished opening. */
    private static void settle(Page page) {
        page.waitForFunction("() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        page.waitForTimeout(500);
    }

    /** Runs axe-core on the page as it is, and keeps what it found under the view and state. */
    private void check(Page page, Class<?> view, String who, String state) {
        settle(page);
        String path = URI.create(page.url()).getPath();
        org.assertj.core.api.Assertions.assertThat(path).as(view.getSimpleName() + " [" + state + "]: the page is the view's route")
                .matches(pathPattern(view));
        // every node of a violation, but only one example of each rule that passed, could not be decided or did
        // not apply: axe-core's full lists (thousands of nodes on a page of Vaadin components) cost most of the
        // check's time to build and read, and nothing is judged on them
        var options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        // axe.run in the page itself ("legacy" mode): the default runs each frame apart and then opens a new
        // browser context and page to merge the results, at every check; the portal's pages have no frames
        AxeResults results = new AxeBuilder(page).options(options).withTags(TAGS).setLegacyMode(true).analyze();
        org.assertj.core.api.Assertions.assertThat(results.isErrored()).as("axe-core failed: " + results.getErrorMessage()).isFalse();
        var blocking = new ArrayList<Found>();
        var other = new ArrayList<Found>();
        var excluded = new ArrayList<Found>();
        for (Rule rule : results.getViolations()) {
            var kept = new ArrayList<String>();
            var left = new ArrayList<String>();
            for (CheckedNode node : rule.getNodes()) {
                String target = String.valueOf(node.getTarget());
                boolean excludedHere = EXCLUSIONS.stream().anyMatch(x -> x.rule().equals(rule.getId()) && target.contains(x.target()));
                (excludedHere ? left : kept).add(target);
            }
            if (!left.isEmpty()) {
                excluded.add(new Found(rule.getId(), rule.getImpact(), rule.getHelp(), left));
            }
            if (!kept.isEmpty()) {
                var found = new Found(rule.getId(), rule.getImpact(), rule.getHelp(), kept);
                (BLOCKING.contains(rule.getImpact()) ? blocking : other).add(found);
            }
        }
        // what axe could not decide alone (colour over images, text in shadow DOM...): listed in the report
        var toReview = results.getIncomplete().stream().map(r -> r.getId()).toList();
        checked.add(new Checked(view, who, state, path, page.title(),
                String.valueOf(page.evaluate("() => document.documentElement.lang")), results.getPasses().size(), toReview,
                blocking, other, excluded));
    }

    private void writeReport(Map<Class<?>, String> routes) {
        var lines = new ArrayList<String>();
        var views = checked.stream().map(Checked::view).collect(Collectors.toCollection(() -> new TreeSet<Class<?>>(
                Comparator.comparing(Class::getSimpleName))));
        long blocking = checked.stream().mapToLong(c -> c.blocking().stream().mapToLong(f -> f.targets().size()).sum()).sum();
        lines.add("Accessibility: axe-core " + TAGS + " on every Vaadin route, in headless Chromium");
        lines.add("Views (routes): " + views.size() + " of " + routes.size() + "; view x state checks: " + checked.size());
        lines.add("Serious or critical violations now: " + blocking + " element(s)");
        lines.add("");
        lines.add("By rule (serious or critical / moderate or minor, elements):");
        var byRule = new TreeMap<String, long[]>();
        for (Checked c : checked) {
            c.blocking().forEach(f -> byRule.computeIfAbsent(f.rule() + " (" + f.impact() + ")", k -> new long[2])[0] += f.targets().size());
            c.other().forEach(f -> byRule.computeIfAbsent(f.rule() + " (" + f.impact() + ")", k -> new long[2])[1] += f.targets().size());
        }
        if (byRule.isEmpty()) {
            lines.add("  none");
        }
        byRule.forEach((rule, n) -> lines.add("  " + rule + ": " + n[0] + " / " + n[1]));
        lines.add("");
        lines.add("Left out, as the application cannot fix them:");
        if (EXCLUSIONS.isEmpty()) {
            lines.add("  nothing");
        }
        EXCLUSIONS.forEach(x -> lines.add("  " + x.rule() + " at " + x.target() + ": " + x.reason()));
        lines.add("");
        lines.add("Every view and state:");
        for (Checked c : checked) {
            lines.add(String.format("  %-24s %-15s %-70s %s", c.view().getSimpleName(), c.who(), c.state(),
                    c.blocking().isEmpty() ? "ok" : c.blocking().size() + " serious/critical rule(s)"));
            lines.add("      " + c.path() + ", title \"" + c.title() + "\", lang \"" + c.lang() + "\", " + c.passed()
                    + " rules passed" + (c.toReview().isEmpty() ? "" : "; for review by a person: " + c.toReview()));
            c.blocking().forEach(f -> lines.add("      " + f));
            c.other().forEach(f -> lines.add("      (not blocking) " + f));
            c.excluded().forEach(f -> lines.add("      (left out) " + f));
        }
        var missing = routes.keySet().stream().filter(v -> !views.contains(v)).map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            lines.add("Not visited: " + missing);
        }
        try (var baseline = AccessibilityIT.class.getResourceAsStream(BASELINE)) {
            if (baseline != null) {
                lines.add("");
                lines.addAll(new String(baseline.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(REPORT, lines);
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
