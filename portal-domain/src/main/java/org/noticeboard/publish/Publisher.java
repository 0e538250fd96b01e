package org.noticeboard.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.post.PostService;
import org.noticeboard.post.PostState;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes approved posts when they are due. X gives no idempotency key, so a post is created at
 * most once by this rule: before the create request goes out, the post records that it was sent;
 * any later attempt first looks for it among the account's recent posts on X and only sends again
 * when it is not there. Attempts on one post never overlap ({@link PostLocks}).
 */
@Service
public class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    /** Retries of an unknown or failed attempt before the post is FAILED for a person to look at. */
    static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** How far back to look for an attempt that may have reached X (X's clock and ours differ a little). */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(5);
    private static final int RECONCILE_PAGES = 3;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM");
    private static final Pattern STATUS_ID = Pattern.compile("/status/(\\d+)$");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final PublicationRepository publications;
    private final PostLocks locks;
    private final XGateway x;
    private final XTokens tokens;
    private final AuditTrail audit;
    private final Access access;
    private final NotificationService notifications;
    private final OfficialAccountService accounts;
    private final PostService posts;
    private final org.noticeboard.policy.PolicyService policy;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<AfterPublish> afterPublish;
    private final List<PublishOutcomes> outcomes;
    private final java.util.concurrent.atomic.AtomicLong publishedHere = new java.util.concurrent.atomic.AtomicLong();

    public Publisher(PublicationRepository publications, PostLocks locks, XGateway x, XTokens tokens, AuditTrail audit,
            Access access, NotificationService notifications, OfficialAccountService accounts, PostService posts,
            TransactionTemplate tx, Clock clock, List<AfterPublish> afterPublish, List<PublishOutcomes> outcomes,
            org.noticeboard.policy.PolicyService policy) {
        this.posts = posts;
        this.policy = policy;
        this.afterPublish = List.copyOf(afterPublish);
        this.outcomes = List.copyOf(outcomes);
        this.publications = publications;
        this.locks = locks;
        this.x = x;
        this.tokens = tokens;
        this.audit = audit;
        this.access = access;
        this.notifications = notifications;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    /** How many posts this instance has published (or found published) since it started. */
    public long publishedByThisInstance() {
        return publishedHere.get();
    }

    /** Posts due now (scheduled time or next attempt reached), oldest first. */
    public List<Long> due(int limit) {
        return publications.due(clock.instant(), limit);
    }

    /** Publishes one post if it is due and approved; safe to call from several instances at once. */
    public PublishOutcome publish(long postId) {
        try (var lock = locks.tryLock(postId)) {
            if (!lock.acquired()) {
                return new PublishOutcome(PublishOutcome.Kind.BUSY, null, null, "Another worker is publishing it");
            }
            return publishLocked(postId);
        }
    }

    private PublishOutcome publishLocked(long postId) {
        Instant now = clock.instant();
        DuePost post = publications.load(postId).orElse(null);
        if (post == null) {
            return PublishOutcome.skipped("No such post");
        }
        if (post.state() != PostState.SCHEDULED && post.state() != PostState.PUBLISHING) {
            return PublishOutcome.skipped("The post is " + post.state().label());
        }
        if (post.dueAt(now).isAfter(now)) {
            return PublishOutcome.skipped("Not due before " + post.dueAt(now));
        }
        int attempt = post.attempts() + 1;
        XToken token;
        try {
            token = tokens.tokenFor(post.accountId());
        } catch (XException e) {
            return failure(post, attempt, now, e, false, post.startedAt() != null);
        }
        if (post.repost()) {
            return repost(post, attempt, now, token);
        }
        if (post.startedAt() != null) {
            XPost found;
            try {
                found = findOnX(token, post);
            } catch (XException e) {
                // we still do not know whether it went out: keep the mark, look again later
                return failure(post, attempt, now, e, false, true);
            }
            if (found != null) {
                return published(post, attempt, now, found.id(), true);
            }
            tx.executeWithoutResult(s -> publications.clearStarted(postId));
            log.info("Post {}: the earlier attempt is not on X; sending again", postId);
        }
        List<String> mediaIds = new ArrayList<>();
        for (int i = 0; i < post.images().size(); i++) {
            var image = post.images().get(i);
            try {
                mediaIds.add(x.uploadMedia(token, new XMediaUpload(publications.mediaBytes(image.mediaId()),
                        image.contentType(), image.altText())));
            } catch (XException e) {
                if (!e.failure().retryable() && e.failure() != XFailure.UNAUTHORIZED) {
                    return failed(post, attempt, now, false, "X refused image " + (i + 1) + ": " + e.getMessage()
                            + ". Replace the image, then submit the post again.", "IMAGE_REFUSED", e.getMessage());
                }
                return failure(post, attempt, now, e, false, false);
            }
        }
        NewXPost request = new NewXPost(post.text(), statusId(post.replyToUrl()), statusId(post.quoteUrl()), mediaIds);
        Boolean claimed = tx.execute(s -> publications.markSent(post, attempt, now));
        if (!Boolean.TRUE.equals(claimed)) {
            return PublishOutcome.skipped("Withdrawn or edited meanwhile");
        }
        try {
            XPost created = x.createPost(token, request);
            return published(post, attempt, clock.instant(), created.id(), false);
        } catch (XException e) {
            return failure(post, attempt, clock.instant(), e, true, false);
        }
    }

    /**
     * Publishes up to {@code max} due text posts together: a burst (many posts due at the same
     * minute) goes out at the rate X answers, not at the rate of one post's bookkeeping.
     *
     * <p>The same rule as {@link #publish} keeps each post on X at most once: the batch takes each
     * post's lock (posts another worker holds are left to it), then goes in waves of
     * {@code concurrency} posts: it records in one transaction that every post of the wave is about to
     * be sent, and only then sends them, all at once. Whatever X answered each one is recorded as
     * {@link #publish} records it, and the posts X created are recorded published together, in one
     * transaction. If this instance dies meanwhile, each post it had sent is left marked as sent, and
     * is looked for on X before it is ever sent again; the posts it had not sent are simply due.
     *
     * <p>{@code taken} hears which posts the batch holds, before any is sent (the scheduler drops the
     * runs it had planned for them). Posts with images, reposts and posts
     * an earlier attempt may have sent are left to {@link #publish}. Returns the ids of the posts
     * it dealt with (sent, or found unable to go); empty when none was due and free.
     */
    public List<Long> publishBatch(int max, int concurrency, Consumer<List<Long>> taken) {
        Instant now = clock.instant();
        // more candidates than the batch takes, so that workers running batches at once share them out
        List<Long> candidates = publications.dueForBatch(now, max * 8);
        if (candidates.isEmpty()) {
            return List.of();
        }
        try (var held = locks.tryLockSome(candidates, max)) {
            if (held.ids().isEmpty()) {
                return List.of();
            }
            Map<Long, Integer> turn = new HashMap<>();
            held.ids().forEach(id -> turn.put(id, turn.size()));
            List<DuePost> loaded = new ArrayList<>(publications.loadForBatch(held.ids(), now));
            // in the order they were chosen: accounts take turns
            loaded.sort(Comparator.comparingInt(p -> turn.get(p.postId())));
            Map<Long, XToken> tokenOf = tokens.tokensFor(loaded.stream().map(DuePost::accountId).distinct().toList());
            List<DuePost> ready = loaded.stream().filter(p -> tokenOf.containsKey(p.accountId())).toList();
            // the posts of an account whose token cannot be had go the one-post way (the batch holds their
            // locks), which records why: reconnection needed, or X unreachable and a retry planned
            List<Long> dealtWith = new ArrayList<>();
            for (DuePost post : loaded) {
                if (!tokenOf.containsKey(post.accountId())) {
                    publishLocked(post.postId());
                    dealtWith.add(post.postId());
                }
            }
            if (ready.isEmpty()) {
                return dealtWith;
            }
            // the batch holds these posts now; until one is marked sent, another instance may plan it again
            taken.accept(ready.stream().map(DuePost::postId).toList());
            List<Long> claimedIds = new ArrayList<>();
            List<PublicationRepository.Sent> created = new ArrayList<>();
            List<Refused> refused = new ArrayList<>();
            // in waves of at most `concurrency`, each marked sent just before it goes, so that a post's
            // mark says when its request left, whatever became of the waves before it
            int wave = Math.max(1, concurrency);
            for (int from = 0; from < ready.size(); from += wave) {
                List<DuePost> posts = ready.subList(from, Math.min(ready.size(), from + wave));
                Instant sentAt = clock.instant();
                List<Long> marked = tx.execute(s -> publications.markAllSent(posts, sentAt));
                Set<Long> claimed = marked == null ? Set.of() : Set.copyOf(marked);
                List<DuePost> sending = posts.stream().filter(p -> claimed.contains(p.postId())).toList();
                claimedIds.addAll(sending.stream().map(DuePost::postId).toList());
                send(sending, tokenOf, created, refused);
            }
            if (!created.isEmpty()) {
                allPublished(created);
            }
            for (Refused r : refused) {
                failure(r.post(), r.post().attempts() + 1, r.at(), r.error(), true, false);
            }
            dealtWith.addAll(claimedIds);
            return dealtWith;
        }
    }

    private record Refused(DuePost post, XException error, Instant at) {}

    /** Sends each post's create request, all at once, and sorts X's answers. */
    private void send(List<DuePost> posts, Map<Long, XToken> tokenOf, List<PublicationRepository.Sent> created,
            List<Refused> refused) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> answers = new ArrayList<>();
            for (DuePost post : posts) {
                answers.add(executor.submit(() -> {
                    try {
                        XPost xPost = x.createPost(tokenOf.get(post.accountId()), new NewXPost(post.text(),
                                statusId(post.replyToUrl()), statusId(post.quoteUrl()), List.of()));
                        synchronized (created) {
                            created.add(new PublicationRepository.Sent(post, post.attempts() + 1, xPost.id(), clock.instant()));
                        }
                    } catch (XException e) {
                        synchronized (refused) {
                            refused.add(new Refused(post, e, clock.instant()));
                        }
                    } catch (RuntimeException e) {
                        // not an answer from X: whether it went out is unknown, so it is looked for before it is sent again
                        synchronized (refused) {
                            refused.add(new Refused(post, new XException(XFailure.UNKNOWN_OUTCOME, null,
                                    "no answer (" + e.getClass().getSimpleName() + ")"), clock.instant()));
                        }
                    }
                }));
            }
            for (Future<?> answer : answers) {
                try {
                    answer.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // each task keeps its own outcome; nothing escapes it
                }
            }
        }
    }

    /** The posts of a batch that X created: recorded published, audited and announced in one transaction. */
    private void allPublished(List<PublicationRepository.Sent> created) {
        // organisations in the order of their ids: each takes its audit chain's head row, and batches
        // running at once must take those rows in the same order, or they deadlock
        Map<Long, List<PublicationRepository.Sent>> byOrganisation = new TreeMap<>();
        created.forEach(s -> byOrganisation.computeIfAbsent(s.post().organisationId(), o -> new ArrayList<>()).add(s));
        tx.executeWithoutResult(status -> {
            publications.allPublished(created);
            byOrganisation.forEach((organisation, sent) -> {
                access.asSystem(organisation, "Noticeboard (publishing)", () -> {
                    audit.recordAll(access.actor(), sent.stream()
                            .map(s -> publishedEntry(s.post(), s.xPostId(), false)).toList());
                    return null;
                });
                notifications.tellEach(organisation, sent.stream().map(s -> publishedNotice(s.post())).toList());
            });
            var told = created.stream().map(s -> new AfterPublish.Published(s.post().organisationId(),
                    s.post().accountId(), s.post().postId(), statusId(s.post().replyToUrl()), statusId(s.post().quoteUrl()),
                    s.at())).toList();
            afterPublish.forEach(listener -> listener.publishedAll(told));
        });
        publishedHere.addAndGet(created.size());
        for (PublicationRepository.Sent s : created) {
            told(PublishOutcome.Kind.PUBLISHED, s.post(), s.at());
            log.info("Post {} published to @{} as X post {}", s.post().postId(), s.post().handle(), s.xPostId());
        }
    }

    private static AuditTrail.Entry publishedEntry(DuePost post, String xPostId, boolean reconciled) {
        return new AuditTrail.Entry("post.published", "post", post.postId(), "Published to X as @" + post.handle()
                + ", post " + xPostId + (reconciled ? " (found on X after an unanswered attempt)" : ""),
                Map.of("state", post.state().name()), Map.of("state", PostState.PUBLISHED.name(), "xPostId", xPostId));
    }

    private static NotificationService.Notice publishedNotice(DuePost post) {
        return new NotificationService.Notice(post.authorId(), post.postId(), "Your post to @" + post.handle() + " is on X.");
    }

    /**
     * A repost: X's repost endpoint leaves one repost per user and post however often it is asked, so
     * an attempt whose answer was lost is simply sent again.
     */
    private PublishOutcome repost(DuePost post, int attempt, Instant now, XToken token) {
        String target = statusId(post.quoteUrl());
        if (target == null || post.xUserId() == null) {
            return failed(post, attempt, now, false, "The repost names no post on X to repost. Ask for it again from the inbox.",
                    "INVALID", "no target");
        }
        Boolean claimed = tx.execute(s -> publications.markSent(post, attempt, now));
        if (!Boolean.TRUE.equals(claimed)) {
            return PublishOutcome.skipped("Withdrawn or edited meanwhile");
        }
        try {
            String repostId = x.repost(token, post.xUserId(), target);
            return published(post, attempt, clock.instant(), repostId, false);
        } catch (XException e) {
            return failure(post, attempt, clock.instant(), e, false, false);
        }
    }

    /** How long after failing a post may still be published again without a new review. */
    static final Duration REVIEW_AFTER = Duration.ofDays(1);

    /**
     * A failed post goes back in the queue, to be published now (after reconnecting, for example).
     * A post that failed more than a day ago, or was checked under an older version of the policy,
     * goes back through review instead: the approvals it had were for a moment that has passed.
     * Returns where the post is afterwards: SCHEDULED, or IN_REVIEW.
     */
    public PostState publishAgain(long postId) {
        var actor = access.actor();
        return Objects.requireNonNull(tx.execute(s -> {
            DuePost post = publications.load(postId).filter(p -> p.organisationId() == actor.organisationId())
                    .orElseThrow(() -> new NotFoundException("Post", postId));
            access.requireFor(accounts.get(post.accountId()).departmentId(), Role.APPROVER, Role.ACCOUNT_ADMIN);
            Instant now = clock.instant();
            Instant failedAt = publications.failedAt(actor.organisationId(), postId).orElse(null);
            if (failedAt != null) {
                int checkedUnder = publications.policyVersion(postId, post.revision());
                int inForce = policy.engine().version();
                String why = failedAt.isBefore(now.minus(REVIEW_AFTER))
                        ? "it failed more than a day ago (at " + TIME.format(failedAt.atZone(UK)) + ")"
                        : checkedUnder != inForce ? "it was checked under policy version " + checkedUnder
                                + " and version " + inForce + " is in force now" : null;
                if (why != null) {
                    return posts.sendBackToReview(postId, why).state();
                }
            }
            if (!publications.requeue(actor.organisationId(), postId, now)) {
                throw new ConflictException("not-failed", "Only a post that failed to publish can be published again; "
                        + "this one is " + post.state().label().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            audit.record(actor, "post.publish-again", "post", postId, "Publishing to @" + post.handle() + " asked for again",
                    Map.of("state", PostState.FAILED.name()), Map.of("state", PostState.SCHEDULED.name()));
            return PostState.SCHEDULED;
        }));
    }

    /** Every attempt to publish a post the caller may see. */
    public List<PublicationAttempt> attempts(long postId) {
        // whoever may see the post (its author, the account's approvers, auditors) may see how publishing it went;
        // another organisation's post, or one the caller may not see, does not exist for them
        long visible = posts.get(postId).id();
        return publications.attempts(access.actor().organisationId(), visible);
    }

    private @Nullable XPost findOnX(XToken token, DuePost post) {
        if (post.xUserId() == null || post.startedAt() == null) {
            return null;
        }
        String wanted = comparable(post.text());
        String reply = statusId(post.replyToUrl());
        String quote = statusId(post.quoteUrl());
        String page = null;
        for (int i = 0; i < RECONCILE_PAGES; i++) {
            XPage<XPost> posts = x.userPosts(token, post.xUserId(), post.startedAt().minus(RECONCILE_MARGIN), page);
            for (XPost candidate : posts.items()) {
                if (comparable(candidate.text()).equals(wanted)
                        && (reply == null || reply.equals(candidate.inReplyToPostId()))
                        && (quote == null || quote.equals(candidate.quotedPostId()))) {
                    return candidate;
                }
            }
            page = posts.nextToken();
            if (page == null) {
                break;
            }
        }
        return null;
    }

    /**
     * Text as X gives it back and as we sent it, made comparable: X shortens links to t.co, appends
     * a link for attached media and escapes {@code &}, {@code <} and {@code >}.
     */
    static String comparable(String text) {
        String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return URL.matcher(unescaped).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    static @Nullable String statusId(@Nullable String url) {
        if (url == null) {
            return null;
        }
        Matcher m = STATUS_ID.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private PublishOutcome published(DuePost post, int attempt, Instant now, String xPostId, boolean reconciled) {
        tx.executeWithoutResult(s -> {
            publications.published(post, xPostId, now);
            publications.attempt(post, attempt, post.startedAt() == null ? now : post.startedAt(), now,
                    reconciled ? "RECONCILED" : "PUBLISHED", reconciled
                            ? "An earlier attempt had reached X; found there, not posted again" : null, xPostId);
            access.asSystem(post.organisationId(), "Noticeboard (publishing)", () -> {
                audit.recordAll(access.actor(), List.of(publishedEntry(post, xPostId, reconciled)));
                return null;
            });
            notifications.tellEach(post.organisationId(), List.of(publishedNotice(post)));
            for (AfterPublish listener : afterPublish) {
                listener.published(post.organisationId(), post.accountId(), post.postId(),
                        post.repost() ? null : statusId(post.replyToUrl()), statusId(post.quoteUrl()), now);
            }
        });
        publishedHere.incrementAndGet();
        told(reconciled ? PublishOutcome.Kind.RECONCILED : PublishOutcome.Kind.PUBLISHED, post, now);
        log.info("Post {} published to @{} as X post {}{}", post.postId(), post.handle(), xPostId,
                reconciled ? " (reconciled)" : "");
        return new PublishOutcome(reconciled ? PublishOutcome.Kind.RECONCILED : PublishOutcome.Kind.PUBLISHED, xPostId,
                null, null);
    }

    /**
     * What X's failure means for the post. {@code createSent}: the failure answered the create request;
     * {@code priorUnknown}: an earlier attempt may be on X and was not ruled out yet.
     */
    private PublishOutcome failure(DuePost post, int attempt, Instant now, XException e, boolean createSent,
            boolean priorUnknown) {
        String handle = "@" + post.handle();
        String detail = e.getMessage();
        boolean unclear = e.failure() == XFailure.SERVER_ERROR || e.failure() == XFailure.UNKNOWN_OUTCOME
                || e.failure() == XFailure.MALFORMED_RESPONSE;
        boolean maybeOnX = priorUnknown || (createSent && unclear);
        return switch (e.failure()) {
            case DUPLICATE -> failed(post, attempt, now, maybeOnX, "X refused it as a duplicate: " + handle
                    + " has already posted the same text. Edit the text (even a little) and submit it again.",
                    "DUPLICATE", detail);
            case UNAUTHORIZED -> {
                tokens.rejected(post.accountId(), "X answered \"" + detail + "\" when publishing");
                yield failed(post, attempt, now, maybeOnX, "X no longer accepts Noticeboard's "
                        + "connection to " + handle + ". An account admin must reconnect it (Official accounts, Connect "
                        + "to X); then choose Publish again.", "RECONNECT", detail);
            }
            case FORBIDDEN -> failed(post, attempt, now, maybeOnX, "X refused to publish it: " + detail
                    + ". Trying again will not change that: edit the post, or ask an account admin to check " + handle
                    + " on X.", "FORBIDDEN", detail);
            case NOT_FOUND -> failed(post, attempt, now, maybeOnX, "X says the post it replies to or quotes does not exist "
                    + "(any more): " + detail + ". Edit the post and submit it again.", "NOT_FOUND", detail);
            case INVALID_REQUEST -> failed(post, attempt, now, maybeOnX, "X refused the post: " + detail
                    + ". Edit it and submit it again.", "INVALID", detail);
            case RATE_LIMITED -> {
                Instant retry = e.retryAt() != null && e.retryAt().isAfter(now) ? e.retryAt() : now.plus(FIRST_BACKOFF);
                String problem = "X's limit on posts from " + handle + " is reached for now; Noticeboard will publish it at "
                        + TIME.format(retry.atZone(UK)) + " (UK time).";
                // a 429, or our own bookkeeping, means X did not create it
                yield retry(post, attempt, now, retry, maybeOnX ? PostState.PUBLISHING : PostState.SCHEDULED, maybeOnX,
                        problem, "RATE_LIMITED", "RATE_LIMITED", detail);
            }
            case SERVER_ERROR, UNKNOWN_OUTCOME, MALFORMED_RESPONSE -> {
                if (attempt >= MAX_ATTEMPTS) {
                    yield failed(post, attempt, now, maybeOnX, "X did not answer properly after " + attempt
                            + " attempts (" + detail + "). Check " + handle + " on X, then choose Publish again: "
                            + "Noticeboard looks for the post on X first and never posts it twice.", "NO_ANSWER", detail);
                }
                Instant next = now.plus(backoff(attempt));
                String problem = "X did not answer properly (" + detail + "); Noticeboard will try again at "
                        + TIME.format(next.atZone(UK)) + " (UK time), and will not post it twice.";
                yield retry(post, attempt, now, next, maybeOnX ? PostState.PUBLISHING : PostState.SCHEDULED, maybeOnX,
                        problem, "RETRY", e.failure() == XFailure.UNKNOWN_OUTCOME ? "UNKNOWN" : "RETRY", detail);
            }
        };
    }

    static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Once the outcome is recorded: a listener's trouble never undoes or repeats a publication. */
    private void told(PublishOutcome.Kind kind, DuePost post, @Nullable Instant onX) {
        Duration lateBy = onX != null && post.scheduledAt() != null ? Duration.between(post.scheduledAt(), onX) : null;
        for (PublishOutcomes listener : outcomes) {
            try {
                listener.attempted(kind, lateBy != null && lateBy.isNegative() ? Duration.ZERO : lateBy);
            } catch (RuntimeException e) {
                log.warn("Post {}: telling {} of the outcome failed: {}", post.postId(), listener.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private PublishOutcome retry(DuePost post, int attempt, Instant now, Instant next, PostState state,
            boolean keepStarted, String problem, String kind, String outcome, String detail) {
        tx.executeWithoutResult(s -> {
            // waiting for a rate-limit window is not a failed attempt
            publications.retryAt(post, kind.equals("RATE_LIMITED") ? attempt - 1 : attempt, state, next, keepStarted,
                    problem, kind, now);
            publications.attempt(post, attempt, post.startedAt() == null ? now : post.startedAt(), now, outcome, detail,
                    null);
        });
        told(PublishOutcome.Kind.RETRY, post, null);
        log.info("Post {} to @{}: {} ({}); next attempt at {}", post.postId(), post.handle(), kind, detail, next);
        return new PublishOutcome(PublishOutcome.Kind.RETRY, null, next, problem);
    }

    private PublishOutcome failed(DuePost post, int attempt, Instant now, boolean keepStarted, String problem, String kind,
            String detail) {
        tx.executeWithoutResult(s -> {
            publications.failed(post, attempt, keepStarted, problem, kind, now);
            publications.attempt(post, attempt, post.startedAt() == null ? now : post.startedAt(), now, "FAILED", detail,
                    null);
            access.asSystem(post.organisationId(), "Noticeboard (publishing)", () -> {
                audit.record(access.actor(), "post.publish-failed", "post", post.postId(),
                        "Publishing to @" + post.handle() + " failed: " + problem,
                        Map.of("state", post.state().name()), Map.of("state", PostState.FAILED.name(), "kind", kind));
                return null;
            });
            notifications.tell(post.organisationId(), Set.of(post.authorId()), post.postId(),
                    "Your post to @" + post.handle() + " could not be published: " + problem, null);
        });
        told(PublishOutcome.Kind.FAILED, post, null);
        log.warn("Post {} to @{} failed: {} ({})", post.postId(), post.handle(), kind, detail);
        return new PublishOutcome(PublishOutcome.Kind.FAILED, null, null, problem);
    }
}
