package org.noticeboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.campaign.CampaignPost;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.compliance.DossierService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.impact.ImpactQuery;
import org.noticeboard.impact.ImpactService;
import org.noticeboard.member.MemberService;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.QueueFilter;
import org.noticeboard.post.ReviewService;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 20, "Scoped roles mean their scope": each test acts as the attacker, a member whose role is held for one
 * department only, and tries to act beyond it.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class ScopedRolesTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired DSLContext db;
    @Autowired MemberService members;
    @Autowired DepartmentService departments;
    @Autowired AuditService audit;
    @Autowired DossierService dossiers;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired CampaignService campaigns;
    @Autowired ImpactService impact;
    @Autowired org.noticeboard.account.OfficialAccountService accounts;
    @Autowired Access access;
    @Autowired org.noticeboard.member.SignInService signIn;

    World.Org org;
    long admin;
    long cardiology;

    @BeforeEach
    void setUp() {
        org = world.organisation("Scoped Trust");
        admin = org.member(Role.ORG_ADMIN);
        cardiology = caller.as(admin, () -> departments.create("Cardiology")).id();
    }

    /** A member of Physiotherapy whose grant of the role names Physiotherapy, stored as it was before the rule. */
    long storedPhysiotherapyOnly(Role role) {
        long member = caller.as(admin, () -> members.create("Physiotherapy-only " + role.label(), null,
                org.department().id())).id();
        db.insertInto(ROLE_GRANT).set(ROLE_GRANT.ORGANISATION_ID, org.organisation().id()).set(ROLE_GRANT.MEMBER_ID, member)
                .set(ROLE_GRANT.ROLE, role.name()).set(ROLE_GRANT.DEPARTMENT_ID, org.department().id()).execute();
        return member;
    }

    long grantedFor(Role role, long departmentId) {
        long member = caller.as(admin, () -> members.create(role.label() + " of department " + departmentId, null,
                departmentId)).id();
        caller.run(admin, () -> members.grant(member, role, departmentId));
        return member;
    }

    @Test
    void organisation_admin_and_auditor_cannot_be_granted_for_one_department() {
        long member = caller.as(admin, () -> members.create("Pat Example", null, org.department().id())).id();
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(member, Role.ORG_ADMIN, org.department().id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The Organisation admin role applies to the whole organisation; grant it without a department.");
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(member, Role.AUDITOR, org.department().id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The Auditor role applies to the whole organisation; grant it without a department.");
        assertThat(caller.as(admin, () -> members.get(member)).grants()).isEmpty();
        // across the organisation they are granted as before
        assertThat(caller.as(admin, () -> members.grant(member, Role.AUDITOR, null)).grants())
                .singleElement().satisfies(g -> assertThat(g.organisationWide()).isTrue());
    }

    @Test
    void a_physiotherapy_only_admin_cannot_grant_themselves_organisation_wide_admin() {
        long physioAdmin = storedPhysiotherapyOnly(Role.ORG_ADMIN);
        assertThatThrownBy(() -> caller.run(physioAdmin, () -> members.grant(physioAdmin, Role.ORG_ADMIN, null)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("This needs the Organisation admin role.");
        assertThatThrownBy(() -> caller.run(physioAdmin, members::list)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.run(physioAdmin, () -> departments.create("Mine")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(db.fetchCount(ROLE_GRANT, ROLE_GRANT.MEMBER_ID.eq(physioAdmin))).isEqualTo(1);
    }

    @Test
    void a_physiotherapy_only_auditor_reads_no_trail_no_dossier_and_no_draft() {
        long physioAuditor = storedPhysiotherapyOnly(Role.AUDITOR);
        long cardiologyAccount = caller.as(org.member(Role.ACCOUNT_ADMIN), () -> accounts.register("CardioScoped",
                "Cardiology", cardiology)).id();
        long cardiologyStaff = grantedFor(Role.STAFF, cardiology);
        long draft = caller.as(cardiologyStaff, () -> posts.save(null, new PostDraft(cardiologyAccount,
                "Cardiology draft nobody else reads", null, null, null, List.of(), Map.of()), 0)).id();

        assertThatThrownBy(() -> caller.run(physioAuditor, () -> audit.search(AuditQuery.all(), 0, 50)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.run(physioAuditor, () -> dossiers.find("Cardiology", null, 0, 50)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.run(physioAuditor, () -> posts.get(draft))).isInstanceOf(NotFoundException.class);
        // the pages are guarded by the same roles: the stored grant shows no Auditor role at sign-in either
        assertThat(caller.as(physioAuditor, () -> members.me()).grants()).extracting(Grant::role).containsExactly(Role.AUDITOR);
        assertThat(access.load(physioAuditor).roles()).isEmpty();
        assertThat(signIn.recordDemoSignIn(physioAuditor).roles()).isEmpty();
    }

    @Test
    void a_physiotherapy_approver_sees_no_cardiology_post_of_a_campaign() {
        long cardiologyAccount = caller.as(org.member(Role.ACCOUNT_ADMIN), () -> accounts.register("CardioCampaign",
                "Cardiology", cardiology)).id();
        long cardiologyStaff = grantedFor(Role.STAFF, cardiology);
        long physioApprover = grantedFor(Role.APPROVER, org.department().id());
        long physioStaff = grantedFor(Role.STAFF, org.department().id());
        long campaign = caller.as(org.member(Role.APPROVER), () -> campaigns.create("Heart Week", List.of("#heart"), null,
                null)).id();
        long cardioDraft = caller.as(cardiologyStaff, () -> posts.save(null, new PostDraft(cardiologyAccount,
                "Cardiology draft for heart week", null, null, campaign, List.of(), Map.of()), 0)).id();
        long physioDraft = caller.as(physioStaff, () -> posts.save(null, new PostDraft(org.account().id(),
                "Physiotherapy draft for heart week", null, null, campaign, List.of(), Map.of()), 0)).id();

        assertThat(caller.as(physioApprover, () -> campaigns.posts(campaign))).extracting(CampaignPost::postId)
                .containsExactly(physioDraft);
        assertThat(caller.as(cardiologyStaff, () -> campaigns.posts(campaign))).extracting(CampaignPost::postId)
                .containsExactly(cardioDraft);
        // the organisation-wide approver and auditor see both; an organisation admin, who sees no post, none
        assertThat(caller.as(org.member(Role.APPROVER), () -> campaigns.posts(campaign))).hasSize(2);
        assertThat(caller.as(org.member(Role.AUDITOR), () -> campaigns.posts(campaign))).hasSize(2);
        assertThat(caller.as(admin, () -> campaigns.posts(campaign))).isEmpty();
        // a department-scoped auditor grant stored before the rule: nothing
        long physioAuditor = storedPhysiotherapyOnly(Role.AUDITOR);
        assertThatThrownBy(() -> caller.run(physioAuditor, () -> campaigns.posts(campaign)))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void a_physiotherapy_approver_neither_filters_the_queue_nor_reads_the_impact_of_a_cardiology_account() {
        long cardiologyAccount = caller.as(org.member(Role.ACCOUNT_ADMIN), () -> accounts.register("CardioImpact",
                "Cardiology", cardiology)).id();
        long physioApprover = grantedFor(Role.APPROVER, org.department().id());
        LocalDate today = LocalDate.now();
        assertThatThrownBy(() -> caller.run(physioApprover, () -> impact.dashboard(ImpactQuery.account(cardiologyAccount,
                today.minusDays(7), today)))).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("@CardioImpact");
        assertThatThrownBy(() -> caller.run(physioApprover, () -> review.queue(new QueueFilter(cardiologyAccount, null, null,
                null, null), 0, 20))).isInstanceOf(NotPermittedException.class).hasMessageContaining("@CardioImpact");
        // their own department's account: as before
        assertThat(caller.as(physioApprover, () -> impact.dashboard(ImpactQuery.account(org.account().id(),
                today.minusDays(7), today)))).isNotNull();
        assertThat(caller.as(physioApprover, () -> review.queue(new QueueFilter(org.account().id(), null, null, null,
                null), 0, 20))).isEmpty();
    }

}
