package org.noticeboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.noticeboard.access.WalkerOrg.Kind;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.compliance.ComplianceRequest;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.inbox.InboxFilter;
import org.noticeboard.inbox.MentionState;
import org.noticeboard.impact.ImpactQuery;
import org.noticeboard.listsync.SyncKind;
import org.noticeboard.member.MemberService;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.policy.PolicyEngine;
import org.noticeboard.policy.PolicyParameters;
import org.noticeboard.policy.PolicySettings;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.QueueFilter;
import org.noticeboard.post.TestImages;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderQuery;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.tweetchat.ChatPlan;
import org.noticeboard.tweetchat.ChatQuestion;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Walks every public method of every domain bean, found in the running application context rather
 * than listed by hand, and calls each one by reflection:
 * <ul>
 * <li>as each member of the organisation (one per role, and one with no role), with its own ids:
 * who gets through must be exactly who {@link #RULES} says, everyone else is refused
 * ({@link NotPermittedException} or {@link NotFoundException}) and changes nothing;</li>
 * <li>signed out: refused;</li>
 * <li>as each member of another organisation (one per role, one with no role, one holding every
 * role) with the first organisation's ids, and, for a method taking several ids, as the member
 * holding every role with one of them the first organisation's and the rest their own: refused
 * (not permitted, not found, or invalid input saying the thing named is not theirs; see
 * {@link #OTHER_REFUSALS} for the one other answer allowed), nothing of the first organisation in the
 * answer or the error message, nothing of it changed. A method that names none of the organisation's
 * ids (a list, a create) answers the other organisation's member about their own organisation only.</li>
 * </ul>
 * "Nothing changed" is a digest of every row of every table with an {@code organisation_id} (the audit
 * trail included), taken before and after each call. A bean whose class is package-private and has no
 * public interface cannot be reached from another package, so it is internal by construction.
 * Every call runs in a transaction that is rolled back, so each starts from the same data and one
 * call's success does not change what the next one finds.
 * <p>
 * A method that is neither in {@link #RULES} nor in {@link #METHOD_EXCLUSIONS}, or a bean that is
 * neither walked nor in {@link #BEAN_EXCLUSIONS}, fails {@link #every_public_method_of_every_domain_bean_is_classified}:
 * a new service method cannot ship without saying who may call it. With {@code -Dwalker.observe=true} the walk
 * prints who of the organisation gets through each method (OBSERVED) and what it would fail on (PROBLEM)
 * instead of failing: a start for classifying a new method, to be checked against the design, never copied blindly.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceMethodWalkerTest {

    /** Who calls, within the organisation: a member holding one role across it, or one holding none. */
    enum Who {
        STAFF, APPROVER, ACCOUNT_ADMIN, CURATOR, AUDITOR, ORG_ADMIN, NO_ROLE;

        @Nullable Role role() {
            return this == NO_ROLE ? null : Role.valueOf(name());
        }
    }

    static final Set<Who> ANY_MEMBER = EnumSet.allOf(Who.class);

    /**
     * Who of the organisation gets through each method, with the walker's subjects (see {@link WalkerOrg}:
     * posts are written by the Staff member, the campaign and the reply template made by the Approver,
     * the follow list, its sync and the CSV preview by the Curator, the notification is the Approver's).
     * {@code PUBLIC_LINK} methods answer anyone who holds the link, by design.
     */
    record Rule(Set<Who> members, boolean publicLink, Set<Who> elsewhere) {

        Rule(Set<Who> members, boolean publicLink) {
            this(members, publicLink, members.contains(Who.NO_ROLE) ? ANY_MEMBER : EnumSet.noneOf(Who.class));
        }

        /**
         * Who gets through holding their role only in another department than the walker's subjects' (by default
         * nobody, unless a member with no role gets through): a method answering with the caller's own slice (their
         * accounts' queue, inbox, calendar), which is empty for them. What it answers must still hold none of the
         * department's texts. Organisation admin and auditor are organisation-wide roles: held in a department they
         * confer nothing, so they are never named here.
         */
        Rule elsewhere(Who... who) {
            var set = EnumSet.copyOf(Arrays.asList(who));
            if (set.contains(Who.ORG_ADMIN) || set.contains(Who.AUDITOR) || !members.containsAll(set)) {
                throw new IllegalArgumentException("held in a department, ORG_ADMIN and AUDITOR confer nothing; and "
                        + "only a role the method allows can get through in another department: " + set);
            }
            return new Rule(members, publicLink, set);
        }
    }

    static Rule only(Who... who) {
        return new Rule(who.length == 0 ? EnumSet.noneOf(Who.class) : EnumSet.copyOf(Arrays.asList(who)), false);
    }

    static Rule anyMember() {
        return new Rule(ANY_MEMBER, false);
    }

    static Rule allBut(Who... who) {
        var members = EnumSet.allOf(Who.class);
        members.removeAll(Arrays.asList(who));
        return new Rule(members, false);
    }

    /**
     * Any member holding a role: a member with no role (anyone the identity provider lets in) sees Home and
     * nothing else. Organisation admin and auditor held in a department are no role at all.
     */
    static Rule anyRole() {
        return allBut(Who.NO_ROLE).elsewhere(Who.STAFF, Who.APPROVER, Who.ACCOUNT_ADMIN, Who.CURATOR);
    }

    static final Rule PUBLIC_LINK = new Rule(ANY_MEMBER, true);

    static final Map<String, Rule> RULES = new TreeMap<>();

    /** Beans not walked: they are never called on behalf of a signed-in member. */
    static final Map<String, String> BEAN_EXCLUSIONS = new TreeMap<>();

    /** Methods of walked beans not walked, for the same reason. */
    static final Map<String, String> METHOD_EXCLUSIONS = new TreeMap<>();

    static {
        BEAN_EXCLUSIONS.put("Access", "the access layer itself: every walked method goes through it; asSystem and "
                + "asMember run trusted server-side work (seeding, sign-in, jobs) and are never called by a view");
        BEAN_EXCLUSIONS.put("AuditTrail", "append-only writer: services record with the Actor they have already checked; "
                + "it reads nothing back");
        BEAN_EXCLUSIONS.put("IntegrityMonitor", "the nightly integrity check of every organisation's chain, run by the "
                + "scheduler as the system");
        BEAN_EXCLUSIONS.put("AuditKeys", "the audit chain's keys (ids only in public methods); no member calls it");
        BEAN_EXCLUSIONS.put("AuditCheckpointFiles", "the checkpoint directory outside the database, used by the audit "
                + "package's verification and the nightly export; no member calls it");
        BEAN_EXCLUSIONS.put("DemoData", "seeds the demo organisations at start-up, as the system");
        BEAN_EXCLUSIONS.put("DemoDirectory", "seeds the demo directory at start-up, as its curators");
        BEAN_EXCLUSIONS.put("Installation", "creates the installation's organisations at start-up; the UI may not "
                + "depend on it (ArchitectureTest)");
        BEAN_EXCLUSIONS.put("Tenants", "creates organisations; the UI may not depend on it (ArchitectureTest)");
        BEAN_EXCLUSIONS.put("SignInService", "authentication: runs in the security filter before there is a "
                + "signed-in member, and is what makes one");
        BEAN_EXCLUSIONS.put("MetricsCollector", "background job: collects metrics of published posts as the system");
        BEAN_EXCLUSIONS.put("MentionPoller", "background job: fetches mentions as the system (members ask through "
                + "MentionService.checkNow, which is walked)");
        BEAN_EXCLUSIONS.put("ListSyncWorker", "background job: carries out approved list syncs as the system");
        BEAN_EXCLUSIONS.put("StakeholderChecks", "background job: re-checks stale stakeholders on X as the system");
        BEAN_EXCLUSIONS.put("PostExpiry", "background job: expires posts not approved in time, as the system");
        BEAN_EXCLUSIONS.put("MediaCleanup", "background job: removes images no revision uses a day after their upload");
        BEAN_EXCLUSIONS.put("SessionLocks", "infrastructure: PostgreSQL advisory locks for the jobs");
        BEAN_EXCLUSIONS.put("StakeholderLists", "the stakeholder package's port to follow lists: StakeholderService and "
                + "StakeholderCsv call it with the Actor they checked (their methods are walked)");
        BEAN_EXCLUSIONS.put("ListVisibility", "a predicate over an Actor and the list fields the calling service read "
                + "for that Actor's organisation; it reads no list itself");
        BEAN_EXCLUSIONS.put("MailOutbox", "the mail transport: NotificationService hands it what it decided to send");
        BEAN_EXCLUSIONS.put("AfterPublish", "publishing's hook (the inbox marks a mention answered): the publishing job "
                + "calls it for the post it published");

        METHOD_EXCLUSIONS.put("NotificationService.tell(long,Collection,Long,String,Long)", "internal: services tell "
                + "members of the organisation they checked the caller against, and jobs (publishing, list sync, "
                + "integrity) tell them with no member signed in");
        METHOD_EXCLUSIONS.put("OfficialAccountService.markNeedsReconnect(long,String)", "callback of the X token "
                + "store when X stops accepting an account's tokens; acts as the system of the account's organisation");
        METHOD_EXCLUSIONS.put("OfficialAccountService.tokenRefreshed(long,Instant)", "callback of the X token store when "
                + "X renewed an account's token: records it as the system, in the store's transaction");
        METHOD_EXCLUSIONS.put("NotificationService.tellEach(long,List)", "internal: the publishing job tells the "
                + "authors of a batch of posts, with no member signed in");
        METHOD_EXCLUSIONS.put("Publisher.publish(long)", "the publishing job's step for one due post");
        METHOD_EXCLUSIONS.put("Publisher.publishBatch(int,int,Consumer)", "the publishing job's step for the text "
                + "posts due together");
        METHOD_EXCLUSIONS.put("Publisher.due(int)", "the publishing job's query for due posts");
        METHOD_EXCLUSIONS.put("Publisher.publishedByThisInstance()", "a counter for the load tests");
    }

    /**
     * Methods that refuse another organisation's member with something other than "not permitted" or "not
     * found", and why that refusal tells them nothing either.
     */
    static final Map<String, String> OTHER_REFUSALS = Map.of(
            "StakeholderCsv.commit(String,String)", "a preview is kept in memory for the member who made it: anyone "
                    + "else's token is answered as a preview no longer kept (ConflictException), as an expired one is");

    static {
        // account: every member sees the accounts; account admins change them
        RULES.put("OfficialAccountService.list()", anyMember());
        RULES.put("OfficialAccountService.get(long)", anyMember());
        RULES.put("OfficialAccountService.register(String,String,Long)", only(Who.ACCOUNT_ADMIN));
        RULES.put("OfficialAccountService.update(long,String,String,Long,int)", only(Who.ACCOUNT_ADMIN));
        RULES.put("OfficialAccountService.remove(long,int)", only(Who.ACCOUNT_ADMIN));
        RULES.put("OfficialAccountService.requireConnectable(long)", only(Who.ACCOUNT_ADMIN));
        RULES.put("OfficialAccountService.connect(long,String,String,String)", only(Who.ACCOUNT_ADMIN));
        RULES.put("OfficialAccountService.disconnect(long)", only(Who.ACCOUNT_ADMIN));

        // audit: auditors and organisation admins only
        for (String method : List.of("actions()", "checks(int)", "count(AuditQuery)", "exportCsv(AuditQuery,OutputStream)",
                "exported(String,String,Object)", "matches(AuditQuery)", "opened(String,String,Object)",
                "search(AuditQuery,int,int)", "verify()")) {
            RULES.put("AuditService." + method, only(Who.AUDITOR, Who.ORG_ADMIN));
        }

        // campaign: names and hashtags are the organisation's (the composer offers them); approvers and admins add
        RULES.put("CampaignService.list()", anyRole());
        RULES.put("CampaignService.get(long)", anyRole());
        RULES.put("CampaignService.create(String,List,LocalDate,LocalDate)", only(Who.APPROVER, Who.ORG_ADMIN)
                .elsewhere(Who.APPROVER));
        RULES.put("CampaignService.create(String,List,LocalDate,LocalDate,String)", only(Who.APPROVER, Who.ORG_ADMIN)
                .elsewhere(Who.APPROVER));
        // each of its posts only to who may see that post: to another department's staff and approvers, none
        RULES.put("CampaignService.posts(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR, Who.ORG_ADMIN)
                .elsewhere(Who.STAFF, Who.APPROVER));

        // compliance: reports for auditors and admins, dossiers for auditors
        RULES.put("ComplianceService.report(ComplianceRequest)", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("ComplianceService.exportCsv(ComplianceRequest,OutputStream)", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("ComplianceService.exportPdf(ComplianceRequest,OutputStream)", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("DossierService.find(String,Long,int,int)", only(Who.AUDITOR));
        RULES.put("DossierService.dossier(long)", only(Who.AUDITOR));
        RULES.put("PreElectionPeriodService.list()", only(Who.APPROVER, Who.AUDITOR, Who.ORG_ADMIN).elsewhere(Who.APPROVER));
        RULES.put("PreElectionPeriodService.add(String,LocalDate,LocalDate)", only(Who.ORG_ADMIN));
        RULES.put("PreElectionPeriodService.remove(long)", only(Who.ORG_ADMIN));

        // departments: any member reads them, organisation admins change them
        RULES.put("DepartmentService.list()", anyMember());
        RULES.put("DepartmentService.get(long)", anyMember());
        RULES.put("DepartmentService.create(String)", only(Who.ORG_ADMIN));
        RULES.put("DepartmentService.rename(long,String,int)", only(Who.ORG_ADMIN));
        RULES.put("DepartmentService.delete(long,int)", only(Who.ORG_ADMIN));

        // follow lists: members read the lists they may see (the walker's list is public, so all of them),
        // curators of the keeping department change them; subscriptions are a curator's, for their department
        RULES.put("FollowListService.list()", anyRole());
        RULES.put("FollowListService.get(long)", anyRole());
        RULES.put("FollowListService.members(long)", anyRole());
        RULES.put("FollowListService.history(long)", anyRole());
        RULES.put("FollowListService.export(long)", anyRole());
        RULES.put("FollowListService.curatedDepartments()", anyRole());
        RULES.put("FollowListService.subscriptions()", anyRole());
        // the subscribed list is kept by another department, seen only by members holding an organisation-wide role
        RULES.put("FollowListService.changesSince(long)", anyRole());
        RULES.put("FollowListService.create(Long,String,String,String)", only(Who.CURATOR));
        RULES.put("FollowListService.update(long,String,String,String,int)", only(Who.CURATOR));
        RULES.put("FollowListService.setVisibility(long,Visibility,int)", only(Who.CURATOR));
        RULES.put("FollowListService.delete(long,int)", only(Who.CURATOR));
        RULES.put("FollowListService.addMember(long,long,String)", only(Who.CURATOR));
        RULES.put("FollowListService.addMembers(long,List,String)", only(Who.CURATOR));
        RULES.put("FollowListService.removeMember(long,long,String)", only(Who.CURATOR));
        RULES.put("FollowListService.fork(long,Long)", only(Who.CURATOR));
        // the subscribed list is the walker's other department's own, and a curator acts for their own department:
        // that department's curator is answered about their own list (not subscribed, or their own)
        RULES.put("FollowListService.subscribe(long)", only(Who.CURATOR).elsewhere(Who.CURATOR));
        RULES.put("FollowListService.unsubscribe(long)", only(Who.CURATOR).elsewhere(Who.CURATOR));
        RULES.put("FollowListService.markSeen(long)", only(Who.CURATOR).elsewhere(Who.CURATOR));
        RULES.put("FollowListService.markSeen(long,long)", only(Who.CURATOR).elsewhere(Who.CURATOR));
        // a PUBLIC list's link is meant for anyone, signed in or not, of any organisation
        RULES.put("FollowListService.publicView(String)", PUBLIC_LINK);
        RULES.put("FollowListService.publicExport(String)", PUBLIC_LINK);
        RULES.put("FollowListService.publicAccess(int)", only(Who.AUDITOR, Who.ORG_ADMIN));

        // guidance: everyone reads it, organisation admins write it
        RULES.put("GuidanceService.sections()", anyMember());
        RULES.put("GuidanceService.update(GuidanceSection,String,int)", only(Who.ORG_ADMIN));

        // impact: approvers, account admins and organisation admins
        RULES.put("ImpactService.dashboard(ImpactQuery)", only(Who.APPROVER, Who.ACCOUNT_ADMIN, Who.ORG_ADMIN));
        RULES.put("ImpactService.csv(ImpactQuery)", only(Who.APPROVER, Who.ACCOUNT_ADMIN, Who.ORG_ADMIN));

        // inbox: staff and approvers; liking and reposting as the account are an approver's, replies are posts (staff)
        for (String method : List.of("accounts()", "inbox(InboxFilter)", "get(long)", "notes(long)", "assignees()",
                "assign(long,Long,Long,int)", "setState(long,MentionState,int)", "addNote(long,String)", "checkNow()",
                "pollStatus(long)")) {
            RULES.put("MentionService." + method, only(Who.STAFF, Who.APPROVER));
        }
        // the accounts a member answers for, whom a mention can be given to, and a poll of their own accounts
        for (String method : List.of("accounts()", "assignees()", "checkNow()")) {
            RULES.put("MentionService." + method, only(Who.STAFF, Who.APPROVER).elsewhere(Who.STAFF, Who.APPROVER));
        }
        RULES.put("MentionService.startReply(long,Long,Map)", only(Who.STAFF));
        RULES.put("MentionService.startQuote(long)", only(Who.STAFF));
        RULES.put("MentionService.like(long)", only(Who.APPROVER));
        RULES.put("MentionService.repost(long)", only(Who.APPROVER));

        // list syncs: a curator asks, another member (an account admin) approves; the walker's list is public, so
        // every member may follow its syncs
        RULES.put("ListSyncService.request(long,long,SyncKind)", only(Who.CURATOR));
        RULES.put("ListSyncService.approve(long)", only(Who.ACCOUNT_ADMIN));
        RULES.put("ListSyncService.cancel(long)", only(Who.CURATOR, Who.ACCOUNT_ADMIN));
        RULES.put("ListSyncService.status(long)", anyRole());
        RULES.put("ListSyncService.forList(long)", anyRole());
        RULES.put("ListSyncService.problems(long)", anyRole());
        RULES.put("ListSyncService.awaitingApproval()", anyRole());

        // members: organisation admins, and everyone their own membership
        RULES.put("MemberService.me()", anyMember());
        RULES.put("MemberService.organisationAdminEverGranted()", only(Who.ORG_ADMIN));
        for (String method : List.of("list()", "get(long)", "create(String,String,Long)", "create(String,String,Long,String)",
                "update(long,String,String,Long,int)", "setActive(long,boolean,int)", "grant(long,Role,Long)",
                "revoke(long)")) {
            RULES.put("MemberService." + method, only(Who.ORG_ADMIN));
        }

        // notifications: one's own (the walker's notification is the approver's)
        RULES.put("NotificationService.mine()", anyMember());
        RULES.put("NotificationService.unread()", anyMember());
        RULES.put("NotificationService.markRead(long)", only(Who.APPROVER));

        RULES.put("OrganisationService.current()", anyMember());

        // policy: everyone writes under it and sees it live; its history is the auditors' and admins'
        RULES.put("PolicyService.current()", anyMember());
        RULES.put("PolicyService.engine()", anyMember());
        RULES.put("PolicyService.versions()", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("PolicyService.version(int)", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("PolicyService.differences(int,int)", only(Who.AUDITOR, Who.ORG_ADMIN));
        RULES.put("PolicyService.save(PolicySettings,String,int)", only(Who.ORG_ADMIN));

        // posts: the author (the walker's Staff member), the account's approvers and auditors see a post; only its
        // author changes it; approvers review it
        RULES.put("PostService.writableAccounts()", anyMember());
        RULES.put("PostService.mine()", anyMember());
        RULES.put("PostService.get(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("PostService.revision(long,int)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("PostService.save(Long,PostDraft,int)", only(Who.STAFF));
        RULES.put("PostService.submit(long,int)", only(Who.STAFF));
        RULES.put("PostService.saveTemplateReply(long,String,long,Map)", only(Who.STAFF));
        RULES.put("PostService.sendBackToReview(long,String)", only(Who.APPROVER, Who.ACCOUNT_ADMIN));
        RULES.put("ReviewService.whyNotApprove(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("TweetChatService.whyNotApproveAll(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("PoliticalStakeholders.handles()", anyRole());
        // the walker's post is in review: now the approvers, not its author, set its time
        RULES.put("PostService.schedule(long,LocalDateTime,int)", only(Who.APPROVER));
        RULES.put("PostService.submitRepost(long,String)", only(Who.APPROVER));
        RULES.put("PostService.calendar(Long,LocalDate,LocalDate)", only(Who.STAFF, Who.APPROVER));
        RULES.put("PostService.forMyAccounts()", only(Who.APPROVER).elsewhere(Who.APPROVER));
        RULES.put("MediaService.upload(String,byte[])", only(Who.STAFF, Who.APPROVER).elsewhere(Who.STAFF, Who.APPROVER));
        RULES.put("MediaService.info(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("MediaService.content(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("ReviewService.queue(QueueFilter,int,int)", only(Who.APPROVER));
        RULES.put("ReviewService.approve(long,int,int)", only(Who.APPROVER));
        RULES.put("ReviewService.reject(long,int,String,int)", only(Who.APPROVER));
        RULES.put("ReviewService.editAndResubmit(long,int,PostDraft,int)", only(Who.APPROVER));
        RULES.put("ReviewService.withdraw(long,int)", only(Who.STAFF));
        RULES.put("ReviewService.comment(long,String)", only(Who.STAFF, Who.APPROVER));
        RULES.put("ReviewService.comments(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("ReviewService.decisions(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("Publisher.attempts(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("Publisher.publishAgain(long)", only(Who.APPROVER, Who.ACCOUNT_ADMIN));

        // reply templates: everyone answering uses them; approvers and admins add them
        RULES.put("ReplyTemplateService.list()", anyRole());
        RULES.put("ReplyTemplateService.get(long)", anyRole());
        RULES.put("ReplyTemplateService.create(String,String)", only(Who.APPROVER, Who.ORG_ADMIN).elsewhere(Who.APPROVER));

        // the stakeholder directory: every member holding a role reads it (its notes are internal), curators and
        // organisation admins change it; an import into a list is its curators'
        for (String method : List.of("get(long)", "search(StakeholderQuery,int,int)", "all(StakeholderQuery)", "regions()",
                "topics()", "uncheckedCount()")) {
            RULES.put("StakeholderService." + method, anyRole());
        }
        for (String method : List.of("add(StakeholderDraft)", "update(long,StakeholderDraft,int)", "remove(long,int)",
                "refresh(List)", "refreshUnchecked(int)")) {
            // the directory is the organisation's: a curator of any department keeps it
            RULES.put("StakeholderService." + method, only(Who.CURATOR, Who.ORG_ADMIN).elsewhere(Who.CURATOR));
        }
        RULES.put("StakeholderCsv.exportDirectory(StakeholderQuery)", anyRole());
        RULES.put("StakeholderCsv.preview(byte[],Long)", only(Who.CURATOR));
        RULES.put("StakeholderCsv.commit(byte[],Long,String,String)", only(Who.CURATOR));
        // a preview of a directory import (no list), by the caller themself
        RULES.put("StakeholderCsv.commit(String,String)", only(Who.CURATOR, Who.ORG_ADMIN).elsewhere(Who.CURATOR));

        // tweet chats: planned by staff, approved by approvers, read by auditors too
        RULES.put("TweetChatService.plan(ChatPlan)", only(Who.STAFF));
        RULES.put("TweetChatService.submit(long)", only(Who.STAFF));
        RULES.put("TweetChatService.approveAll(long)", only(Who.APPROVER));
        RULES.put("TweetChatService.get(long)", only(Who.STAFF, Who.APPROVER, Who.AUDITOR));
        RULES.put("TweetChatService.list()", only(Who.STAFF, Who.APPROVER).elsewhere(Who.STAFF, Who.APPROVER));

        // workflows: everyone may see how their posts will be approved; account admins change them
        RULES.put("WorkflowService.current(long)", anyRole());
        RULES.put("WorkflowService.version(long,int)", anyRole());
        RULES.put("WorkflowService.versions(long)", anyRole());
        RULES.put("WorkflowService.eligibleApprovers(long,WorkflowStep)", anyRole());
        RULES.put("WorkflowService.approverNames(long)", only(Who.ACCOUNT_ADMIN));
        RULES.put("WorkflowService.save(long,WorkflowDefinition,int)", only(Who.ACCOUNT_ADMIN));
    }

    /** A policy that differs from the one given by one banned term. */
    static PolicySettings withBannedTerm(PolicySettings settings, String term) {
        var p = settings.parameters();
        var terms = new ArrayList<>(p.bannedTerms());
        terms.add(term);
        return new PolicySettings(settings.rules(), new PolicyParameters(terms, p.allowedLinkDomains(),
                p.deniedLinkDomains(), p.publishedPhoneNumbers(), p.publishedEmailAddresses(), p.hospitalNumberPattern(),
                p.publishingStart(), p.publishingEnd(), p.publishingDays(), p.preElectionPeriods(),
                p.politicalStakeholders(), p.capitalsPercent(), p.extraToneWords()));
    }

    /** The file the CSV import methods get; previewed by each organisation's curator into its list. */
    static final byte[] CSV = "handle,name\nWalkerCharity,Walker Charity\n".getBytes(StandardCharsets.UTF_8);

    @Autowired ApplicationContext context;
    @Autowired TestCaller caller;
    @Autowired DSLContext db;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MemberService members;

    WalkerOrg victim;
    WalkerOrg intruder;
    long intruderAllRoles;
    /** Members of the walker's organisation holding one role each, only in its other department. */
    final Map<Role, Long> elsewhere = new java.util.EnumMap<>(Role.class);
    String fingerprintSql = "";
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, AtomicInteger> callsByKind = new TreeMap<>();
    final Map<String, Set<Who>> observed = new TreeMap<>();
    final Map<String, AtomicInteger> intruderAnswers = new TreeMap<>();
    /** Calls of the walker's own self-test are not counted with the walk. */
    boolean selfTest;

    @BeforeAll
    void setUp() {
        victim = WalkerOrg.build("Zqvictim", context, 810_000_000L);
        intruder = WalkerOrg.build("Zqintruder", context, 820_000_000L);
        long admin = intruder.member(Role.ORG_ADMIN);
        // in a department of their own, like every member of World: so that a department-scoped rule is reached, not
        // refused early for a member without one
        intruderAllRoles = caller.as(admin, () -> members.create("Zqintruder Holds Every Role", null,
                intruder.id(Kind.DEPARTMENT))).id();
        intruder.extraMembers.add(intruderAllRoles);
        for (Role role : Role.values()) {
            caller.run(admin, () -> members.grant(intruderAllRoles, role, null));
        }
        // the walker's organisation: one member per role, holding it only in the other department (Rehabilitation),
        // where none of the walker's subjects is. Organisation admin and auditor cannot be granted for a department
        // any more, but a grant stored before that rule must confer nothing: it is written as it was stored then.
        long victimAdmin = victim.member(Role.ORG_ADMIN);
        for (Role role : Role.values()) {
            long member = caller.as(victimAdmin, () -> members.create("Rehabilitation " + role.label(), null,
                    victim.otherDepartment)).id();
            if (role == Role.ORG_ADMIN || role == Role.AUDITOR) {
                var grant = org.noticeboard.db.jooq.Tables.ROLE_GRANT;
                db.insertInto(grant).set(grant.ORGANISATION_ID, victim.organisationId()).set(grant.MEMBER_ID, member)
                        .set(grant.ROLE, role.name()).set(grant.DEPARTMENT_ID, victim.otherDepartment).execute();
            } else {
                caller.run(victimAdmin, () -> members.grant(member, role, victim.otherDepartment));
            }
            elsewhere.put(role, member);
            victim.extraMembers.add(member);
        }
        fingerprintSql = fingerprintSql();
    }

    @AfterAll
    void report() {
        System.out.println("ServiceMethodWalkerTest: " + calls.get() + " calls " + callsByKind
                + "; another organisation's members naming our ids were answered " + intruderAnswers);
        if (Boolean.getBoolean("walker.observe")) {
            observed.forEach((key, who) -> System.out.println("OBSERVED " + key + " -> " + who));
        }
    }

    // ---- discovery ---------------------------------------------------------------------------------

    /** A public method of a bean, reached through a public type of ours. */
    record Walked(String key, Object bean, Method method, String surface) {}

    record Discovery(List<Walked> walked, Set<String> surfaces, Set<String> internal) {}

    Discovery discover() {
        var walked = new ArrayList<Walked>();
        var surfaces = new TreeSet<String>();
        var internal = new TreeSet<String>();
        var seen = new LinkedHashSet<String>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (!type.getName().startsWith("org.noticeboard.") || fromTestSources(type)
                    || type.isAnnotationPresent(Configuration.class)) {
                continue;
            }
            List<Class<?>> publicTypes = new ArrayList<>();
            if (Modifier.isPublic(type.getModifiers()) && !type.isHidden() && !type.isSynthetic()) {
                publicTypes.add(type);
            } else {
                for (Class<?> face : ClassUtils.getAllInterfacesForClassAsSet(type)) {
                    if (face.getName().startsWith("org.noticeboard.") && Modifier.isPublic(face.getModifiers())) {
                        publicTypes.add(face);
                    }
                }
            }
            if (publicTypes.isEmpty()) {
                // a package-private class with no public interface cannot be called from another package
                internal.add(type.getSimpleName());
                continue;
            }
            for (Class<?> surface : publicTypes) {
                surfaces.add(surface.getSimpleName());
                if (BEAN_EXCLUSIONS.containsKey(surface.getSimpleName())) {
                    continue;
                }
                for (Method method : surface.getMethods()) {
                    if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || method.isBridge()
                            || !method.getDeclaringClass().getName().startsWith("org.noticeboard.")) {
                        continue;
                    }
                    String key = key(surface, method);
                    if (seen.add(key)) {
                        walked.add(new Walked(key, bean, method, surface.getSimpleName()));
                    }
                }
            }
        }
        walked.sort(java.util.Comparator.comparing(Walked::key));
        return new Discovery(walked, surfaces, internal);
    }

    static String key(Class<?> surface, Method method) {
        return surface.getSimpleName() + "." + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    static boolean fromTestSources(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("test-classes");
    }

    @Test
    void every_public_method_of_every_domain_bean_is_classified() {
        var discovery = discover();
        var unclassified = discovery.walked().stream().map(Walked::key)
                .filter(k -> !RULES.containsKey(k) && !METHOD_EXCLUSIONS.containsKey(k)).toList();
        assertThat(unclassified)
                .as("public service methods that say neither who may call them (RULES) nor why no member ever does "
                        + "(METHOD_EXCLUSIONS)")
                .isEmpty();
        var known = discovery.walked().stream().map(Walked::key).collect(Collectors.toSet());
        assertThat(RULES.keySet()).as("RULES naming no method of a domain bean (renamed or removed?)")
                .allMatch(known::contains);
        assertThat(METHOD_EXCLUSIONS.keySet()).as("METHOD_EXCLUSIONS naming no method of a domain bean")
                .allMatch(known::contains);
        assertThat(BEAN_EXCLUSIONS.keySet()).as("BEAN_EXCLUSIONS naming no domain bean")
                .allMatch(discovery.surfaces()::contains);
        assertThat(discovery.walked()).as("the walk finds the services").hasSizeGreaterThan(150);
        System.out.println("ServiceMethodWalkerTest: " + discovery.walked().size() + " public methods on "
                + (discovery.surfaces().size() - BEAN_EXCLUSIONS.size()) + " walked beans; " + METHOD_EXCLUSIONS.size()
                + " methods and " + BEAN_EXCLUSIONS.size() + " beans excluded; internal by visibility: "
                + discovery.internal());
    }

    // ---- the walker catches what it is for ------------------------------------------------------------

    /** A service as it must not be written: it reads by id without the organisation, and changes without the role. */
    public static final class CarelessDepartments {

        private final DSLContext db;
        private final Access access;

        CarelessDepartments(DSLContext db, Access access) {
            this.db = db;
            this.access = access;
        }

        public String name(long departmentId) {
            return db.select(org.noticeboard.db.jooq.Tables.DEPARTMENT.NAME).from(org.noticeboard.db.jooq.Tables.DEPARTMENT)
                    .where(org.noticeboard.db.jooq.Tables.DEPARTMENT.ID.eq(departmentId))
                    .fetchSingle(org.noticeboard.db.jooq.Tables.DEPARTMENT.NAME);
        }

        public int rename(long departmentId, String name) {
            var department = org.noticeboard.db.jooq.Tables.DEPARTMENT;
            return db.update(department).set(department.NAME, name)
                    .where(department.ID.eq(departmentId), department.ORGANISATION_ID.eq(access.actor().organisationId()))
                    .execute();
        }
    }

    @Test
    void the_walker_fails_a_method_that_forgets_the_organisation_or_the_role() throws Exception {
        var careless = new CarelessDepartments(db, context.getBean(Access.class));
        selfTest = true;
        try {
            walkCareless(careless);
        } finally {
            selfTest = false;
        }
    }

    private void walkCareless(CarelessDepartments careless) throws NoSuchMethodException {
        Method name = CarelessDepartments.class.getMethod("name", long.class);
        Method rename = CarelessDepartments.class.getMethod("rename", long.class, String.class);

        var nameProblems = problems(new Walked(key(CarelessDepartments.class, name), careless, name, "CarelessDepartments"),
                anyMember());
        assertThat(nameProblems)
                .anySatisfy(p -> assertThat(p).startsWith("signed out: succeeded"))
                .anySatisfy(p -> assertThat(p).contains("other organisation's STAFF: our data in the answer: Zqvictim"))
                .anySatisfy(p -> assertThat(p).contains("member holding every role: succeeded with our ids instead of a refusal"));

        var renameProblems = problems(new Walked(key(CarelessDepartments.class, rename), careless, rename,
                "CarelessDepartments"), only(Who.ORG_ADMIN));
        assertThat(renameProblems)
                .anySatisfy(p -> assertThat(p).startsWith("STAFF gets through (succeeded) but should be refused"))
                .anySatisfy(p -> assertThat(p).startsWith("NO_ROLE gets through (succeeded) but should be refused"))
                .anySatisfy(p -> assertThat(p).startsWith("ORG_ADMIN held only in another department gets through"))
                .noneMatch(p -> p.startsWith("ORG_ADMIN gets") || p.startsWith("ORG_ADMIN is"));

        // a method on one department's post that asks for the role held anywhere, not for the post's department
        Method text = CarelessPosts.class.getMethod("text", long.class);
        var carelessPosts = new CarelessPosts(db, context.getBean(Access.class));
        var textProblems = problems(new Walked(key(CarelessPosts.class, text), carelessPosts, text, "CarelessPosts"),
                only(Who.APPROVER));
        assertThat(textProblems)
                .anySatisfy(p -> assertThat(p).startsWith("APPROVER held only in another department gets through"))
                .anySatisfy(p -> assertThat(p).startsWith("APPROVER held only in another department: the department's "
                        + "data in the answer: Zqvictim physio drop-in on Tuesday"))
                .noneMatch(p -> p.startsWith("APPROVER gets") || p.startsWith("APPROVER is"));
    }

    /** A service as it must not be written: it checks the role held anywhere for one department's post. */
    public static final class CarelessPosts {

        private final DSLContext db;
        private final Access access;

        CarelessPosts(DSLContext db, Access access) {
            this.db = db;
            this.access = access;
        }

        public String text(long postId) {
            long organisation = access.require(Role.APPROVER).organisationId();
            var revision = org.noticeboard.db.jooq.Tables.POST_REVISION;
            var post = org.noticeboard.db.jooq.Tables.POST;
            return db.select(revision.TEXT).from(post).join(revision).on(revision.POST_ID.eq(post.ID),
                            revision.NUMBER.eq(post.CURRENT_REVISION))
                    .where(post.ID.eq(postId), post.ORGANISATION_ID.eq(organisation))
                    .fetchSingle(revision.TEXT);
        }
    }

    // ---- the walk ----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> every_service_method_refuses_other_organisations_and_too_low_roles() {
        return discover().walked().stream()
                .filter(w -> !METHOD_EXCLUSIONS.containsKey(w.key()))
                .map(w -> DynamicTest.dynamicTest(w.key(), () -> walk(w)));
    }

    /** What one call did. */
    record Outcome(@Nullable Object result, @Nullable Throwable error, List<String> changedTables, String output) {

        boolean refused() {
            return error instanceof NotPermittedException || error instanceof NotFoundException;
        }

        String describe() {
            if (error == null) {
                return "succeeded";
            }
            return error.getClass().getSimpleName() + " \"" + error.getMessage() + "\"";
        }

        String text() {
            var text = new StringBuilder(output);
            text.append(render(result));
            if (error != null) {
                text.append(' ').append(error.getMessage());
            }
            return text.toString();
        }

        private static String render(@Nullable Object value) {
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return String.valueOf(value);
        }
    }

    void walk(Walked walked) {
        boolean observe = Boolean.getBoolean("walker.observe");
        Rule rule = RULES.get(walked.key());
        if (rule == null && observe) {
            rule = anyMember();
        }
        assertThat(rule).as("rule for " + walked.key()).isNotNull();
        var problems = problems(walked, rule);
        if (Boolean.getBoolean("walker.observe")) {
            problems.forEach(p -> System.out.println("PROBLEM " + walked.key() + ": " + p));
            return;
        }
        assertThat(problems).as(walked.key()).isEmpty();
    }

    /** What is wrong with how the method treats callers it should refuse (nothing, for a method that is right). */
    List<String> problems(Walked walked, Rule rule) {
        boolean observe = Boolean.getBoolean("walker.observe");
        var problems = new ArrayList<String>();

        // the organisation's own members, with its own ids
        var allowed = EnumSet.noneOf(Who.class);
        boolean someSucceeded = false;
        for (Who who : Who.values()) {
            long member = who == Who.NO_ROLE ? victim.org.roleless() : victim.member(java.util.Objects.requireNonNull(who.role()));
            Outcome outcome = call(walked, member, slot -> true, "own organisation");
            if (observe) {
                System.out.println("OUTCOME " + walked.key() + " " + who + ": " + abbreviate(outcome.describe()));
            }
            if (outcome.refused()) {
                if (!outcome.changedTables().isEmpty()) {
                    problems.add(who + " was refused but changed " + outcome.changedTables());
                }
            } else {
                allowed.add(who);
                someSucceeded |= outcome.error() == null;
                if (outcome.error() instanceof org.springframework.dao.DataAccessException
                        || outcome.error() instanceof org.jooq.exception.DataAccessException) {
                    problems.add(who + ": the database refused it: " + outcome.describe());
                }
            }
            if (rule.members().contains(who) != !outcome.refused()) {
                problems.add(who + (outcome.refused() ? " is refused (" + outcome.describe() + ") but should get through"
                        : " gets through (" + outcome.describe() + ") but should be refused"));
            }
        }
        observed.put(walked.key(), allowed);

        // the organisation's members holding their role only in another department
        for (var entry : elsewhere.entrySet()) {
            Who who = Who.valueOf(entry.getKey().name());
            Outcome outcome = call(walked, entry.getValue(), slot -> true, "another department");
            String label = who + " held only in another department";
            if (observe) {
                System.out.println("OUTCOME " + walked.key() + " " + label + ": " + abbreviate(outcome.describe()));
            }
            if (outcome.refused() && !outcome.changedTables().isEmpty()) {
                problems.add(label + " was refused but changed " + outcome.changedTables());
            }
            if (rule.elsewhere().contains(who) == outcome.refused()) {
                problems.add(label + (outcome.refused() ? " is refused (" + outcome.describe() + ") but should get through"
                        : " gets through (" + outcome.describe() + ") but should be refused"));
            }
            String text = outcome.text();
            victim.departmentTexts.stream().filter(text::contains).findFirst().ifPresent(leak -> problems.add(label
                    + ": the department's data in the answer: " + abbreviate(text.substring(text.indexOf(leak)))));
        }
        if (!rule.members().isEmpty() && !someSucceeded) {
            problems.add("no member it allows succeeded with the walker's arguments, so the walk proves little: "
                    + "give it arguments that work");
        }

        // signed out
        Outcome anonymous = call(walked, null, slot -> true, "signed out");
        if (!rule.publicLink() && !(anonymous.error() instanceof NotPermittedException)) {
            problems.add("signed out: " + anonymous.describe() + " instead of a refusal");
        }
        // a public link's views are counted per day, and the day's first is one audit event: nothing else changes
        var anonymousChanges = new java.util.TreeSet<>(anonymous.changedTables());
        if (rule.publicLink()) {
            anonymousChanges.removeAll(Set.of("follow_list_public_access", "audit_event", "audit_chain_head"));
        }
        if (!anonymousChanges.isEmpty()) {
            problems.add("signed out, it changed " + anonymous.changedTables());
        }

        // another organisation's members, with this organisation's ids
        if (!rule.publicLink()) {
            var intruders = new LinkedHashMap<String, Long>();
            for (Role role : Role.values()) {
                intruders.put("other organisation's " + role, intruder.member(role));
            }
            intruders.put("other organisation's member with no role", intruder.org.roleless());
            intruders.put("other organisation's member holding every role", intruderAllRoles);
            int slots = countSlots(walked);
            intruders.forEach((label, member) -> checkIntruder(walked, label, member, slot -> true, slots, problems));
            if (slots > 1) {
                for (int i = 0; i < slots; i++) {
                    int victimSlot = i;
                    checkIntruder(walked, "other organisation's member holding every role, with only id #" + (i + 1)
                            + " ours", intruderAllRoles, slot -> slot == victimSlot, slots, problems);
                }
            }
        }
        return problems;
    }

    void checkIntruder(Walked walked, String label, long member, IntPredicate victimSlots, int slots, List<String> problems) {
        Outcome outcome = call(walked, member, victimSlots, "other organisation");
        if (Boolean.getBoolean("walker.observe") && outcome.error() != null && !outcome.refused()) {
            System.out.println("INTRUDER " + walked.key() + " " + label + ": " + abbreviate(outcome.describe()));
        }
        if (slots > 0 && !selfTest) {
            intruderAnswers.computeIfAbsent(outcome.error() == null ? "success" : outcome.error().getClass().getSimpleName(),
                    k -> new AtomicInteger()).incrementAndGet();
        }
        if (!outcome.changedTables().isEmpty()) {
            problems.add(label + ": changed our " + outcome.changedTables());
        }
        if (outcome.text().contains(victim.marker)) {
            problems.add(label + ": our data in the answer: " + abbreviate(outcome.text()));
        }
        boolean namesOurs = slots > 0;
        boolean refused = outcome.refused() || outcome.error() instanceof InvalidInputException
                || (OTHER_REFUSALS.containsKey(walked.key()) && outcome.error() instanceof org.noticeboard.shared.ConflictException);
        if (namesOurs && !refused) {
            problems.add(label + ": " + outcome.describe() + " with our ids instead of a refusal");
        }
    }

    static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    int countSlots(Walked walked) {
        var args = new Args(walked, slot -> true, null);
        args.all();
        return args.slots;
    }

    Outcome call(Walked walked, @Nullable Long member, IntPredicate victimSlots, String kind) {
        if (!selfTest) {
            calls.incrementAndGet();
            callsByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
        var template = new TransactionTemplate(transactions);
        return template.execute(status -> {
            status.setRollbackOnly();
            Map<String, String> before = fingerprint();
            var args = new Args(walked, victimSlots, member);
            Object[] values = args.all();
            Object result = null;
            Throwable error = null;
            try {
                if (member == null) {
                    caller.signOut();
                    result = walked.method().invoke(walked.bean(), values);
                } else {
                    result = caller.as(member, () -> {
                        try {
                            return walked.method().invoke(walked.bean(), values);
                        } catch (InvocationTargetException e) {
                            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                        }
                    });
                }
            } catch (InvocationTargetException e) {
                error = e.getCause();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                error = e;
            }
            List<String> changed;
            try {
                Map<String, String> after = fingerprint();
                changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
            } catch (RuntimeException e) {
                // the call broke the transaction (an SQL error): say so, rather than guess what it changed
                changed = List.of("(the transaction broke: " + abbreviate(String.valueOf(e.getMessage())) + ")");
            }
            return new Outcome(result, error, changed, args.output());
        });
    }

    // ---- no write: a digest of every row of the organisation, table by table -----------------------

    String fingerprintSql() {
        List<String> tables = db.fetch("select table_name from information_schema.columns where table_schema = 'public' "
                + "and column_name = 'organisation_id' and table_name in (select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE') order by table_name").getValues(0, String.class);
        assertThat(tables).contains("post", "audit_event", "member", "follow_list", "mention");
        var parts = new ArrayList<String>();
        parts.add("(select md5(t::text) from organisation t where t.id = {0}) as \"organisation\"");
        for (String table : tables) {
            parts.add("(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"" + table
                    + "\" t where t.organisation_id = {0}) as \"" + table + "\"");
        }
        return "select " + String.join(", ", parts);
    }

    Map<String, String> fingerprint() {
        var row = db.fetchSingle(fingerprintSql, org.jooq.impl.DSL.inline(victim.organisationId()));
        var digests = new LinkedHashMap<String, String>();
        for (var field : row.fields()) {
            digests.put(field.getName(), String.valueOf(row.get(field)));
        }
        return digests;
    }

    // ---- arguments ---------------------------------------------------------------------------------

    /**
     * Arguments for one call, by parameter name and type. Every id is a "slot": the walker decides per
     * slot whether it is the first organisation's or (for the mixed calls) the other's own.
     */
    final class Args {

        final Walked walked;
        final IntPredicate victimSlots;
        int slots;
        WalkerOrg.@Nullable Subject primary;
        final List<ByteArrayOutputStream> outputs = new ArrayList<>();
        final @Nullable Long member;

        Args(Walked walked, IntPredicate victimSlots, @Nullable Long member) {
            this.walked = walked;
            this.victimSlots = victimSlots;
            this.member = member;
        }

        /**
         * A CSV preview is its maker's own: the calling member's, when they may make one, else the
         * organisation's curator's (so that another organisation's member holds one that is not theirs).
         */
        String previewToken() {
            WalkerOrg org = victimSlots.test(slots++) ? victim : intruder;
            var csv = context.getBean(org.noticeboard.stakeholder.StakeholderCsv.class);
            if (member != null && org.has(member)) {
                try {
                    return caller.as(member, () -> csv.preview(CSV, null)).token();
                } catch (org.noticeboard.shared.DomainException notAllowed) {
                    // made by the curator instead
                }
            }
            return caller.as(org.member(Role.CURATOR), () -> csv.preview(CSV, null)).token();
        }

        String output() {
            return outputs.stream().map(o -> o.toString(StandardCharsets.UTF_8)).collect(Collectors.joining());
        }

        Object[] all() {
            Parameter[] parameters = walked.method().getParameters();
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                values[i] = value(parameters[i]);
            }
            return values;
        }

        WalkerOrg.Subject subject(Kind kind) {
            WalkerOrg org = victimSlots.test(slots++) ? victim : intruder;
            WalkerOrg.Subject subject = org.subject(kind);
            if (primary == null) {
                primary = subject;
            }
            return subject;
        }

        long id(Kind kind) {
            return subject(kind).id();
        }

        @Nullable Object value(Parameter parameter) {
            String name = parameter.getName();
            Class<?> type = parameter.getType();
            String method = walked.key();
            switch (method + "#" + name) {
                case "MentionService.assign(long,Long,Long,int)#memberId" -> {
                    return id(Kind.STAFF_MEMBER);
                }
                case "MentionService.assign(long,Long,Long,int)#departmentId" -> {
                    return null; // a member or a department, not both
                }
                case "FollowListService.markSeen(long,long)#changeId" -> {
                    // a bound, not a subject: "seen up to this change", clamped to the list's own newest change
                    // (any number will do, Long.MAX_VALUE included), so it names nothing of anyone's
                    return victim.id(Kind.SUBSCRIBED_CHANGE);
                }
                default -> { }
            }
            if (type == long.class || type == Long.class) {
                return id(idKind(name));
            }
            if (type == int.class) {
                return switch (name) {
                    case "version", "expectedVersion" -> versionFor(method);
                    case "basedOn" -> method.startsWith("PolicyService") ? victim.policyVersion : victim.workflowVersion;
                    case "revision", "number" -> victim.reviewRevision;
                    case "offset" -> 0;
                    case "limit", "max", "requestsPerOrganisation", "days" -> 20;
                    case "maxPages" -> 1;
                    case "from" -> 1;
                    case "to" -> victim.policyVersion;
                    default -> throw unknown(parameter);
                };
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == String.class) {
                return switch (name) {
                    case "name", "displayName", "title" -> "Walker name";
                    case "handle" -> method.startsWith("OfficialAccountService.update")
                            ? victim.org.account().handle().value() : "WalkerNew";
                    case "text", "body", "reason", "note", "problem", "description", "purpose", "goal" -> "Walker text";
                    case "email" -> null;
                    case "demoUsername" -> "walker.user";
                    case "xUserId" -> victim.xUserId;
                    case "username" -> victim.org.account().handle().value();
                    case "fileName" -> "walker.png";
                    case "postUrl", "replyToUrl" -> "https://x.com/NHSEngland/status/1234567890123456789";
                    case "why" -> "the walker asks";
                    case "token" -> victim.publicToken;
                    case "previewToken" -> previewToken();
                    case "fingerprint" -> victim.csvFingerprint;
                    case "what" -> "the walker's page";
                    case "subjectType" -> "post";
                    default -> throw unknown(parameter);
                };
            }
            if (type == Object.class && name.equals("subjectId")) {
                return "walker-subject";
            }
            if (type == byte[].class) {
                return name.equals("csv") ? CSV : TestImages.png();
            }
            if (type == OutputStream.class) {
                var out = new ByteArrayOutputStream();
                outputs.add(out);
                return out;
            }
            if (type == List.class) {
                return switch (name) {
                    case "hashtags" -> List.of("#walker");
                    case "stakeholderIds" -> List.of(id(Kind.SPARE_STAKEHOLDER));
                    case "ids" -> List.of(id(Kind.STAKEHOLDER));
                    default -> throw unknown(parameter);
                };
            }
            if (type == Map.class && name.equals("values")) {
                return Map.of("link", "https://www.careopinion.org.uk/");
            }
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            if (type == LocalDate.class) {
                return switch (name) {
                    case "startsOn" -> LocalDate.of(2032, 1, 1);
                    case "endsOn" -> LocalDate.of(2032, 2, 1);
                    case "from" -> today.minusDays(7);
                    case "to" -> today.plusDays(7);
                    default -> throw unknown(parameter);
                };
            }
            if (type == LocalDateTime.class) {
                return today.plusDays(4).atTime(11, 0);
            }
            if (type == PostDraft.class) {
                return new PostDraft(id(Kind.ACCOUNT), "Walker text for the falls clinic", null, null, id(Kind.CAMPAIGN),
                        List.of(new AttachedImage(id(Kind.MEDIA), "Walker alt text")), Map.of());
            }
            if (type == ChatPlan.class) {
                LocalDateTime start = today.plusDays(5).atTime(11, 0);
                return new ChatPlan(id(Kind.ACCOUNT), id(Kind.CAMPAIGN), "Walker chat", "#walkerchat",
                        List.of(new ChatQuestion("Walker question?", start)), "Walker justification for the time");
            }
            if (type == ImpactQuery.class) {
                return ImpactQuery.account(id(Kind.ACCOUNT), today.minusDays(30), today);
            }
            if (type == ComplianceRequest.class) {
                return new ComplianceRequest(today.minusDays(30), today, List.of(id(Kind.ACCOUNT)));
            }
            // a filter names the organisation's subjects too: they are checked like any id
            if (type == AuditQuery.class) {
                return AuditQuery.all().withAccount(id(Kind.ACCOUNT));
            }
            if (type == QueueFilter.class) {
                return new QueueFilter(id(Kind.ACCOUNT), null, null, id(Kind.CAMPAIGN), null);
            }
            if (type == InboxFilter.class) {
                return InboxFilter.all().withAccount(id(Kind.ACCOUNT));
            }
            if (type == StakeholderQuery.class) {
                return StakeholderQuery.all();
            }
            if (type == StakeholderDraft.class) {
                return StakeholderDraft.of("WalkerNew", "Walker Person", StakeholderCategory.CHARITY);
            }
            if (type == PolicySettings.class) {
                return withBannedTerm(PolicyEngine.defaults(), "walkerterm");
            }
            if (type == WorkflowDefinition.class) {
                return new WorkflowDefinition(List.of(WorkflowStep.anyApprover("Walker step")), false);
            }
            if (type == WorkflowStep.class) {
                return WorkflowStep.anyApprover("Walker step");
            }
            if (type == GuidanceSection.class) {
                return GuidanceSection.BE_CURIOUS;
            }
            if (type == Visibility.class) {
                return Visibility.ORGANISATION;
            }
            if (type == MentionState.class) {
                return MentionState.ESCALATED;
            }
            if (type == SyncKind.class) {
                return SyncKind.FOLLOW_ALL;
            }
            if (type == Role.class) {
                return Role.STAFF;
            }
            throw unknown(parameter);
        }

        Kind idKind(String name) {
            String method = walked.key();
            return switch (name) {
                case "id" -> switch (walked.surface()) {
                    case "DepartmentService" -> method.startsWith("DepartmentService.delete") ? Kind.EMPTY_DEPARTMENT
                            : Kind.DEPARTMENT;
                    case "MemberService" -> Kind.MEMBER;
                    case "OfficialAccountService" -> method.startsWith("OfficialAccountService.remove") ? Kind.SPARE_ACCOUNT
                            : Kind.ACCOUNT;
                    case "CampaignService" -> Kind.CAMPAIGN;
                    case "MentionService" -> Kind.MENTION;
                    case "NotificationService" -> Kind.NOTIFICATION;
                    case "PreElectionPeriodService" -> Kind.PERIOD;
                    case "ReplyTemplateService" -> Kind.TEMPLATE;
                    case "StakeholderService" -> method.startsWith("StakeholderService.remove") ? Kind.SPARE_STAKEHOLDER
                            : Kind.STAKEHOLDER;
                    default -> throw new IllegalStateException("Which subject is the id of " + method + "? Add it to idKind.");
                };
                case "postId" -> method.startsWith("PostService.save") || method.startsWith("PostService.submit(")
                        ? Kind.DRAFT_POST : method.startsWith("Publisher.publishAgain")
                        || method.startsWith("PostService.sendBackToReview") ? Kind.FAILED_POST : Kind.REVIEW_POST;
                case "accountId" -> Kind.ACCOUNT;
                case "departmentId" -> method.startsWith("DepartmentService.delete") ? Kind.EMPTY_DEPARTMENT : Kind.DEPARTMENT;
                case "memberId" -> Kind.MEMBER;
                case "grantId" -> Kind.GRANT;
                case "listId", "targetListId" -> method.startsWith("FollowListService.delete") ? Kind.SPARE_LIST
                        : method.matches("FollowListService\\.(subscribe|unsubscribe|markSeen|changesSince)\\(.*")
                        ? Kind.SUBSCRIBED_LIST : Kind.LIST;
                case "stakeholderId" -> method.startsWith("FollowListService.addMember") ? Kind.SPARE_STAKEHOLDER
                        : Kind.STAKEHOLDER;
                case "syncId" -> Kind.SYNC;
                case "campaignId" -> Kind.CAMPAIGN;
                case "chatId" -> method.startsWith("TweetChatService.submit") ? Kind.DRAFT_CHAT : Kind.CHAT;
                case "mediaId" -> Kind.MEDIA;
                case "templateId" -> Kind.TEMPLATE;
                case "organisationId" -> Kind.ORGANISATION;
                default -> throw new IllegalStateException("Which subject is \"" + name + "\" of " + method
                        + "? Add it to idKind.");
            };
        }

        int versionFor(String method) {
            if (method.startsWith("GuidanceService.update")) {
                return victim.guidanceVersion;
            }
            if (method.startsWith("WorkflowService.version(") || method.startsWith("PolicyService.version(")) {
                return method.startsWith("Policy") ? victim.policyVersion : victim.workflowVersion;
            }
            if (primary == null) {
                throw new IllegalStateException("Which version does " + method + " name? Add it to versionFor.");
            }
            return primary.version();
        }

        IllegalStateException unknown(Parameter parameter) {
            return new IllegalStateException("The walker has no argument for " + parameter.getType().getSimpleName() + " "
                    + parameter.getName() + " of " + walked.key() + ": teach Args.value to make one.");
        }
    }
}
