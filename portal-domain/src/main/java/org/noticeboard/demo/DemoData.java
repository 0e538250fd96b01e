package org.noticeboard.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.CampaignService;
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

    public DemoData(Tenants tenants, Access access, DepartmentService departments, MemberService members,
            OfficialAccountService accounts, CampaignService campaigns, WorkflowService workflows,
            ReplyTemplateService templates) {
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
            campaigns.create("Falls Awareness Week", List.of("#FallsAwareness", "#PhysioWorks"), null, null);
            campaigns.create("Monthly #physiotalk chat", List.of("#physiotalk"), null, null);
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
