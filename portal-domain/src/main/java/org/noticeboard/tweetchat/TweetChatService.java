package org.noticeboard.tweetchat;

import static org.noticeboard.db.jooq.Tables.TWEET_CHAT;
import static org.noticeboard.db.jooq.Tables.TWEET_CHAT_QUESTION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.post.CheckedFinding;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.post.ReviewService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans tweet chats: the questions become posts of the hosting account (each checked against the
 * policy and scheduled at its time), submitted together, and approved together by one action of an
 * approver that runs the ordinary workflow for every question: if any question cannot be approved
 * (policy now blocks it, the approver may not approve its step, it changed) none is, and the message
 * names the question. Published on schedule by the ordinary publisher.
 */
@Service
public class TweetChatService {

    static final int MAX_QUESTIONS = 30;
    /** Questions of one chat come at least this far apart, so that people can answer. */
    static final Duration MIN_GAP = Duration.ofMinutes(2);
    static final Duration MAX_LENGTH = Duration.ofHours(4);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final DSLContext db;
    private final PostService posts;
    private final ReviewService review;
    private final OfficialAccountService accounts;
    private final CampaignService campaigns;
    private final OrganisationService organisations;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public TweetChatService(DSLContext db, PostService posts, ReviewService review, OfficialAccountService accounts,
            OrganisationService organisations, Access access, AuditTrail audit, Clock clock, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.db = db;
        this.posts = posts;
        this.review = review;
        this.accounts = accounts;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Plans the chat: one draft post per question, scheduled at its time. Nothing is kept if any question is refused. */
    @Transactional
    public TweetChat plan(ChatPlan plan) {
        Actor actor = access.require(Role.STAFF);
        if (actor.memberId() == null) {
            throw new NotPermittedException("member_required", "Only a member can plan a tweet chat.");
        }
        OfficialAccount account = accounts.get(plan.accountId());
        if (!actor.has(Role.STAFF, account.departmentId())) {
            throw new NotPermittedException("role_required", "You may not write for " + account.handle() + ".");
        }
        if (plan.campaignId() != null) {
            // another organisation's campaign is refused as missing (the database would refuse it too, less kindly)
            campaigns.get(plan.campaignId());
        }
        String title = Names.required(plan.title(), "title", "The chat's title", 200);
        String hashtag = plan.hashtag() == null ? "" : plan.hashtag().strip();
        if (!hashtag.matches("#?[\\p{L}\\p{N}_]{1,100}")) {
            throw new InvalidInputException("hashtag", "hashtag", hashtag.isEmpty() ? "Give the chat's hashtag, e.g. #physiotalk."
                    : "\"" + hashtag + "\" is not a hashtag: use letters, digits and underscores only.");
        }
        hashtag = hashtag.startsWith("#") ? hashtag : "#" + hashtag;
        List<ChatQuestion> questions = plan.questions().stream()
                .filter(q -> !(blank(q.text()) && q.at() == null)).toList();
        if (questions.isEmpty()) {
            throw new InvalidInputException("no_questions", "questions", "Add at least one question with its time.");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new InvalidInputException("too_many_questions", "questions",
                    "A chat can have at most " + MAX_QUESTIONS + " questions; this one has " + questions.size() + ".");
        }
        ZoneId zone = organisations.current().timeZone();
        var times = new ArrayList<ZonedDateTime>();
        for (int i = 0; i < questions.size(); i++) {
            ChatQuestion q = questions.get(i);
            String name = "Q" + (i + 1);
            if (blank(q.text())) {
                throw new InvalidInputException("question_blank", "questions[" + i + "].text", name + " has no text.");
            }
            if (q.at() == null) {
                throw new InvalidInputException("question_time_missing", "questions[" + i + "].at", name + " has no time.");
            }
            LocalDateTime local = q.at();
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                throw new InvalidInputException("no_such_time", "questions[" + i + "].at", name + "'s time, "
                        + WHEN.format(local) + ", does not exist in " + zone.getId() + ": the clocks go forward then.");
            }
            ZonedDateTime at = ZonedDateTime.of(local, zone);
            if (!at.toInstant().isAfter(clock.instant())) {
                throw new InvalidInputException("question_in_the_past", "questions[" + i + "].at", name + "'s time, "
                        + WHEN.format(local) + ", has already passed: choose a time in the future.");
            }
            if (i > 0) {
                ZonedDateTime before = times.get(i - 1);
                if (!at.isAfter(before)) {
                    throw new InvalidInputException("questions_overlap", "questions[" + i + "].at", name + " at "
                            + TIME.format(at) + " is not after Q" + i + " at " + TIME.format(before)
                            + ": each question needs its own time, in order.");
                }
                if (Duration.between(before, at).compareTo(MIN_GAP) < 0) {
                    throw new InvalidInputException("questions_overlap", "questions[" + i + "].at", name + " at "
                            + TIME.format(at) + " comes less than " + MIN_GAP.toMinutes() + " minutes after Q" + i + " at "
                            + TIME.format(before) + ": leave people time to answer.");
                }
            }
            times.add(at);
        }
        ZonedDateTime startsAt = times.getFirst();
        ZonedDateTime endsAt = times.getLast();
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("chat_too_long", "questions", "The questions span more than "
                    + MAX_LENGTH.toHours() + " hours (" + WHEN.format(startsAt) + " to " + WHEN.format(endsAt)
                    + "); a tweet chat is usually an hour.");
        }
        var overlapping = db.selectFrom(TWEET_CHAT)
                .where(TWEET_CHAT.ORGANISATION_ID.eq(actor.organisationId()), TWEET_CHAT.ACCOUNT_ID.eq(account.id()),
                        TWEET_CHAT.STARTS_AT.le(endsAt.toOffsetDateTime()), TWEET_CHAT.ENDS_AT.ge(startsAt.toOffsetDateTime()))
                .orderBy(TWEET_CHAT.STARTS_AT)
                .limit(1)
                .fetchOne();
        if (overlapping != null) {
            throw new InvalidInputException("chats_overlap", "questions", "This chat (" + WHEN.format(startsAt) + " to "
                    + TIME.format(endsAt) + ") overlaps \"" + overlapping.getTitle() + "\" on " + account.handle() + " ("
                    + WHEN.format(overlapping.getStartsAt().atZoneSameInstant(zone)) + " to "
                    + TIME.format(overlapping.getEndsAt().atZoneSameInstant(zone)) + "); choose another time.");
        }

        long chatId = db.insertInto(TWEET_CHAT)
                .set(TWEET_CHAT.ORGANISATION_ID, actor.organisationId())
                .set(TWEET_CHAT.ACCOUNT_ID, account.id())
                .set(TWEET_CHAT.CAMPAIGN_ID, plan.campaignId())
                .set(TWEET_CHAT.TITLE, title)
                .set(TWEET_CHAT.HASHTAG, hashtag)
                .set(TWEET_CHAT.PLANNED_BY, actor.memberId())
                .set(TWEET_CHAT.STARTS_AT, startsAt.toOffsetDateTime())
                .set(TWEET_CHAT.ENDS_AT, endsAt.toOffsetDateTime())
                .returning(TWEET_CHAT.ID)
                .fetchSingle(TWEET_CHAT.ID);
        for (int i = 0; i < questions.size(); i++) {
            String text = questionText(i + 1, Objects.requireNonNull(questions.get(i).text()), hashtag);
            var draft = new PostDraft(account.id(), text, null, null, plan.campaignId(), List.of(), Map.of());
            Post post = posts.save(null, draft, 0);
            post = posts.schedule(post.id(), questions.get(i).at(), post.version());
            // saved again now that it has a time, so that time-bound rules (publishing hours) are checked
            post = posts.save(post.id(), draft, post.version());
            if (!blank(plan.justification()) && !post.current().unjustifiedWarnings().isEmpty()) {
                var justified = new HashMap<String, String>();
                for (CheckedFinding f : post.current().unjustifiedWarnings()) {
                    justified.put(f.key(), Objects.requireNonNull(plan.justification()).strip());
                }
                post = posts.save(post.id(), new PostDraft(account.id(), text, null, null, plan.campaignId(), List.of(),
                        justified), post.version());
            }
            db.insertInto(TWEET_CHAT_QUESTION)
                    .set(TWEET_CHAT_QUESTION.TWEET_CHAT_ID, chatId)
                    .set(TWEET_CHAT_QUESTION.POSITION, i + 1)
                    .set(TWEET_CHAT_QUESTION.ORGANISATION_ID, actor.organisationId())
                    .set(TWEET_CHAT_QUESTION.POST_ID, post.id())
                    .execute();
        }
        audit.record(actor, "tweetchat.planned", "tweet_chat", chatId, "Tweet chat \"" + title + "\" planned on "
                + account.handle() + ": " + questions.size() + " questions from " + WHEN.format(startsAt), null,
                Map.of("title", title, "hashtag", hashtag, "questions", String.valueOf(questions.size()),
                        "startsAt", startsAt.toString(), "endsAt", endsAt.toString()));
        return get(chatId);
    }

    /** The planner submits every question for approval; if one cannot be submitted (a blocking finding), none is. */
    @Transactional
    public TweetChat submit(long chatId) {
        TweetChat chat = get(chatId);
        for (var q : chat.questions()) {
            if (q.state() == PostState.DRAFT || q.state() == PostState.REJECTED || q.state() == PostState.WITHDRAWN) {
                named(q, () -> posts.submit(q.postId(), q.version()));
            }
        }
        return get(chatId);
    }

    /**
     * One approval for the whole series: the caller approves every question waiting in review, each
     * through the ordinary workflow (its policy recheck and its step's approvers). All or none.
     */
    @Transactional
    public TweetChat approveAll(long chatId) {
        Actor actor = access.require(Role.APPROVER);
        TweetChat chat = get(chatId);
        var waiting = chat.questions().stream().filter(q -> q.state() == PostState.IN_REVIEW).toList();
        if (waiting.isEmpty()) {
            throw new DomainException("nothing_to_approve", "No question of \"" + chat.title() + "\" is waiting for review"
                    + (chat.commonState() == null ? "." : ": they are " + chat.commonState().label().toLowerCase(Locale.ROOT) + "."));
        }
        for (var q : waiting) {
            named(q, () -> review.approve(q.postId(), q.revision(), q.version()));
        }
        TweetChat after = get(chatId);
        audit.record(actor, "tweetchat.approved", "tweet_chat", chatId, actor.displayName() + " approved " + waiting.size()
                + " questions of tweet chat \"" + chat.title() + "\" together", null,
                Map.of("questions", String.valueOf(waiting.size()),
                        "states", String.join(" ", after.questions().stream().map(q -> q.state().name()).toList())));
        return after;
    }

    /**
     * Why the caller may not approve the chat's waiting questions now (the first question's reason),
     * or empty when they may: pages offer "Approve all" only then.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> whyNotApproveAll(long chatId) {
        TweetChat chat = get(chatId);
        var waiting = chat.questions().stream().filter(q -> q.state() == PostState.IN_REVIEW).toList();
        if (waiting.isEmpty()) {
            return java.util.Optional.of("No question of \"" + chat.title() + "\" is waiting for review.");
        }
        for (var q : waiting) {
            var why = review.whyNotApprove(q.postId());
            if (why.isPresent()) {
                return java.util.Optional.of("Q" + q.number() + ": " + why.get());
            }
        }
        return java.util.Optional.empty();
    }

    @Transactional(readOnly = true)
    public TweetChat get(long chatId) {
        Actor actor = access.actor();
        var chat = db.selectFrom(TWEET_CHAT)
                .where(TWEET_CHAT.ORGANISATION_ID.eq(actor.organisationId()), TWEET_CHAT.ID.eq(chatId))
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("Tweet chat", chatId));
        ZoneId zone = organisations.current().timeZone();
        var questions = new ArrayList<TweetChat.Question>();
        for (var row : db.selectFrom(TWEET_CHAT_QUESTION).where(TWEET_CHAT_QUESTION.TWEET_CHAT_ID.eq(chatId))
                .orderBy(TWEET_CHAT_QUESTION.POSITION).fetch()) {
            Post post = posts.get(row.getPostId());
            questions.add(new TweetChat.Question(row.getPosition(), post.id(), post.current().text(), post.scheduledAt(),
                    post.state(), post.current().number(), post.version()));
        }
        return new TweetChat(chat.getId(), chat.getAccountId(), accounts.get(chat.getAccountId()).handle().toString(),
                chat.getCampaignId(), chat.getTitle(), chat.getHashtag(), chat.getStartsAt().atZoneSameInstant(zone),
                chat.getEndsAt().atZoneSameInstant(zone), questions);
    }

    /** The chats of the accounts the caller writes for or approves, newest first. */
    @Transactional(readOnly = true)
    public List<TweetChat> list() {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        var visible = accounts.list().stream()
                .filter(a -> actor.has(Role.STAFF, a.departmentId()) || actor.has(Role.APPROVER, a.departmentId()))
                .map(OfficialAccount::id).toList();
        var result = new ArrayList<TweetChat>();
        for (long id : db.select(TWEET_CHAT.ID).from(TWEET_CHAT)
                .where(TWEET_CHAT.ORGANISATION_ID.eq(actor.organisationId()), TWEET_CHAT.ACCOUNT_ID.in(visible))
                .orderBy(TWEET_CHAT.STARTS_AT.desc()).fetch(TWEET_CHAT.ID)) {
            try {
                result.add(get(id));
            } catch (NotFoundException hidden) {
                // a question the caller may not see (someone else's draft): the chat is not theirs to see
            }
        }
        return result;
    }

    static String questionText(int number, String text, String hashtag) {
        String body = text.strip();
        String prefix = "Q" + number + " ";
        if (!body.regionMatches(true, 0, "Q" + number, 0, prefix.length() - 1)) {
            body = prefix + body;
        }
        if (!body.toLowerCase(Locale.ROOT).contains(hashtag.toLowerCase(Locale.ROOT))) {
            body = body + " " + hashtag;
        }
        return body;
    }

    private static void named(TweetChat.Question q, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.reason(), "questions[" + (q.number() - 1) + "]", "Q" + q.number() + ": " + e.getMessage());
        } catch (NotPermittedException e) {
            throw new NotPermittedException(e.reason(), "Q" + q.number() + ": " + e.getMessage());
        } catch (DomainException e) {
            throw new DomainException(e.reason(), "Q" + q.number() + ": " + e.getMessage());
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
