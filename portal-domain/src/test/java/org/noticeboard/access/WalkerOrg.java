package org.noticeboard.access;

import static org.noticeboard.db.jooq.Tables.NOTIFICATION;
import static org.noticeboard.db.jooq.Tables.POST;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.compliance.PreElectionPeriodService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.guidance.GuidanceService;
import org.noticeboard.inbox.InboxFilter;
import org.noticeboard.inbox.MentionPoller;
import org.noticeboard.inbox.MentionService;
import org.noticeboard.listsync.ListSyncService;
import org.noticeboard.listsync.SyncKind;
import org.noticeboard.member.MemberService;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.post.TestImages;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderCsv;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.template.ReplyTemplateService;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.tweetchat.ChatPlan;
import org.noticeboard.tweetchat.ChatQuestion;
import org.noticeboard.tweetchat.TweetChatService;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.xapi.XUser;
import org.springframework.context.ApplicationContext;

/**
 * One organisation of {@link World} with one subject of every kind a domain service takes an id of,
 * each made by the member whose role makes it (posts by its Staff member, the campaign by its
 * Approver, the list by its Curator, ...), and every name and text carrying the organisation's
 * {@link #marker}: whatever of it leaks into an answer or an error message gives itself away.
 */
final class WalkerOrg {

    /** The kinds of subject a service method names by id. */
    enum Kind {
        ORGANISATION, DEPARTMENT, EMPTY_DEPARTMENT, MEMBER, STAFF_MEMBER, GRANT, ACCOUNT, SPARE_ACCOUNT, DRAFT_POST,
        REVIEW_POST, FAILED_POST, MEDIA, CAMPAIGN, TEMPLATE, PERIOD, STAKEHOLDER, SPARE_STAKEHOLDER, LIST, LIST_CHANGE,
        SUBSCRIBED_LIST, SUBSCRIBED_CHANGE, SPARE_LIST, SYNC, MENTION, NOTIFICATION, CHAT, DRAFT_CHAT
    }

    /** A subject: its id and, where it has one, the version a change must name. */
    record Subject(long id, int version) {}

    final String marker;
    final World.Org org;
    final Map<Kind, Subject> subjects = new EnumMap<>(Kind.class);
    String xUserId = "";
    String publicToken = "";
    String csvFingerprint = "";
    int reviewRevision;
    int policyVersion;
    int workflowVersion;
    int guidanceVersion;
    /** A second department of the organisation: none of the walker's subjects is its. */
    long otherDepartment;
    /**
     * Texts only the walker's department's members may read (posts, their comments, the mention and its note,
     * the chat's questions): a member whose role is held only in another department must never see one.
     */
    final List<String> departmentTexts = new java.util.ArrayList<>();

    private WalkerOrg(String marker, World.Org org) {
        this.marker = marker;
        this.org = org;
    }

    /** Whether the member is one of this organisation's. */
    boolean has(long member) {
        return org.members().containsValue(member) || org.roleless() == member || extraMembers.contains(member);
    }

    final java.util.Set<Long> extraMembers = new java.util.HashSet<>();

    long member(Role role) {
        return org.member(role);
    }

    long id(Kind kind) {
        return subject(kind).id();
    }

    Subject subject(Kind kind) {
        Subject subject = subjects.get(kind);
        if (subject == null) {
            throw new IllegalStateException(marker + " has no " + kind);
        }
        return subject;
    }

    long organisationId() {
        return org.organisation().id();
    }

    private void put(Kind kind, long id, int version) {
        subjects.put(kind, new Subject(id, version));
    }

    /** Builds the organisation through the services, as its members would. */
    static WalkerOrg build(String marker, ApplicationContext context, long xUserBase) {
        var world = context.getBean(World.class);
        var caller = context.getBean(TestCaller.class);
        var db = context.getBean(DSLContext.class);
        var org = new WalkerOrg(marker, world.organisation(marker + " Trust"));
        long admin = org.member(Role.ORG_ADMIN);
        long staff = org.member(Role.STAFF);
        long approver = org.member(Role.APPROVER);
        long accountAdmin = org.member(Role.ACCOUNT_ADMIN);
        long curator = org.member(Role.CURATOR);
        long account = org.org.account().id();
        org.put(Kind.ORGANISATION, org.organisationId(), 0);

        // the department, renamed so that its name carries the marker; a spare member with a grant in it
        var departments = context.getBean(DepartmentService.class);
        var department = caller.as(admin, () -> departments.rename(org.org.department().id(), marker + " Physiotherapy",
                org.org.department().version()));
        org.put(Kind.DEPARTMENT, department.id(), department.version());
        var members = context.getBean(MemberService.class);
        long spareId = caller.as(admin, () -> members.create(marker + " Spare Member", null, department.id())).id();
        var spare = caller.as(admin, () -> members.grant(spareId, Role.CURATOR, department.id()));
        org.put(Kind.MEMBER, spare.id(), spare.version());
        org.extraMembers.add(spare.id());
        org.put(Kind.GRANT, spare.grants().getFirst().id(), 0);
        org.put(Kind.STAFF_MEMBER, staff, 0);
        var empty = caller.as(admin, () -> departments.create(marker + " Empty Department"));
        org.put(Kind.EMPTY_DEPARTMENT, empty.id(), empty.version());
        var rehab = caller.as(admin, () -> departments.create(marker + " Rehabilitation"));
        org.otherDepartment = rehab.id();
        for (String text : List.of(" draft about the falls clinic", " physio drop-in on Tuesday", " post that X refused",
                " comment: which ward?", " thanks for the clinic", " note on the mention", " what helps you move?",
                " what next?")) {
            org.departmentTexts.add(marker + text);
        }

        // the official account, connected to (fake) X
        var accounts = context.getBean(OfficialAccountService.class);
        org.xUserId = String.valueOf(xUserBase + account);
        var connected = caller.as(accountAdmin, () -> accounts.connect(account, org.xUserId,
                org.org.account().handle().value(), marker + " on X"));
        context.getBean(FakeTokens.class).connect(account, org.xUserId);
        org.put(Kind.ACCOUNT, account, connected.version());
        var spareAccount = caller.as(accountAdmin, () -> accounts.register(marker + "Spare", marker + " spare account",
                department.id()));
        org.put(Kind.SPARE_ACCOUNT, spareAccount.id(), spareAccount.version());
        var workflows = context.getBean(WorkflowService.class);
        org.workflowVersion = caller.as(accountAdmin, () -> workflows.current(account)).version();

        // posts by the Staff member: a draft with an image, one in review with a comment, one that failed
        var media = context.getBean(MediaService.class);
        var posts = context.getBean(PostService.class);
        var review = context.getBean(ReviewService.class);
        long image = caller.as(staff, () -> media.upload(marker + "-ward.png", TestImages.png())).mediaId();
        org.put(Kind.MEDIA, image, 0);
        var campaigns = context.getBean(CampaignService.class);
        var campaign = caller.as(approver, () -> campaigns.create(marker + " Falls Week", List.of("#" + marker), null, null,
                marker + " goal: fewer falls"));
        org.put(Kind.CAMPAIGN, campaign.id(), 0);
        var draft = caller.as(staff, () -> posts.save(null, new PostDraft(account, marker + " draft about the falls clinic",
                null, null, campaign.id(), List.of(new AttachedImage(image, marker + " ward")), Map.of()), 0));
        org.put(Kind.DRAFT_POST, draft.id(), draft.version());
        var inReview = caller.as(staff, () -> {
            var saved = posts.save(null, new PostDraft(account, marker + " physio drop-in on Tuesday", null, null, null,
                    List.of(), Map.of()), 0);
            return posts.submit(saved.id(), saved.version());
        });
        caller.run(approver, () -> review.comment(inReview.id(), marker + " comment: which ward?"));
        var commented = caller.as(staff, () -> posts.get(inReview.id()));
        org.put(Kind.REVIEW_POST, commented.id(), commented.version());
        org.reviewRevision = commented.current().number();
        var failed = caller.as(staff, () -> {
            var saved = posts.save(null, new PostDraft(account, marker + " post that X refused", null, null, null,
                    List.of(), Map.of()), 0);
            return posts.submit(saved.id(), saved.version());
        });
        // publishing is not part of the domain tests' world: the post is put where a refused publication leaves it
        db.update(POST).set(POST.STATE, "FAILED").set(POST.VERSION, POST.VERSION.plus(1)).where(POST.ID.eq(failed.id()))
                .execute();
        org.put(Kind.FAILED_POST, failed.id(), failed.version() + 1);
        org.put(Kind.NOTIFICATION, db.select(NOTIFICATION.ID).from(NOTIFICATION)
                .where(NOTIFICATION.MEMBER_ID.eq(approver)).orderBy(NOTIFICATION.ID).limit(1).fetchSingle(NOTIFICATION.ID), 0);

        // what the approver and the organisation admin keep
        var templates = context.getBean(ReplyTemplateService.class);
        org.put(Kind.TEMPLATE, caller.as(approver, () -> templates.create(marker + " Care Opinion",
                marker + " please tell us more: {link}")).id(), 0);
        var periods = context.getBean(PreElectionPeriodService.class);
        org.put(Kind.PERIOD, caller.as(admin, () -> periods.add(marker + " elections", LocalDate.of(2031, 4, 1),
                LocalDate.of(2031, 5, 1))).id(), 0);
        var guidance = context.getBean(GuidanceService.class);
        var section = caller.as(admin, () -> {
            var current = guidance.sections().stream().filter(e -> e.section() == GuidanceSection.BE_CURIOUS)
                    .findFirst().orElseThrow();
            return guidance.update(GuidanceSection.BE_CURIOUS, marker + " guidance: ask first", current.version());
        });
        org.guidanceVersion = section.version();
        var policy = context.getBean(PolicyService.class);
        org.policyVersion = caller.as(admin, () -> {
            var current = policy.current();
            return policy.save(ServiceMethodWalkerTest.withBannedTerm(current.settings(), marker.toLowerCase() + "banned"),
                    marker + " policy note", current.version());
        }).version();

        // the directory, a public follow list of it, and a sync of the list to X
        var stakeholders = context.getBean(StakeholderService.class);
        var stakeholder = caller.as(curator, () -> stakeholders.add(StakeholderDraft.of(marker + "MP", marker + " MP",
                StakeholderCategory.MP))).stakeholder();
        org.put(Kind.STAKEHOLDER, stakeholder.id(), stakeholder.version());
        var spareStakeholder = caller.as(curator, () -> stakeholders.add(StakeholderDraft.of(marker + "Spare",
                marker + " Spare Charity", StakeholderCategory.CHARITY))).stakeholder();
        org.put(Kind.SPARE_STAKEHOLDER, spareStakeholder.id(), spareStakeholder.version());
        var lists = context.getBean(FollowListService.class);
        var list = caller.as(curator, () -> lists.create(department.id(), marker + " partners", marker + " description",
                marker + " purpose"));
        var change = caller.as(curator, () -> lists.addMember(list.id(), stakeholder.id(), marker + " note"));
        org.put(Kind.LIST_CHANGE, change.id(), 0);
        var shared = caller.as(curator, () -> lists.setVisibility(list.id(), Visibility.PUBLIC,
                lists.get(list.id()).version()));
        org.publicToken = java.util.Objects.requireNonNull(shared.publicToken());
        org.put(Kind.LIST, shared.id(), shared.version());
        // another department's list, which the curator's own department subscribes to
        var other = caller.as(curator, () -> lists.create(rehab.id(), marker + " rehab contacts", null, null));
        var otherChange = caller.as(curator, () -> lists.addMember(other.id(), stakeholder.id(), marker + " rehab note"));
        caller.run(curator, () -> lists.subscribe(other.id()));
        org.put(Kind.SUBSCRIBED_LIST, other.id(), caller.as(curator, () -> lists.get(other.id())).version());
        org.put(Kind.SUBSCRIBED_CHANGE, otherChange.id(), 0);
        var spareList = caller.as(curator, () -> lists.create(department.id(), marker + " spare list", null, null));
        org.put(Kind.SPARE_LIST, spareList.id(), spareList.version());
        var listSync = context.getBean(ListSyncService.class);
        org.put(Kind.SYNC, caller.as(curator, () -> listSync.request(list.id(), account, SyncKind.SYNC_LIST)).id(), 0);
        var csvService = context.getBean(StakeholderCsv.class);
        // the walker's file (no marker in it, so that it is not taken for a leak when an answer repeats it), previewed
        // into the list: a commit of the same file names this fingerprint
        org.csvFingerprint = caller.as(curator, () -> csvService.preview(ServiceMethodWalkerTest.CSV, shared.id()))
                .fingerprint();

        // a mention of the account on X, fetched into the inbox, with a note
        var x = context.getBean(FakeX.class);
        x.mention(org.xUserId, new XUser(String.valueOf(xUserBase + 1), marker + "Fan", marker + " Fan"),
                "@" + org.org.account().handle().value() + " " + marker + " thanks for the clinic", null);
        context.getBean(MentionPoller.class).poll(account, 2);
        var inbox = context.getBean(MentionService.class);
        var mention = caller.as(approver, () -> inbox.inbox(InboxFilter.all())).getFirst();
        caller.run(staff, () -> inbox.addNote(mention.id(), marker + " note on the mention"));
        org.put(Kind.MENTION, mention.id(), caller.as(approver, () -> inbox.get(mention.id())).version());

        // a tweet chat planned by the Staff member, and an integrity check run by the auditor
        var chats = context.getBean(TweetChatService.class);
        LocalDateTime start = LocalDate.now(ZoneId.of("Europe/London")).plusDays(3).atTime(11, 0);
        var chat = caller.as(staff, () -> chats.plan(new ChatPlan(account, campaign.id(), marker + " chat",
                "#" + marker + "chat", List.of(new ChatQuestion(marker + " what helps you move?", start),
                        new ChatQuestion(marker + " who helps you?", start.plusMinutes(15))),
                marker + " justification: the chat is planned with the ward")));
        org.put(Kind.CHAT, caller.as(staff, () -> chats.submit(chat.id())).id(), 0);
        LocalDateTime later = start.plusDays(1);
        org.put(Kind.DRAFT_CHAT, caller.as(staff, () -> chats.plan(new ChatPlan(account, null, marker + " draft chat",
                "#" + marker + "draft", List.of(new ChatQuestion(marker + " what next?", later)),
                marker + " justification: the chat is planned with the ward"))).id(), 0);
        caller.run(org.member(Role.AUDITOR), () -> context.getBean(AuditService.class).verify());
        return org;
    }
}
