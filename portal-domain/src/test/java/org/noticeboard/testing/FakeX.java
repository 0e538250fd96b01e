package org.noticeboard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;

/**
 * X for domain tests: remembers what was posted, and fails on cue. The portal-twitter tests run the
 * same publisher against the X sandbox and WireMock; this one lets a domain test say exactly when X
 * fails (before, or after it created the post). Its users are those a test registers; looking up a
 * handle nobody registered finds nothing, as X leaves unknown usernames out.
 */
public class FakeX implements XGateway {

    /** What the next create does instead of (or after) creating. */
    public enum Cue { FAIL_BEFORE, CREATE_THEN_FAIL }

    private record Scripted(Cue cue, Supplier<XException> failure) {}

    private final List<XPost> posts = new ArrayList<>();
    private final Deque<Scripted> createScript = new ArrayDeque<>();
    private final Deque<Supplier<XException>> lookupScript = new ArrayDeque<>();
    private final Deque<Supplier<XException>> uploadScript = new ArrayDeque<>();
    private final Map<String, XUser> users = new LinkedHashMap<>();
    private final Deque<Supplier<XException>> usersScript = new ArrayDeque<>();
    private final List<List<String>> userLookups = new ArrayList<>();
    /** Failures for the next list member changes and follows, in order; then they go through. */
    private final Deque<Supplier<XException>> changeScript = new ArrayDeque<>();
    private int changeCalls;
    private final Map<String, org.noticeboard.xapi.XMetrics> metrics = new LinkedHashMap<>();
    private final List<List<String>> postLookups = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_800_000_000_000_000_000L);
    private final Clock clock;
    private int createCalls;
    /** Mentions by mentioned user id, oldest first; ids grow like X's. */
    private final Map<String, List<XPost>> mentions = new LinkedHashMap<>();
    private final Map<String, XUser> authors = new LinkedHashMap<>();
    private final Deque<Supplier<XException>> mentionsScript = new ArrayDeque<>();
    private int mentionPageSize = 100;
    private final List<String> mentionRequests = new ArrayList<>();
    private final List<String> likes = new ArrayList<>();
    private final List<String> reposts = new ArrayList<>();

    public FakeX(Clock clock) {
        this.clock = clock;
    }

    public synchronized void reset() {
        posts.clear();
        createScript.clear();
        lookupScript.clear();
        uploadScript.clear();
        users.clear();
        usersScript.clear();
        userLookups.clear();
        changeScript.clear();
        createCalls = 0;
        changeCalls = 0;
        metrics.clear();
        postLookups.clear();
        mentions.clear();
        authors.clear();
        mentionsScript.clear();
        mentionPageSize = 100;
        mentionRequests.clear();
        likes.clear();
        reposts.clear();
    }

    /** People engaged with a post: {@link #posts} reports these public metrics from now on. */
    public synchronized void setMetrics(String postId, org.noticeboard.xapi.XMetrics value) {
        metrics.put(postId, value);
    }

    /** The post ids asked for by {@link #posts}, one list per request to X. */
    public synchronized List<List<String>> postLookups() {
        return List.copyOf(postLookups);
    }

    /** Someone posts a mention of {@code mentionedUserId}; it is also found by {@link #posts} until deleted. */
    public synchronized XPost mention(String mentionedUserId, XUser author, String text, @Nullable String inReplyTo) {
        authors.put(author.id(), author);
        var post = new XPost(String.valueOf(ids.incrementAndGet()), text, author.id(), clock.instant(), null, inReplyTo,
                null, null);
        mentions.computeIfAbsent(mentionedUserId, k -> new ArrayList<>()).add(post);
        posts.add(post);
        return post;
    }

    /** The author deleted it on X: it leaves the mentions timeline and lookups. */
    public synchronized void deleteOnX(String postId) {
        mentions.values().forEach(list -> list.removeIf(p -> p.id().equals(postId)));
        posts.removeIf(p -> p.id().equals(postId));
    }

    /** X's page size for mentions (it is up to 100 on X). */
    public synchronized void mentionPageSize(int size) {
        mentionPageSize = size;
    }

    /** The next mentions request fails so. */
    public synchronized void nextMentions(Supplier<XException> failure) {
        mentionsScript.add(failure);
    }

    /** Each mentions request as "since_id|pagination_token". */
    public synchronized List<String> mentionRequests() {
        return List.copyOf(mentionRequests);
    }

    public synchronized List<String> likes() {
        return List.copyOf(likes);
    }

    public synchronized List<String> reposts() {
        return List.copyOf(reposts);
    }

    public synchronized void clearScripts() {
        createScript.clear();
        lookupScript.clear();
        uploadScript.clear();
        usersScript.clear();
    }

    /** An X user that {@link #usersByUsernames} finds from now on, by its username in any case. */
    public synchronized XUser registerUser(String username, String name, int followers) {
        var user = new XUser(String.valueOf(ids.incrementAndGet()), username, name, followers, false, null);
        users.put(username.toLowerCase(Locale.ROOT), user);
        return user;
    }

    /** This X user, exactly (to give a renamed account the id it had). */
    public synchronized XUser registerUser(XUser user) {
        users.put(user.username().toLowerCase(Locale.ROOT), user);
        return user;
    }

    /** The account was deleted or suspended on X: lookups no longer find it. */
    public synchronized void removeUser(String username) {
        users.remove(username.toLowerCase(Locale.ROOT));
    }

    /** The next users lookup fails with this. */
    public synchronized void nextUsersLookup(Supplier<XException> failure) {
        usersScript.add(failure);
    }

    /** The usernames asked for, one list per request to X. */
    public synchronized List<List<String>> userLookups() {
        return List.copyOf(userLookups);
    }

    public synchronized void nextCreate(Cue cue, Supplier<XException> failure) {
        createScript.add(new Scripted(cue, failure));
    }

    public synchronized void nextLookup(Supplier<XException> failure) {
        lookupScript.add(failure);
    }

    public synchronized void nextUpload(Supplier<XException> failure) {
        uploadScript.add(failure);
    }

    /** The next list member change (add or remove) or follow fails so. */
    public synchronized void nextChange(Supplier<XException> failure) {
        changeScript.add(failure);
    }

    /** List member changes and follows asked for, failed ones included. */
    public synchronized int changeCalls() {
        return changeCalls;
    }

    private void change() {
        changeCalls++;
        Supplier<XException> failure = changeScript.poll();
        if (failure != null) {
            throw failure.get();
        }
    }

    public synchronized List<XPost> postsBy(String userId) {
        return posts.stream().filter(p -> userId.equals(p.authorId())).toList();
    }

    public synchronized int createCalls() {
        return createCalls;
    }

    @Override
    public synchronized XUser me(XToken token) {
        return new XUser(token.userId() == null ? "1" : token.userId(), "user", "User");
    }

    @Override
    public synchronized XPost createPost(XToken token, NewXPost post) {
        createCalls++;
        Scripted scripted = createScript.poll();
        if (scripted != null && scripted.cue() == Cue.FAIL_BEFORE) {
            throw scripted.failure().get();
        }
        // X shortens links and appends one for media: the publisher must still recognise its post
        String text = post.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("https?://\\S+", "https://t.co/abc123")
                + (post.mediaIds().isEmpty() ? "" : " https://t.co/media1");
        var created = new XPost(String.valueOf(ids.incrementAndGet()), text, token.userId(), clock.instant(), null,
                post.inReplyToPostId(), post.quotePostId(), null);
        posts.add(created);
        if (scripted != null) {
            throw scripted.failure().get();
        }
        return created;
    }

    @Override
    public synchronized void deletePost(XToken token, String postId) {
        posts.removeIf(p -> p.id().equals(postId));
    }

    @Override
    public synchronized List<XPost> posts(XToken token, List<String> postIds) {
        postLookups.add(List.copyOf(postIds));
        if (postIds.size() > 100) {
            // X refuses the whole request: at most 100 ids
            throw new XException(org.noticeboard.xapi.XFailure.INVALID_REQUEST, 400, "ids: at most 100 ids");
        }
        return posts.stream().filter(p -> postIds.contains(p.id()))
                .map(p -> new XPost(p.id(), p.text(), p.authorId(), p.createdAt(), p.conversationId(), p.inReplyToPostId(),
                        p.quotedPostId(), metrics.getOrDefault(p.id(), new org.noticeboard.xapi.XMetrics(0, 0, 0, 0, 0L))))
                .toList();
    }

    /** Like X: at most 100 usernames a request (the real gateway splits longer lists), unknown ones left out. */
    @Override
    public synchronized List<XUser> usersByUsernames(XToken token, List<String> usernames) {
        var found = new ArrayList<XUser>();
        for (int from = 0; from < usernames.size(); from += 100) {
            var batch = List.copyOf(usernames.subList(from, Math.min(usernames.size(), from + 100)));
            userLookups.add(batch);
            Supplier<XException> failure = usersScript.poll();
            if (failure != null) {
                throw failure.get();
            }
            for (String username : batch) {
                XUser user = users.get(username.toLowerCase(Locale.ROOT));
                if (user != null) {
                    found.add(user);
                }
            }
        }
        return found;
    }

    /**
     * Like X: newest first, {@code since_id} exclusive, {@code next_token} to the next older page, and
     * {@code newest_id} of the page. The token names the id the next page starts below, so it stays
     * valid when newer mentions arrive meanwhile.
     */
    @Override
    public synchronized XPage<XPost> mentions(XToken token, String userId, @Nullable String sinceId,
            @Nullable String paginationToken) {
        mentionRequests.add(sinceId + "|" + paginationToken);
        Supplier<XException> failure = mentionsScript.poll();
        if (failure != null) {
            throw failure.get();
        }
        List<XPost> matching = mentions.getOrDefault(userId, List.of()).stream()
                .filter(p -> sinceId == null || Long.parseLong(p.id()) > Long.parseLong(sinceId))
                .filter(p -> paginationToken == null || Long.parseLong(p.id()) < Long.parseLong(paginationToken))
                .sorted(Comparator.comparing((XPost p) -> Long.parseLong(p.id())).reversed())
                .toList();
        List<XPost> page = matching.subList(0, Math.min(mentionPageSize, matching.size()));
        String next = matching.size() > page.size() ? page.getLast().id() : null;
        List<XUser> users = page.stream().map(p -> authors.get(p.authorId())).distinct().toList();
        return new XPage<>(page, next, page.isEmpty() ? null : page.getFirst().id(), users);
    }

    @Override
    public synchronized void like(XToken token, String userId, String postId) {
        if (posts.stream().noneMatch(p -> p.id().equals(postId))) {
            throw new XException(org.noticeboard.xapi.XFailure.NOT_FOUND, 200, "Could not find tweet with tweet_id: [" + postId + "].");
        }
        likes.add(userId + ":" + postId);
    }

    @Override
    public synchronized String repost(XToken token, String userId, String postId) {
        if (posts.stream().noneMatch(p -> p.id().equals(postId))) {
            throw new XException(org.noticeboard.xapi.XFailure.NOT_FOUND, 200, "Could not find tweet with tweet_id: [" + postId + "].");
        }
        reposts.add(userId + ":" + postId);
        return String.valueOf(ids.incrementAndGet());
    }

    @Override
    public synchronized XPage<XPost> userPosts(XToken token, String userId, @Nullable Instant startTime,
            @Nullable String paginationToken) {
        Supplier<XException> failure = lookupScript.poll();
        if (failure != null) {
            throw failure.get();
        }
        return new XPage<>(posts.stream()
                .filter(p -> userId.equals(p.authorId()))
                .filter(p -> startTime == null || p.createdAt() == null || !p.createdAt().isBefore(startTime))
                .sorted(Comparator.comparing(XPost::id).reversed())
                .toList(), null);
    }

    @Override
    public synchronized String uploadMedia(XToken token, XMediaUpload media) {
        Supplier<XException> failure = uploadScript.poll();
        if (failure != null) {
            throw failure.get();
        }
        return String.valueOf(ids.incrementAndGet());
    }

    @Override
    public XList createList(XToken token, String name, @Nullable String description, boolean isPrivate) {
        return new XList(String.valueOf(ids.incrementAndGet()), name);
    }

    @Override
    public synchronized void addListMember(XToken token, String listId, String userId) {
        change();
    }

    @Override
    public synchronized void removeListMember(XToken token, String listId, String userId) {
        change();
    }

    @Override
    public XPage<XUser> listMembers(XToken token, String listId, @Nullable String paginationToken) {
        return new XPage<>(List.of(), null);
    }

    @Override
    public synchronized void follow(XToken token, String sourceUserId, String targetUserId) {
        change();
    }

    @Override
    public void unfollow(XToken token, String sourceUserId, String targetUserId) {}
}
