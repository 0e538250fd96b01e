package org.noticeboard.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.compliance.PreElectionPeriodService;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.StepCondition;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Tenants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo and training data: a fictional trust with departments, one member per role and
 * official accounts, plus a second organisation to show that tenants are kept apart. Seeded
 * through the same services (and audit trail) as any change.
 */
@Component
public class DemoData {

    public static final String TRUST = "northshire";
    public static final String BOARD = "valley-health";

    /** A demo member: who they are and which roles they hold, for the sign-in page. */
    public record DemoUser(String username, String name, String organisation, String department, List<Role> roles) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("olu.admin", "Olu Adeyemi", "Northshire Community Health NHS Trust", "Communications",
                    List.of(Role.ORG_ADMIN)),
            new DemoUser("sam.staff", "Sam Patel", "Northshire Community Health NHS Trust", "Physiotherapy",
                    List.of(Role.STAFF)),
            new DemoUser("alex.approver", "Alex Morgan", "Northshire Community Health NHS Trust", "Communications",
                    List.of(Role.APPROVER, Role.STAFF)),
            new DemoUser("taylor.head", "Taylor Reid", "Northshire Community Health NHS Trust", "Communications",
                    List.of(Role.APPROVER)),
            new DemoUser("ash.accounts", "Ash Lewis", "Northshire Community Health NHS Trust", "Communications",
                    List.of(Role.ACCOUNT_ADMIN)),
            new DemoUser("cara.curator", "Cara Byrne", "Northshire Community Health NHS Trust",
                    "Older People's Rehabilitation", List.of(Role.CURATOR, Role.STAFF)),
            // a curator of a second department, to subscribe to and fork the first one's lists
            new DemoUser("pia.curator", "Pia Novak", "Northshire Community Health NHS Trust", "Physiotherapy",
                    List.of(Role.CURATOR)),
            new DemoUser("aud.auditor", "Audrey Okafor", "Northshire Community Health NHS Trust", "Information Governance",
                    List.of(Role.AUDITOR)),
            new DemoUser("val.admin", "Val Jones", "Valley Health Board", "Communications", List.of(Role.ORG_ADMIN)));

    private final Tenants tenants;
    private final Access access;
    private final DepartmentService departments;
    private final MemberService members;
    private final OfficialAccountService accounts;
    private final CampaignService campaigns;
    private final WorkflowService workflows;
    private final ReplyTemplateService templates;
    private final DemoImpact impact;
    private final DemoDirectory directory;
    private final org.noticeboard.tweetchat.TweetChatService chats;
    private final org.noticeboard.organisation.OrganisationService organisations;
    private final PreElectionPeriodService periods;

    public DemoData(Tenants tenants, Access access, DepartmentService departments, MemberService members,
            OfficialAccountService accounts, CampaignService campaigns, WorkflowService workflows,
            ReplyTemplateService templates, DemoImpact impact, DemoDirectory directory,
            org.noticeboard.tweetchat.TweetChatService chats, org.noticeboard.organisation.OrganisationService organisations,
            PreElectionPeriodService periods) {
        this.impact = impact;
        this.directory = directory;
        this.chats = chats;
        this.organisations = organisations;
        this.periods = periods;
        this.tenants = tenants;
        this.access = access;
        this.departments = departments;
        this.members = members;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.workflows = workflows;
        this.templates = templates;
    }

    /** Seeds the demo organisations once; later starts find them and leave them as users left them. */
    @Transactional
    public boolean seedIfAbsent() {
        if (tenants.findBySlug(TRUST).isPresent()) {
            return false;
        }
        var trust = tenants.create(TRUST, "Northshire Community Health NHS Trust");
        access.asSystem(trust.id(), "Demo set-up", () -> {
            for (String name : List.of("Communications", "Physiotherapy", "Older People's Rehabilitation",
                    "Information Governance")) {
                departments.create(name);
            }
            for (DemoUser user : USERS) {
                if (user.organisation().startsWith("Northshire")) {
                    addMember(user);
                }
            }
            accounts.register("NorthshireNHS", "Northshire Community Health", department("Communications"));
            accounts.register("NShirePhysio", "Northshire Physiotherapy", department("Physiotherapy"));
            accounts.register("NorthshireOPR", "Older People's Rehab Northshire", department("Older People's Rehabilitation"));
            // physiotherapy posts get a second look from the head of communications
            long physio = accounts.list().stream().filter(a -> a.handle().value().equals("NShirePhysio")).findFirst().orElseThrow().id();
            long head = members.list().stream().filter(m -> "taylor.head".equals(m.username())).findFirst().orElseThrow().id();
            workflows.save(physio, new WorkflowDefinition(List.of(WorkflowStep.anyApprover("Communications team"),
                    new WorkflowStep("Head of communications", ApproverKind.MEMBERS, null, null, List.of(head), Quorum.ANY,
                            StepCondition.ALWAYS)), true), workflows.current(physio).version());
            templates.create("Care Opinion invitation", "We're sorry to hear about your experience. Please share your "
                    + "story on Care Opinion so the team can learn from it and reply: {link}");
            var falls = campaigns.create("Falls Awareness Week", List.of("#FallsAwareness", "#PhysioWorks"), null, null,
                    "Three ICBs fund community falls clinics, and more people ask us how to prevent falls");
            var physiotalk = campaigns.create("Monthly #physiotalk chat", List.of("#physiotalk"), null, null,
                    "Raise the profile of physiotherapy with decision-makers (seed 000)");
            // half a year of published posts, their metrics and mentions, for the impact dashboard
            var main = accounts.list().stream().filter(a -> a.handle().value().equals("NorthshireNHS")).findFirst().orElseThrow();
            var sam = members.list().stream().filter(m -> "sam.staff".equals(m.username())).findFirst().orElseThrow();
            // the history's mentions come from the directory's stakeholders: seed it first (by its curators)
            directory.seedIfEmpty();
            impact.seed(trust.id(), main.id(), sam.id(), sam.displayName(), falls.id(), organisations.current().timeZone());
            // next month's #physiotalk chat, planned by Sam and waiting for the communications team's one approval
            var day = java.time.LocalDate.now(organisations.current().timeZone()).plusMonths(1)
                    .with(java.time.temporal.TemporalAdjusters.firstInMonth(java.time.DayOfWeek.MONDAY));
            access.asMember(sam.id(), () -> {
                var chat = chats.plan(new org.noticeboard.tweetchat.ChatPlan(physio, physiotalk.id(),
                        "Strategic influencing using Twitter", "#physiotalk", List.of(
                        new org.noticeboard.tweetchat.ChatQuestion("How do you currently use Twitter for strategic influencing?",
                                day.atTime(20, 0)),
                        new org.noticeboard.tweetchat.ChatQuestion("Who are the key stakeholders or policymakers we should be "
                                + "influencing via Twitter?", day.atTime(20, 15)),
                        new org.noticeboard.tweetchat.ChatQuestion("What successes have you had so far using Twitter this way?",
                                day.atTime(20, 30)),
                        new org.noticeboard.tweetchat.ChatQuestion("How can we measure the impact and influence of our activity "
                                + "on social media?", day.atTime(20, 45))),
                        "The monthly #physiotalk chat runs from 8 to 9 pm, when clinicians can join."));
                return chats.submit(chat.id());
            });
            periods.add("County council elections 2027", java.time.LocalDate.of(2027, 3, 25), java.time.LocalDate.of(2027, 5, 6));
            return null;
        });
        var board = tenants.create(BOARD, "Valley Health Board");
        access.asSystem(board.id(), "Demo set-up", () -> {
            departments.create("Communications");
            departments.create("Physiotherapy");
            for (DemoUser user : USERS) {
                if (user.organisation().equals("Valley Health Board")) {
                    addMember(user);
                }
            }
            accounts.register("ValleyHealth", "Valley Health Board", department("Communications"));
            return null;
        });
        return true;
    }

    private void addMember(DemoUser user) {
        Long departmentId = department(user.department());
        String email = user.username() + "@" + (user.organisation().startsWith("Valley") ? "valley.example" : "northshire.example");
        var member = members.create(user.name(), email, departmentId, user.username());
        for (Role role : user.roles()) {
            boolean departmental = role == Role.STAFF || role == Role.CURATOR;
            members.grant(member.id(), role, departmental ? departmentId : null);
        }
    }

    private @Nullable Long department(String name) {
        return departments.list().stream().filter(d -> d.name().equals(name)).map(Department::id).findFirst().orElse(null);
    }
}
