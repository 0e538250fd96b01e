package org.noticeboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every public domain service method, called by a member of another organisation who holds
 * every role there (with this organisation's ids), and by members of this organisation whose
 * roles are too low: each call is refused, and nothing of this organisation leaks.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired DepartmentService departments;
    @Autowired MemberService members;
    @Autowired OfficialAccountService accounts;
    @Autowired AuditService audit;
    @Autowired OrganisationService organisations;
    @Autowired org.noticeboard.post.PostService posts;
    @Autowired org.noticeboard.post.MediaService media;
    @Autowired org.noticeboard.campaign.CampaignService campaigns;
    @Autowired org.noticeboard.policy.PolicyService policy;
    @Autowired org.noticeboard.guidance.GuidanceService guidance;
    @Autowired org.noticeboard.workflow.WorkflowService workflows;
    @Autowired org.noticeboard.post.ReviewService review;
    @Autowired org.noticeboard.template.ReplyTemplateService templates;

    long victimPost;
    long victimMedia;
    long victimCampaign;

    World.Org victim;
    World.Org intruder;
    long intruderAllRoles;

    @BeforeAll
    void setUp() {
        victim = world.organisation("Victim Trust");
        intruder = world.organisation("Intruder Trust");
        long admin = intruder.member(Role.ORG_ADMIN);
        intruderAllRoles = caller.as(admin, () -> members.create("Holds every role", null, null)).id();
        for (Role role : Role.values()) {
            caller.run(admin, () -> members.grant(intruderAllRoles, role, null));
        }
        long victimStaff = victim.member(Role.STAFF);
        victimMedia = caller.as(victimStaff, () -> media.upload("ward.png", org.noticeboard.post.TestImages.png())).mediaId();
        victimPost = caller.as(victimStaff, () -> posts.save(null, draft(victim.account().id(), "Victim's draft"), 0)).id();
        victimCampaign = caller.as(victim.member(Role.APPROVER),
                () -> campaigns.create("Victim campaign", java.util.List.of(), null, null)).id();
    }

    static org.noticeboard.post.PostDraft draft(long accountId, String text) {
        return new org.noticeboard.post.PostDraft(accountId, text, null, null, null, java.util.List.of(), java.util.Map.of());
    }

    record Call(String name, Function<TenantIsolationTest, Object> call) {}

    /** Calls that name one of the victim's subjects by id. */
    Map<String, Function<TenantIsolationTest, Object>> callsOnVictimSubjects() {
        var calls = new LinkedHashMap<String, Function<TenantIsolationTest, Object>>();
        calls.put("DepartmentService.get", t -> t.departments.get(t.victim.department().id()));
        calls.put("DepartmentService.rename", t -> t.departments.rename(t.victim.department().id(), "Mine", 0));
        calls.put("DepartmentService.delete", t -> {
            t.departments.delete(t.victim.department().id(), 0);
            return "";
        });
        calls.put("MemberService.get", t -> t.members.get(t.victim.member(Role.STAFF)));
        calls.put("MemberService.update", t -> t.members.update(t.victim.member(Role.STAFF), "X", null, null, 0));
        calls.put("MemberService.setActive", t -> t.members.setActive(t.victim.member(Role.STAFF), false, 0));
        calls.put("MemberService.grant", t -> t.members.grant(t.victim.member(Role.STAFF), Role.ORG_ADMIN, null));
        calls.put("MemberService.grant(victim department)",
                t -> t.members.grant(t.intruderAllRoles, Role.STAFF, t.victim.department().id()));
        calls.put("MemberService.revoke", t -> t.members.revoke(t.grantOf(t.victim.member(Role.STAFF))));
        calls.put("MemberService.create(victim department)",
                t -> t.members.create("Spy", null, t.victim.department().id()));
        calls.put("OfficialAccountService.get", t -> t.accounts.get(t.victim.account().id()));
        calls.put("OfficialAccountService.update",
                t -> t.accounts.update(t.victim.account().id(), "Hijack", "Hijack", null, 0));
        calls.put("OfficialAccountService.remove", t -> {
            t.accounts.remove(t.victim.account().id(), 0);
            return "";
        });
        calls.put("OfficialAccountService.register(victim department)",
                t -> t.accounts.register("Squatter", "Squatter", t.victim.department().id()));
        calls.put("PostService.get", t -> t.posts.get(t.victimPost));
        calls.put("PostService.revision", t -> t.posts.revision(t.victimPost, 1));
        calls.put("PostService.save(victim post)", t -> t.posts.save(t.victimPost, draft(t.victim.account().id(), "Hijack"), 0));
        calls.put("PostService.save(victim account)", t -> t.posts.save(null, draft(t.victim.account().id(), "Hijack"), 0));
        calls.put("PostService.submit", t -> t.posts.submit(t.victimPost, 0));
        calls.put("MediaService.info", t -> t.media.info(t.victimMedia));
        calls.put("MediaService.content", t -> t.media.content(t.victimMedia));
        calls.put("CampaignService.get", t -> t.campaigns.get(t.victimCampaign));
        calls.put("WorkflowService.current", t -> t.workflows.current(t.victim.account().id()));
        calls.put("WorkflowService.versions", t -> t.workflows.versions(t.victim.account().id()));
        calls.put("WorkflowService.save", t -> t.workflows.save(t.victim.account().id(),
                org.noticeboard.workflow.WorkflowDefinition.standard(), 1));
        calls.put("ReviewService.approve", t -> t.review.approve(t.victimPost, 1, 0));
        calls.put("ReviewService.reject", t -> t.review.reject(t.victimPost, 1, "no", 0));
        calls.put("ReviewService.withdraw", t -> t.review.withdraw(t.victimPost, 0));
        calls.put("ReviewService.decisions", t -> t.review.decisions(t.victimPost));
        calls.put("ReviewService.comment", t -> t.review.comment(t.victimPost, "Hello from elsewhere"));
        calls.put("ReviewService.comments", t -> t.review.comments(t.victimPost));
        calls.put("ReviewService.editAndResubmit", t -> t.review.editAndResubmit(t.victimPost, 1,
                draft(t.victim.account().id(), "Edited elsewhere"), 0));
        calls.put("PostService.schedule", t -> t.posts.schedule(t.victimPost, java.time.LocalDateTime.now().plusDays(1), 0));
        calls.put("PostService.save(victim campaign)", t -> t.posts.save(null, new org.noticeboard.post.PostDraft(
                t.intruder.account().id(), "x", null, null, t.victimCampaign, java.util.List.of(), java.util.Map.of()), 0));
        calls.put("PostService.save(victim image)", t -> t.posts.save(null, new org.noticeboard.post.PostDraft(
                t.intruder.account().id(), "x", null, null, null,
                java.util.List.of(new org.noticeboard.post.AttachedImage(t.victimMedia, "alt")), java.util.Map.of()), 0));
        return calls;
    }

    Stream<Arguments> victimCalls() {
        return callsOnVictimSubjects().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} as another organisation is refused")
    @MethodSource("victimCalls")
    void another_organisation_cannot_reach_our_subjects(String name, Function<TenantIsolationTest, Object> call) {
        assertThatThrownBy(() -> caller.as(intruderAllRoles, () -> call.apply(this)))
                .isInstanceOfAny(NotFoundException.class, NotPermittedException.class,
                        org.noticeboard.shared.InvalidInputException.class);
        // and the subject is as it was
        long admin = victim.member(Role.ORG_ADMIN);
        assertThat(caller.as(admin, () -> departments.get(victim.department().id())).name()).isEqualTo("Physiotherapy");
        assertThat(caller.as(admin, () -> members.get(victim.member(Role.STAFF))).active()).isTrue();
        assertThat(caller.as(admin, () -> accounts.get(victim.account().id())).handle())
                .isEqualTo(victim.account().handle());
    }

    @ParameterizedTest(name = "lists as another organisation show none of ours")
    @MethodSource("victimCalls")
    void lists_never_show_another_organisations_data(String ignored, Function<TenantIsolationTest, Object> unused) {
        caller.run(intruderAllRoles, () -> {
            assertThat(departments.list()).noneMatch(d -> d.id() == victim.department().id());
            assertThat(members.list()).noneMatch(m -> victim.members().containsValue(m.id()));
            assertThat(accounts.list()).noneMatch(a -> a.id() == victim.account().id());
            assertThat(audit.search(AuditQuery.all().withText("Victim"), 0, 500)).isEmpty();
            assertThat(organisations.current().id()).isEqualTo(intruder.organisation().id());
            assertThat(posts.mine()).noneMatch(p -> p.id() == victimPost);
            assertThat(posts.forMyAccounts()).noneMatch(p -> p.id() == victimPost);
            assertThat(campaigns.list()).noneMatch(c -> c.id() == victimCampaign);
            assertThat(policy.versions()).allMatch(v -> v.version() >= 1);
            assertThat(review.queue(org.noticeboard.post.QueueFilter.all(), 0, 200)).noneMatch(q -> q.postId() == victimPost);
        });
    }

    /** Calls that need a role: each is refused to every member of the organisation who lacks it. */
    static Stream<Arguments> roleGuardedCalls() {
        return Stream.of(
                Arguments.of("DepartmentService.create", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.departments.create("New")),
                Arguments.of("DepartmentService.rename", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.departments.rename(t.victim.department().id(), "New", t.victim.department().version())),
                Arguments.of("DepartmentService.delete", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> {
                    t.departments.delete(t.victim.department().id(), t.victim.department().version());
                    return "";
                }),
                Arguments.of("MemberService.list", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.list()),
                Arguments.of("MemberService.get", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.get(t.victim.roleless())),
                Arguments.of("MemberService.create", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.create("X", null, null)),
                Arguments.of("MemberService.update", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.update(t.victim.roleless(), "X", null, null, 0)),
                Arguments.of("MemberService.setActive", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.setActive(t.victim.roleless(), false, 0)),
                Arguments.of("MemberService.grant", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.grant(t.victim.roleless(), Role.ORG_ADMIN, null)),
                Arguments.of("MemberService.revoke", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.members.revoke(t.grantOf(t.victim.member(Role.STAFF)))),
                Arguments.of("OfficialAccountService.register", Role.ACCOUNT_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.accounts.register("Another", "Another", null)),
                Arguments.of("OfficialAccountService.update", Role.ACCOUNT_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.accounts.update(t.victim.account().id(), "Changed", "Changed", null, t.victim.account().version())),
                Arguments.of("OfficialAccountService.remove", Role.ACCOUNT_ADMIN, (Function<TenantIsolationTest, Object>) t -> {
                    t.accounts.remove(t.victim.account().id(), t.victim.account().version());
                    return "";
                }),
                Arguments.of("AuditService.search", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.audit.search(AuditQuery.all(), 0, 10)),
                Arguments.of("AuditService.count", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.audit.count(AuditQuery.all())),
                Arguments.of("AuditService.actions", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.audit.actions()),
                Arguments.of("AuditService.verify", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.audit.verify()),
                Arguments.of("PolicyService.save", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.policy.save(
                        org.noticeboard.policy.PolicyEngine.defaults(), null, 1)),
                Arguments.of("PolicyService.versions", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.policy.versions()),
                Arguments.of("PolicyService.version", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.policy.version(1)),
                Arguments.of("PolicyService.differences", Role.AUDITOR, (Function<TenantIsolationTest, Object>) t -> t.policy.differences(1, 1)),
                Arguments.of("GuidanceService.update", Role.ORG_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.guidance.update(
                        org.noticeboard.policy.GuidanceSection.BE_CURIOUS, "Changed by someone", 0)),
                Arguments.of("CampaignService.create", Role.APPROVER, (Function<TenantIsolationTest, Object>) t -> t.campaigns.create(
                        "Another campaign", java.util.List.of(), null, null)),
                Arguments.of("PostService.forMyAccounts", Role.APPROVER, (Function<TenantIsolationTest, Object>) t -> t.posts.forMyAccounts()),
                Arguments.of("MediaService.upload", Role.STAFF, (Function<TenantIsolationTest, Object>) t -> t.media.upload(
                        "x.png", org.noticeboard.post.TestImages.png())),
                Arguments.of("WorkflowService.save", Role.ACCOUNT_ADMIN, (Function<TenantIsolationTest, Object>) t -> t.workflows.save(
                        t.victim.account().id(), org.noticeboard.workflow.WorkflowDefinition.standard(), 1)),
                Arguments.of("WorkflowService.approverNames", Role.ACCOUNT_ADMIN, (Function<TenantIsolationTest, Object>) t ->
                        t.workflows.approverNames(t.victim.account().id())),
                Arguments.of("ReviewService.queue", Role.APPROVER, (Function<TenantIsolationTest, Object>) t -> t.review.queue(
                        org.noticeboard.post.QueueFilter.all(), 0, 10)),
                Arguments.of("ReplyTemplateService.create", Role.APPROVER, (Function<TenantIsolationTest, Object>) t ->
                        t.templates.create("Template " + System.nanoTime(), "Thank you: {link}")),
                Arguments.of("PostService.save", Role.STAFF, (Function<TenantIsolationTest, Object>) t -> t.posts.save(null,
                        draft(t.victim.account().id(), "Not my account"), 0)));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("roleGuardedCalls")
    void too_low_roles_are_refused(String name, Role needed, Function<TenantIsolationTest, Object> call) {
        for (Role role : Role.values()) {
            boolean allowed = role == needed || (needed == Role.AUDITOR && role == Role.ORG_ADMIN)
                    || (needed == Role.APPROVER && role == Role.ORG_ADMIN
                            && (name.startsWith("CampaignService") || name.startsWith("ReplyTemplateService")))
                    || (needed == Role.STAFF && role == Role.APPROVER && name.startsWith("MediaService"));
            if (allowed) {
                continue;
            }
            assertThatThrownBy(() -> caller.as(victim.member(role), () -> call.apply(this)))
                    .as("%s as %s", name, role)
                    .isInstanceOf(NotPermittedException.class);
        }
        assertThatThrownBy(() -> caller.as(victim.roleless(), () -> call.apply(this)))
                .as("%s with no role", name)
                .isInstanceOf(NotPermittedException.class);
    }

    private long grantOf(long memberId) {
        long admin = victim.member(Role.ORG_ADMIN);
        return caller.as(admin, () -> members.get(memberId)).grants().getFirst().id();
    }
}
