package org.noticeboard.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.guidance.GuidanceService;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.member.MemberService;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.Publisher;
import org.noticeboard.shared.DomainException;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An auditor reads everything and changes nothing: every service method that changes the
 * organisation's data refuses them, and leaves the audit trail (so the data) as it was.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class AuditorReadOnlyTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired DSLContext db;
    @Autowired DepartmentService departments;
    @Autowired MemberService members;
    @Autowired OfficialAccountService accounts;
    @Autowired PolicyService policy;
    @Autowired WorkflowService workflows;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired Publisher publisher;
    @Autowired StakeholderService stakeholders;
    @Autowired FollowListService lists;
    @Autowired ListSyncService listSync;
    @Autowired CampaignService campaigns;
    @Autowired ReplyTemplateService templates;
    @Autowired GuidanceService guidance;
    @Autowired PreElectionPeriodService periods;

    @TestFactory
    Stream<DynamicTest> an_auditor_cannot_change_anything_through_any_service_method() {
        var org = world.organisation("Read-only Trust");
        long admin = org.member(Role.ORG_ADMIN);
        long staff = org.member(Role.STAFF);
        long auditor = org.member(Role.AUDITOR);
        long account = org.account().id();
        long dept = org.department().id();
        // everything the auditor will try to change, made by those who may
        var policyVersion = caller.as(admin, () -> policy.current());
        var guide = caller.as(admin, () -> guidance.sections()).getFirst();
        var post = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(account, "Falls clinic on Monday", null, null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        var stakeholder = caller.as(admin, () -> stakeholders.add(StakeholderDraft.of("NhsFriend", "A friend", StakeholderCategory.CHARITY)));
        var list = caller.as(org.member(Role.CURATOR), () -> lists.create(dept, "Partners", null, null));
        var period = caller.as(admin, () -> periods.add("Local elections", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 5, 1)));
        var grant = caller.as(admin, () -> members.grant(staff, Role.CURATOR, null)).grants().getLast();
        var deptVersion = caller.as(admin, () -> departments.list()).getFirst().version();
        var workflowVersion = caller.as(admin, () -> workflows.current(account)).version();

        Map<String, Runnable> attempts = new LinkedHashMap<>();
        attempts.put("DepartmentService.create", () -> departments.create("Audit Dept"));
        attempts.put("DepartmentService.rename", () -> departments.rename(dept, "Renamed", deptVersion));
        attempts.put("DepartmentService.delete", () -> departments.delete(dept, deptVersion));
        attempts.put("MemberService.create", () -> members.create("New Person", null, null));
        attempts.put("MemberService.update", () -> members.update(staff, "Changed Name", null, null, 0));
        attempts.put("MemberService.setActive", () -> members.setActive(staff, false, 0));
        attempts.put("MemberService.grant", () -> members.grant(auditor, Role.ORG_ADMIN, null));
        attempts.put("MemberService.revoke", () -> members.revoke(grant.id()));
        attempts.put("OfficialAccountService.register", () -> accounts.register("AuditorsOwn", "Auditor's own", dept));
        attempts.put("OfficialAccountService.update", () -> accounts.update(account, "Hijacked", "Hijacked", dept, 0));
        attempts.put("OfficialAccountService.remove", () -> accounts.remove(account, 0));
        attempts.put("OfficialAccountService.connect", () -> accounts.connect(account, "999", "someone", "Someone"));
        attempts.put("OfficialAccountService.disconnect", () -> accounts.disconnect(account));
        attempts.put("PolicyService.save", () -> policy.save(policyVersion.settings(), "auditor's edit", policyVersion.version()));
        attempts.put("WorkflowService.save", () -> workflows.save(account, WorkflowDefinition.standard(), workflowVersion));
        attempts.put("GuidanceService.update", () -> guidance.update(guide.section(), "New words", guide.version()));
        attempts.put("PostService.save", () -> posts.save(null, new PostDraft(account, "Auditor's post", null, null, null, List.of(), Map.of()), 0));
        attempts.put("PostService.save (edit)", () -> posts.save(post.id(), new PostDraft(account, "Edited", null, null, null, List.of(), Map.of()), post.version()));
        attempts.put("PostService.submit", () -> posts.submit(post.id(), post.version()));
        attempts.put("PostService.schedule", () -> posts.schedule(post.id(), LocalDateTime.now().plusDays(2).withNano(0), post.version()));
        attempts.put("ReviewService.approve", () -> review.approve(post.id(), 1, post.version()));
        attempts.put("ReviewService.reject", () -> review.reject(post.id(), 1, "No", post.version()));
        attempts.put("ReviewService.editAndResubmit", () -> review.editAndResubmit(post.id(), 1,
                new PostDraft(account, "Edited by auditor", null, null, null, List.of(), Map.of()), post.version()));
        attempts.put("ReviewService.withdraw", () -> review.withdraw(post.id(), post.version()));
        attempts.put("ReviewService.comment", () -> review.comment(post.id(), "A comment"));
        attempts.put("Publisher.publishAgain", () -> publisher.publishAgain(post.id()));
        attempts.put("StakeholderService.add", () -> stakeholders.add(StakeholderDraft.of("AuditorPick", "Pick", StakeholderCategory.MEDIA)));
        attempts.put("StakeholderService.update", () -> stakeholders.update(stakeholder.stakeholder().id(),
                StakeholderDraft.of("NhsFriend", "Renamed", StakeholderCategory.CHARITY), stakeholder.stakeholder().version()));
        attempts.put("StakeholderService.remove", () -> stakeholders.remove(stakeholder.stakeholder().id(), stakeholder.stakeholder().version()));
        attempts.put("FollowListService.create", () -> lists.create(dept, "Auditor's list", null, null));
        attempts.put("FollowListService.update", () -> lists.update(list.id(), "Renamed", null, null, list.version()));
        attempts.put("FollowListService.delete", () -> lists.delete(list.id(), list.version()));
        attempts.put("FollowListService.addMember", () -> lists.addMember(list.id(), stakeholder.stakeholder().id(), null));
        attempts.put("FollowListService.fork", () -> lists.fork(list.id(), dept));
        attempts.put("ListSyncService.request", () -> listSync.request(list.id(), account, null));
        attempts.put("CampaignService.create", () -> campaigns.create("Auditor week", List.of("#audit"), null, null));
        attempts.put("ReplyTemplateService.create", () -> templates.create("Auditor template", "Hello"));
        attempts.put("PreElectionPeriodService.add", () -> periods.add("Auditor's period", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 2, 1)));
        attempts.put("PreElectionPeriodService.remove", () -> periods.remove(period.id()));

        return attempts.entrySet().stream().map(attempt -> DynamicTest.dynamicTest(attempt.getKey(), () -> {
            long events = events(org);
            assertThatThrownBy(() -> caller.run(auditor, attempt.getValue()))
                    .as(attempt.getKey())
                    .isInstanceOf(DomainException.class);
            assertThat(events(org)).as("nothing recorded (so nothing changed) by " + attempt.getKey()).isEqualTo(events);
        }));
    }

    private long events(World.Org trust) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANISATION_ID.eq(trust.organisation().id()));
    }
}
