package org.noticeboard.x.sandbox;

import static org.noticeboard.db.jooq.Tables.X_SANDBOX_CLIENT;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_FOLLOW;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_LIKE;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_REPOST;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_LIST;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_LIST_MEMBER;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_MEDIA;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_MENTION;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_POST;
import static org.noticeboard.db.jooq.Tables.X_SANDBOX_USER;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.db.jooq.tables.records.XSandboxListRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxMediaRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxPostRecord;
import org.noticeboard.db.jooq.tables.records.XSandboxUserRecord;

/**
 * The sandbox's X: its users, posts, media, lists and follows, kept in PostgreSQL. The public
 * methods are what the portal uses to seed and show the world and what tests use to check it; the
 * package-private ones carry out API requests and throw {@link ApiProblem} where X would refuse.
 */
public class XSandbox {

    static final int MAX_WEIGHTED_LENGTH = 280;
    static final int MAX_LIST_MEMBERS = 5000;
    static final int MAX_MEDIA_PER_POST = 4;
    /** X's documented upload limits: images 5 MB, animated GIFs 15 MB. */
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final long MAX_GIF_BYTES = 15L * 1024 * 1024;
    /** A media id can be attached for as long as X says it lives ({@code expires_after_secs}). */
    static final Duration MEDIA_LIFETIME = Duration.ofHours(24);
    /** How far back the same author's identical text counts as duplicate content. */
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);
    static final Set<String> IMAGE_CATEGORIES = Set.of("tweet_image", "tweet_gif", "dm_image", "dm_gif");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]{1,15}$");

    private final DSLContext dsl;
    private final Clock clock;
    private final SandboxIds ids;
    private final Extractor extractor = new Extractor();

    public XSandbox(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.ids = new SandboxIds(dsl, clock);
    }

    Clock clock() {
        return clock;
    }

    DSLContext dsl() {
        return dsl;
    }

    long nextId() {
        return ids.next();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ the world, for the portal

    /**
     * Registers (or updates) an OAuth 2.0 client the way a developer registers an app with X: its
     * id, its secret (only a hash is kept) and the exact redirect URIs it may use.
     */
    public void registerClient(String clientId, String clientSecret, List<String> redirectUris) {
        if (clientId.isBlank() || clientSecret.isBlank() || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("A client needs an id, a secret and at least one redirect URI");
        }
        String[] uris = redirectUris.toArray(String[]::new);
        String secretHash = Hashes.sha256(clientSecret);
        dsl.insertInto(X_SANDBOX_CLIENT)
                .set(X_SANDBOX_CLIENT.CLIENT_ID, clientId)
                .set(X_SANDBOX_CLIENT.SECRET_SHA256, secretHash)
                .set(X_SANDBOX_CLIENT.REDIRECT_URIS, uris)
                .set(X_SANDBOX_CLIENT.CREATED_AT, now())
                .onConflict(X_SANDBOX_CLIENT.CLIENT_ID)
                .doUpdate()
                .set(X_SANDBOX_CLIENT.SECRET_SHA256, secretHash)
                .set(X_SANDBOX_CLIENT.REDIRECT_URIS, uris)
                .execute();
    }

    /** The user with this handle (any case), created with the given name and bio if there is none yet. */
    public SandboxUser ensureUser(String username, String name, String description) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("Not an X handle (1 to 15 letters, digits or _): " + username);
        }
        Optional<SandboxUser> existing = user(username);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = ids.next();
        dsl.insertInto(X_SANDBOX_USER)
                .set(X_SANDBOX_USER.ID, id)
                .set(X_SANDBOX_USER.USERNAME, username)
                .set(X_SANDBOX_USER.NAME, name.isBlank() ? username : name)
                .set(X_SANDBOX_USER.DESCRIPTION, description)
                .set(X_SANDBOX_USER.CREATED_AT, now())
                .onConflictDoNothing()
                .execute();
        return user(username).orElseThrow();
    }

    public Optional<SandboxUser> user(String username) {
        return dsl.selectFrom(X_SANDBOX_USER)
                .where(DSL.lower(X_SANDBOX_USER.USERNAME).eq(username.toLowerCase(Locale.ROOT)))
                .fetchOptional()
                .map(XSandbox::toUser);
    }

    /** Every user, by handle: whom one may sign in as on the consent page. */
    public List<SandboxUser> users() {
        return dsl.selectFrom(X_SANDBOX_USER)
                .orderBy(DSL.lower(X_SANDBOX_USER.USERNAME))
                .fetch(XSandbox::toUser);
    }

    /**
     * The demo's X: the official accounts of the demo organisations and the people around them (an
     * MP, national bodies, think tanks, a patient, a journalist) with a few posts, some of which
     * mention or answer the official accounts so that their inboxes are not empty. Running it again
     * adds nothing that is already there.
     */
    public void seedDemoWorld() {
        DemoWorld.seed(this);
    }

    /**
     * Someone else posts on the sandbox's X (the handle is created if it does not exist), e.g. to
     * mention or answer an official account; no duplicate or rate-limit rules apply.
     */
    public SandboxPost simulatePost(String username, String text, @Nullable String inReplyToId,
            @Nullable String quoteId) {
        SandboxUser author = ensureUser(username, username, "");
        Long replyTo = inReplyToId == null ? null : parseId(inReplyToId);
        Long quote = quoteId == null ? null : parseId(quoteId);
        if (replyTo != null && livePost(replyTo).isEmpty()) {
            throw new IllegalArgumentException("No post " + inReplyToId + " to reply to");
        }
        if (quote != null && livePost(quote).isEmpty()) {
            throw new IllegalArgumentException("No post " + quoteId + " to quote");
        }
        long id = dsl.transactionResult(tx -> insertPost(tx.dsl(), Long.parseLong(author.id()), text, replyTo, quote,
                List.of(), now()));
        return post(String.valueOf(id)).orElseThrow();
    }

    /** People engage with a post: the counts are added to its public metrics. */
    public SandboxPost simulateEngagement(String postId, long likes, long reposts, long replies, long quotes,
            long impressions) {
        int updated = dsl.update(X_SANDBOX_POST)
                .set(X_SANDBOX_POST.LIKE_COUNT, X_SANDBOX_POST.LIKE_COUNT.plus(likes))
                .set(X_SANDBOX_POST.REPOST_COUNT, X_SANDBOX_POST.REPOST_COUNT.plus(reposts))
                .set(X_SANDBOX_POST.REPLY_COUNT, X_SANDBOX_POST.REPLY_COUNT.plus(replies))
                .set(X_SANDBOX_POST.QUOTE_COUNT, X_SANDBOX_POST.QUOTE_COUNT.plus(quotes))
                .set(X_SANDBOX_POST.IMPRESSION_COUNT, X_SANDBOX_POST.IMPRESSION_COUNT.plus(impressions))
                .where(X_SANDBOX_POST.ID.eq(parseId(postId)))
                .execute();
        if (updated == 0) {
            throw new IllegalArgumentException("No post " + postId);
        }
        return post(postId).orElseThrow();
    }

    /** Everything posted, newest first (deleted posts included, flagged), older than {@code beforeId} if given. */
    public List<SandboxPost> timeline(int limit, @Nullable String beforeId) {
        Condition older = beforeId == null ? DSL.trueCondition() : X_SANDBOX_POST.ID.lt(parseId(beforeId));
        return postsWithAuthors().where(older)
                .orderBy(X_SANDBOX_POST.ID.desc())
                .limit(Math.max(0, limit))
                .fetch(this::toPost);
    }

    /** One user's posts, newest first (deleted ones included, flagged); empty if there is no such user. */
    public List<SandboxPost> postsBy(String username, int limit) {
        return postsWithAuthors()
                .where(DSL.lower(X_SANDBOX_USER.USERNAME).eq(username.toLowerCase(Locale.ROOT)))
                .orderBy(X_SANDBOX_POST.ID.desc())
                .limit(Math.max(0, limit))
                .fetch(this::toPost);
    }

    public Optional<SandboxPost> post(String id) {
        return postsWithAuthors().where(X_SANDBOX_POST.ID.eq(parseId(id))).fetchOptional(this::toPost);
    }

    public Optional<SandboxMedia> media(String mediaId) {
        return dsl.selectFrom(X_SANDBOX_MEDIA)
                .where(X_SANDBOX_MEDIA.ID.eq(parseId(mediaId)))
                .fetchOptional()
                .map(XSandbox::toMedia);
    }

    /** How many posts (not deleted) this handle has on the sandbox's X. */
    public int countPostsBy(String username) {
        return dsl.fetchCount(X_SANDBOX_POST.join(X_SANDBOX_USER).on(X_SANDBOX_USER.ID.eq(X_SANDBOX_POST.AUTHOR_ID)),
                DSL.lower(X_SANDBOX_USER.USERNAME).eq(username.toLowerCase(Locale.ROOT))
                        .and(X_SANDBOX_POST.DELETED.isFalse()));
    }

    /** How many posts (not deleted) this handle has with exactly this text: 1 after an exactly-once publication. */
    public int countPostsWithText(String username, String text) {
        return dsl.fetchCount(X_SANDBOX_POST.join(X_SANDBOX_USER).on(X_SANDBOX_USER.ID.eq(X_SANDBOX_POST.AUTHOR_ID)),
                DSL.lower(X_SANDBOX_USER.USERNAME).eq(username.toLowerCase(Locale.ROOT))
                        .and(X_SANDBOX_POST.DELETED.isFalse())
                        .and(X_SANDBOX_POST.TEXT.eq(text)));
    }

    /**
     * Makes many users at once (those whose handle is taken already are kept as they are), for a
     * world with thousands of people in it: one statement instead of one round of lookups per user.
     * Returns every one of them, new or old, by handle as given.
     */
    public Map<String, SandboxUser> ensureUsers(Collection<String> usernames) {
        List<String> handles = usernames.stream().distinct().toList();
        for (String username : handles) {
            if (!USERNAME.matcher(username).matches()) {
                throw new IllegalArgumentException("Not an X handle (1 to 15 letters, digits or _): " + username);
            }
        }
        if (!handles.isEmpty()) {
            dsl.transaction(tx -> {
                DSLContext db = tx.dsl();
                long last = new SandboxIds(db, clock).nextBlock(handles.size());
                long first = last - handles.size() + 1;
                OffsetDateTime now = now();
                for (int from = 0; from < handles.size(); from += 1000) {
                    var insert = db.insertInto(X_SANDBOX_USER, X_SANDBOX_USER.ID, X_SANDBOX_USER.USERNAME,
                            X_SANDBOX_USER.NAME, X_SANDBOX_USER.DESCRIPTION, X_SANDBOX_USER.CREATED_AT);
                    for (int i = from; i < Math.min(handles.size(), from + 1000); i++) {
                        insert = insert.values(first + i, handles.get(i), handles.get(i), "", now);
                    }
                    insert.onConflictDoNothing().execute();
                }
            });
        }
        Map<String, String> byLower = new HashMap<>();
        handles.forEach(h -> byLower.put(h.toLowerCase(Locale.ROOT), h));
        Map<String, SandboxUser> users = new java.util.LinkedHashMap<>();
        for (List<String> batch : chunks(List.copyOf(byLower.keySet()), 1000)) {
            dsl.selectFrom(X_SANDBOX_USER)
                    .where(DSL.lower(X_SANDBOX_USER.USERNAME).in(batch))
                    .forEach(r -> users.put(byLower.get(r.getUsername().toLowerCase(Locale.ROOT)), toUser(r)));
        }
        return users;
    }

    private static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }

    /** The ids of an X List's members in the order they were added; empty if there is no such List. */
    public List<String> listMemberIds(String listId) {
        return dsl.select(X_SANDBOX_LIST_MEMBER.USER_ID).from(X_SANDBOX_LIST_MEMBER)
                .where(X_SANDBOX_LIST_MEMBER.LIST_ID.eq(parseId(listId)))
                .orderBy(X_SANDBOX_LIST_MEMBER.POSITION)
                .fetch(r -> String.valueOf(r.value1()));
    }

    /** The List, as its owner sees it. */
    public Optional<SandboxList> list(String listId) {
        return list(parseId(listId));
    }

    /** Someone deletes an X List on X (outside the portal), with its members. */
    public void deleteList(String listId) {
        long id = parseId(listId);
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(X_SANDBOX_LIST_MEMBER).where(X_SANDBOX_LIST_MEMBER.LIST_ID.eq(id)).execute();
            tx.dsl().deleteFrom(X_SANDBOX_LIST).where(X_SANDBOX_LIST.ID.eq(id)).execute();
        });
    }

    /** The ids of the users this handle follows; empty if there is no such user. */
    public Set<String> followingIds(String username) {
        return dsl.select(X_SANDBOX_FOLLOW.TARGET_USER_ID).from(X_SANDBOX_FOLLOW)
                .join(X_SANDBOX_USER).on(X_SANDBOX_USER.ID.eq(X_SANDBOX_FOLLOW.SOURCE_USER_ID))
                .where(DSL.lower(X_SANDBOX_USER.USERNAME).eq(username.toLowerCase(Locale.ROOT)))
                .fetchSet(r -> String.valueOf(r.value1()));
    }

    // ------------------------------------------------------------------ lookups for the API

    Optional<SandboxUser> userById(long id) {
        return dsl.selectFrom(X_SANDBOX_USER).where(X_SANDBOX_USER.ID.eq(id)).fetchOptional().map(XSandbox::toUser);
    }

    List<SandboxUser> usersByIds(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(X_SANDBOX_USER).where(X_SANDBOX_USER.ID.in(userIds)).fetch(XSandbox::toUser);
    }

    /** Posts X would show: not deleted. */
    Optional<SandboxPost> livePost(long id) {
        return postsWithAuthors()
                .where(X_SANDBOX_POST.ID.eq(id).and(X_SANDBOX_POST.DELETED.isFalse()))
                .fetchOptional(this::toPost);
    }

    List<SandboxPost> livePosts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return postsWithAuthors()
                .where(X_SANDBOX_POST.ID.in(postIds).and(X_SANDBOX_POST.DELETED.isFalse()))
                .fetch(this::toPost);
    }

    List<SandboxMedia> mediaByIds(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(X_SANDBOX_MEDIA).where(X_SANDBOX_MEDIA.ID.in(mediaIds)).fetch(XSandbox::toMedia);
    }

    /** followers, following, posts and lists of each user, for {@code user.fields=public_metrics}. */
    Map<String, UserCounts> userCounts(Collection<String> userIds) {
        Map<String, UserCounts> counts = new HashMap<>();
        for (String userId : userIds) {
            long id = Long.parseLong(userId);
            var row = dsl.select(
                            DSL.selectCount().from(X_SANDBOX_FOLLOW).where(X_SANDBOX_FOLLOW.TARGET_USER_ID.eq(id)).asField(),
                            DSL.selectCount().from(X_SANDBOX_FOLLOW).where(X_SANDBOX_FOLLOW.SOURCE_USER_ID.eq(id)).asField(),
                            DSL.selectCount().from(X_SANDBOX_POST)
                                    .where(X_SANDBOX_POST.AUTHOR_ID.eq(id).and(X_SANDBOX_POST.DELETED.isFalse())).asField(),
                            DSL.selectCount().from(X_SANDBOX_LIST_MEMBER).where(X_SANDBOX_LIST_MEMBER.USER_ID.eq(id)).asField())
                    .fetchOne();
            counts.put(userId, new UserCounts(
                    ((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(),
                    ((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue()));
        }
        return counts;
    }

    record UserCounts(long followers, long following, long posts, long listed) {}

    // ------------------------------------------------------------------ timelines with X's paging

    /** Where a page starts: just older than {@code id} (X's next_token) or just newer (previous_token). */
    record Cursor(long id, boolean newer) {}

    record PostQuery(@Nullable Long sinceId, @Nullable Long untilId, @Nullable Instant startTime,
            @Nullable Instant endTime, boolean excludeReplies, int maxResults, @Nullable Cursor cursor) {}

    record PostPage(List<SandboxPost> posts, boolean hasOlder, boolean hasNewer) {}

    PostPage mentionsOf(long userId, PostQuery query) {
        return page(X_SANDBOX_POST.ID.in(DSL.select(X_SANDBOX_MENTION.POST_ID).from(X_SANDBOX_MENTION)
                .where(X_SANDBOX_MENTION.USER_ID.eq(userId))), query);
    }

    PostPage postsOf(long userId, PostQuery query) {
        return page(X_SANDBOX_POST.AUTHOR_ID.eq(userId), query);
    }

    private PostPage page(Condition whose, PostQuery query) {
        Condition matching = whose.and(X_SANDBOX_POST.DELETED.isFalse());
        if (query.sinceId() != null) {
            matching = matching.and(X_SANDBOX_POST.ID.gt(query.sinceId()));
        }
        if (query.untilId() != null) {
            matching = matching.and(X_SANDBOX_POST.ID.lt(query.untilId()));
        }
        if (query.startTime() != null) {
            matching = matching.and(X_SANDBOX_POST.CREATED_AT.ge(OffsetDateTime.ofInstant(query.startTime(), ZoneOffset.UTC)));
        }
        if (query.endTime() != null) {
            matching = matching.and(X_SANDBOX_POST.CREATED_AT.le(OffsetDateTime.ofInstant(query.endTime(), ZoneOffset.UTC)));
        }
        if (query.excludeReplies()) {
            matching = matching.and(X_SANDBOX_POST.IN_REPLY_TO_POST_ID.isNull());
        }
        int max = query.maxResults();
        Cursor cursor = query.cursor();
        List<SandboxPost> posts;
        if (cursor != null && cursor.newer()) {
            List<SandboxPost> ascending = postsWithAuthors()
                    .where(matching.and(X_SANDBOX_POST.ID.gt(cursor.id())))
                    .orderBy(X_SANDBOX_POST.ID.asc())
                    .limit(max + 1)
                    .fetch(this::toPost);
            posts = new ArrayList<>(ascending.subList(0, Math.min(max, ascending.size())));
            java.util.Collections.reverse(posts);
        } else {
            Condition page = cursor == null ? matching : matching.and(X_SANDBOX_POST.ID.lt(cursor.id()));
            List<SandboxPost> descending = postsWithAuthors()
                    .where(page)
                    .orderBy(X_SANDBOX_POST.ID.desc())
                    .limit(max + 1)
                    .fetch(this::toPost);
            posts = descending.subList(0, Math.min(max, descending.size()));
        }
        if (posts.isEmpty()) {
            return new PostPage(List.of(), false, false);
        }
        long newest = Long.parseLong(posts.getFirst().id());
        long oldest = Long.parseLong(posts.getLast().id());
        boolean hasOlder = dsl.fetchExists(X_SANDBOX_POST, matching.and(X_SANDBOX_POST.ID.lt(oldest)));
        boolean hasNewer = dsl.fetchExists(X_SANDBOX_POST, matching.and(X_SANDBOX_POST.ID.gt(newest)));
        return new PostPage(List.copyOf(posts), hasOlder, hasNewer);
    }

    // ------------------------------------------------------------------ writing, as X does it

    /**
     * {@code POST /2/tweets}: X's checks (length, media, reply and quote targets, duplicate content),
     * then the post, stored with the text as given; returns its id.
     */
    String publish(long authorId, String text, @Nullable Long replyTo, @Nullable Long quote, List<Long> mediaIds) {
        if (text.isEmpty() && mediaIds.isEmpty()) {
            throw ApiProblem.invalidBody("You must provide text or media to create a Tweet.");
        }
        if (!text.isEmpty() && TwitterTextParser.parseTweet(text).weightedLength > MAX_WEIGHTED_LENGTH) {
            throw ApiProblem.forbidden("Your Tweet text is too long. For more information on how Twitter determines "
                    + "text length see https://github.com/twitter/twitter-text.");
        }
        long id = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // one author's posts are checked and written one at a time, so two identical
            // requests racing each other cannot both pass the duplicate check
            db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(authorId))).fetch();
            checkMedia(db, authorId, mediaIds);
            if (replyTo != null && !db.fetchExists(X_SANDBOX_POST,
                    X_SANDBOX_POST.ID.eq(replyTo).and(X_SANDBOX_POST.DELETED.isFalse()))) {
                throw ApiProblem.forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.");
            }
            if (quote != null && !db.fetchExists(X_SANDBOX_POST,
                    X_SANDBOX_POST.ID.eq(quote).and(X_SANDBOX_POST.DELETED.isFalse()))) {
                throw ApiProblem.forbidden("You attempted to quote a Tweet that is deleted or not visible to you.");
            }
            if (!text.isEmpty() && db.fetchExists(X_SANDBOX_POST, X_SANDBOX_POST.AUTHOR_ID.eq(authorId)
                    .and(X_SANDBOX_POST.DELETED.isFalse())
                    .and(DSL.md5(X_SANDBOX_POST.TEXT).eq(DSL.md5(DSL.val(text))))
                    .and(X_SANDBOX_POST.TEXT.eq(text))
                    .and(X_SANDBOX_POST.CREATED_AT.gt(now().minus(DUPLICATE_WINDOW))))) {
                throw ApiProblem.forbidden("You are not allowed to create a Tweet with duplicate content.");
            }
            return insertPost(db, authorId, text, replyTo, quote, mediaIds, now());
        });
        return String.valueOf(id);
    }

    private void checkMedia(DSLContext db, long authorId, List<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return;
        }
        List<String> asked = mediaIds.stream().map(String::valueOf).toList();
        if (mediaIds.size() > MAX_MEDIA_PER_POST || Set.copyOf(mediaIds).size() != mediaIds.size()) {
            throw ApiProblem.invalidRequest("media.media_ids", asked, "Your media IDs are invalid.");
        }
        List<XSandboxMediaRecord> media = db.selectFrom(X_SANDBOX_MEDIA)
                .where(X_SANDBOX_MEDIA.ID.in(mediaIds)
                        .and(X_SANDBOX_MEDIA.OWNER_ID.eq(authorId))
                        .and(X_SANDBOX_MEDIA.CREATED_AT.gt(now().minus(MEDIA_LIFETIME))))
                .fetch();
        boolean gifWithOthers = media.size() > 1
                && media.stream().anyMatch(m -> m.getContentType().equals("image/gif"));
        if (media.size() != mediaIds.size() || gifWithOthers) {
            throw ApiProblem.invalidRequest("media.media_ids", asked, "Your media IDs are invalid.");
        }
    }

    /** Writes a post with its mentions and counts it as a reply / quote on its targets. */
    private long insertPost(DSLContext db, long authorId, String text, @Nullable Long replyTo, @Nullable Long quote,
            List<Long> mediaIds, OffsetDateTime createdAt) {
        long id = ids.next();
        Long conversation = id;
        Long replyToUser = null;
        if (replyTo != null) {
            XSandboxPostRecord parent = db.selectFrom(X_SANDBOX_POST).where(X_SANDBOX_POST.ID.eq(replyTo)).fetchOne();
            if (parent != null) {
                conversation = parent.getConversationId();
                replyToUser = parent.getAuthorId();
            }
        }
        db.insertInto(X_SANDBOX_POST)
                .set(X_SANDBOX_POST.ID, id)
                .set(X_SANDBOX_POST.AUTHOR_ID, authorId)
                .set(X_SANDBOX_POST.TEXT, text)
                .set(X_SANDBOX_POST.CREATED_AT, createdAt)
                .set(X_SANDBOX_POST.CONVERSATION_ID, conversation)
                .set(X_SANDBOX_POST.IN_REPLY_TO_POST_ID, replyTo)
                .set(X_SANDBOX_POST.IN_REPLY_TO_USER_ID, replyToUser)
                .set(X_SANDBOX_POST.QUOTED_POST_ID, quote)
                .set(X_SANDBOX_POST.MEDIA_IDS, mediaIds.toArray(Long[]::new))
                .execute();
        Set<Long> mentioned = new LinkedHashSet<>();
        List<String> handles = extractor.extractMentionedScreennames(text).stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!handles.isEmpty()) {
            mentioned.addAll(db.select(X_SANDBOX_USER.ID).from(X_SANDBOX_USER)
                    .where(DSL.lower(X_SANDBOX_USER.USERNAME).in(handles)).fetch(X_SANDBOX_USER.ID));
        }
        if (replyToUser != null) {
            mentioned.add(replyToUser);
        }
        mentioned.remove(authorId);
        for (Long user : mentioned) {
            db.insertInto(X_SANDBOX_MENTION)
                    .set(X_SANDBOX_MENTION.USER_ID, user)
                    .set(X_SANDBOX_MENTION.POST_ID, id)
                    .onConflictDoNothing()
                    .execute();
        }
        if (replyTo != null) {
            db.update(X_SANDBOX_POST).set(X_SANDBOX_POST.REPLY_COUNT, X_SANDBOX_POST.REPLY_COUNT.plus(1L))
                    .where(X_SANDBOX_POST.ID.eq(replyTo)).execute();
        }
        if (quote != null) {
            db.update(X_SANDBOX_POST).set(X_SANDBOX_POST.QUOTE_COUNT, X_SANDBOX_POST.QUOTE_COUNT.plus(1L))
                    .where(X_SANDBOX_POST.ID.eq(quote)).execute();
        }
        return id;
    }

    /** Seeds a post of the demo world at a time in the past, once: false if it was there already. */
    boolean seedPost(SandboxUser author, String text, @Nullable String replyToId, Duration ago,
            SandboxMetrics engagement) {
        long authorId = Long.parseLong(author.id());
        if (dsl.fetchExists(X_SANDBOX_POST, X_SANDBOX_POST.AUTHOR_ID.eq(authorId).and(X_SANDBOX_POST.TEXT.eq(text)))) {
            return false;
        }
        Long replyTo = replyToId == null ? null : parseId(replyToId);
        long id = dsl.transactionResult(tx -> insertPost(tx.dsl(), authorId, text, replyTo, null, List.of(),
                now().minus(ago)));
        simulateEngagement(String.valueOf(id), engagement.likes(), engagement.reposts(), 0, engagement.quotes(),
                engagement.impressions());
        return true;
    }

    /** {@code DELETE /2/tweets/:id}: only one's own posts. */
    void deletePost(long userId, long postId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            XSandboxPostRecord post = db.selectFrom(X_SANDBOX_POST)
                    .where(X_SANDBOX_POST.ID.eq(postId).and(X_SANDBOX_POST.DELETED.isFalse()))
                    .forUpdate()
                    .fetchOne();
            if (post == null) {
                throw ApiProblem.notFound("tweet", "id", String.valueOf(postId),
                        "Could not find tweet with id: [" + postId + "].");
            }
            if (post.getAuthorId() != userId) {
                throw ApiProblem.forbidden("You are not allowed to delete a Tweet that is not your own.");
            }
            post.setDeleted(true);
            post.setDeletedAt(now());
            post.store();
            if (post.getInReplyToPostId() != null) {
                db.update(X_SANDBOX_POST)
                        .set(X_SANDBOX_POST.REPLY_COUNT, DSL.greatest(X_SANDBOX_POST.REPLY_COUNT.minus(1L), DSL.val(0L)))
                        .where(X_SANDBOX_POST.ID.eq(post.getInReplyToPostId())).execute();
            }
            if (post.getQuotedPostId() != null) {
                db.update(X_SANDBOX_POST)
                        .set(X_SANDBOX_POST.QUOTE_COUNT, DSL.greatest(X_SANDBOX_POST.QUOTE_COUNT.minus(1L), DSL.val(0L)))
                        .where(X_SANDBOX_POST.ID.eq(post.getQuotedPostId())).execute();
            }
        });
    }

    /** {@code POST /2/media/upload}: images only (PNG, JPEG, GIF, WebP), recognised by their content. */
    /** Alt text for an uploaded image, as {@code POST /2/media/metadata} sets it; only its uploader may. */
    SandboxMedia describeMedia(long callerId, long mediaId, String altText) {
        if (altText.codePointCount(0, altText.length()) > 1000) {
            throw ApiProblem.invalidBody("$.metadata.alt_text.text: must be at most 1000 characters");
        }
        int updated = dsl.update(X_SANDBOX_MEDIA)
                .set(X_SANDBOX_MEDIA.ALT_TEXT, altText)
                .where(X_SANDBOX_MEDIA.ID.eq(mediaId), X_SANDBOX_MEDIA.OWNER_ID.eq(callerId))
                .execute();
        if (updated == 0) {
            throw ApiProblem.notFound("media", "id", String.valueOf(mediaId), "Could not find media with id: ["
                    + mediaId + "].");
        }
        return media(String.valueOf(mediaId)).orElseThrow();
    }

    SandboxMedia storeMedia(long ownerId, byte[] bytes, @Nullable String category) {
        ImageProbe.Image image = ImageProbe.probe(bytes);
        if (image == null) {
            throw ApiProblem.invalidBody("media type unrecognized.");
        }
        boolean gif = image.contentType().equals("image/gif");
        long limit = gif ? MAX_GIF_BYTES : MAX_IMAGE_BYTES;
        if (bytes.length > limit) {
            throw ApiProblem.invalidBody("File size exceeds " + limit + " bytes.");
        }
        String mediaCategory = category != null ? category : gif ? "tweet_gif" : "tweet_image";
        if (!IMAGE_CATEGORIES.contains(mediaCategory)) {
            throw ApiProblem.invalidRequest("media_category", List.of(mediaCategory),
                    "The media_category [" + mediaCategory + "] does not match the uploaded image.");
        }
        long id = ids.next();
        // X's media keys name the kind of media: 3_ for photos, 16_ for animated GIFs
        String key = (gif ? "16_" : "3_") + id;
        dsl.insertInto(X_SANDBOX_MEDIA)
                .set(X_SANDBOX_MEDIA.ID, id)
                .set(X_SANDBOX_MEDIA.OWNER_ID, ownerId)
                .set(X_SANDBOX_MEDIA.MEDIA_KEY, key)
                .set(X_SANDBOX_MEDIA.MEDIA_CATEGORY, mediaCategory)
                .set(X_SANDBOX_MEDIA.CONTENT_TYPE, image.contentType())
                .set(X_SANDBOX_MEDIA.WIDTH, image.width())
                .set(X_SANDBOX_MEDIA.HEIGHT, image.height())
                .set(X_SANDBOX_MEDIA.SIZE_BYTES, bytes.length)
                .set(X_SANDBOX_MEDIA.BYTES, bytes)
                .set(X_SANDBOX_MEDIA.CREATED_AT, now())
                .execute();
        return media(String.valueOf(id)).orElseThrow();
    }

    // ------------------------------------------------------------------ lists and follows

    SandboxList createList(long ownerId, String name, @Nullable String description, boolean isPrivate) {
        long id = ids.next();
        dsl.insertInto(X_SANDBOX_LIST)
                .set(X_SANDBOX_LIST.ID, id)
                .set(X_SANDBOX_LIST.OWNER_ID, ownerId)
                .set(X_SANDBOX_LIST.NAME, name)
                .set(X_SANDBOX_LIST.DESCRIPTION, description)
                .set(X_SANDBOX_LIST.PRIVATE, isPrivate)
                .set(X_SANDBOX_LIST.CREATED_AT, now())
                .execute();
        return list(id).orElseThrow();
    }

    Optional<SandboxList> list(long id) {
        return dsl.selectFrom(X_SANDBOX_LIST).where(X_SANDBOX_LIST.ID.eq(id)).fetchOptional().map(XSandbox::toList);
    }

    /** {@code POST /2/lists/:id/members}: the owner adds a user; a List holds at most 5,000. */
    void addListMember(long callerId, long listId, long userId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            XSandboxListRecord list = ownedList(db, callerId, listId, "add members to");
            if (!db.fetchExists(X_SANDBOX_USER, X_SANDBOX_USER.ID.eq(userId))) {
                throw ApiProblem.notFound("user", "user_id", String.valueOf(userId),
                        "Could not find user with user_id: [" + userId + "].");
            }
            // one look at the List answers all three questions (a List of 5,000 is synced one add at a time)
            var members = db.select(DSL.count(), DSL.max(X_SANDBOX_LIST_MEMBER.POSITION),
                            DSL.boolOr(X_SANDBOX_LIST_MEMBER.USER_ID.eq(userId)))
                    .from(X_SANDBOX_LIST_MEMBER)
                    .where(X_SANDBOX_LIST_MEMBER.LIST_ID.eq(list.getId()))
                    .fetchSingle();
            if (Boolean.TRUE.equals(members.value3())) {
                return;
            }
            if (members.value1() >= MAX_LIST_MEMBERS) {
                throw ApiProblem.forbidden("You cannot add more than " + MAX_LIST_MEMBERS + " members to a List.");
            }
            Long last = members.value2();
            db.insertInto(X_SANDBOX_LIST_MEMBER)
                    .set(X_SANDBOX_LIST_MEMBER.LIST_ID, listId)
                    .set(X_SANDBOX_LIST_MEMBER.USER_ID, userId)
                    .set(X_SANDBOX_LIST_MEMBER.POSITION, last == null ? 1L : last + 1)
                    .set(X_SANDBOX_LIST_MEMBER.ADDED_AT, now())
                    .execute();
        });
    }

    void removeListMember(long callerId, long listId, long userId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            ownedList(db, callerId, listId, "remove members from");
            db.deleteFrom(X_SANDBOX_LIST_MEMBER)
                    .where(X_SANDBOX_LIST_MEMBER.LIST_ID.eq(listId).and(X_SANDBOX_LIST_MEMBER.USER_ID.eq(userId)))
                    .execute();
        });
    }

    /** The list locked for a change of its members, which only its owner may make. */
    private static XSandboxListRecord ownedList(DSLContext db, long callerId, long listId, String what) {
        XSandboxListRecord list = db.selectFrom(X_SANDBOX_LIST).where(X_SANDBOX_LIST.ID.eq(listId)).forUpdate().fetchOne();
        if (list == null) {
            throw ApiProblem.notFound("list", "id", String.valueOf(listId),
                    "Could not find list with id: [" + listId + "].");
        }
        if (list.getOwnerId() != callerId) {
            throw ApiProblem.forbidden("You are not allowed to " + what + " this List.");
        }
        return list;
    }

    /** A page of a List's members, in the order they were added. */
    record MemberPage(List<SandboxUser> users, long firstPosition, long lastPosition, boolean hasMore,
            boolean hasPrevious) {}

    MemberPage listMembers(long listId, int maxResults, @Nullable Cursor cursor) {
        Condition ofList = X_SANDBOX_LIST_MEMBER.LIST_ID.eq(listId);
        var base = dsl.select(X_SANDBOX_USER.asterisk(), X_SANDBOX_LIST_MEMBER.POSITION)
                .from(X_SANDBOX_LIST_MEMBER)
                .join(X_SANDBOX_USER).on(X_SANDBOX_USER.ID.eq(X_SANDBOX_LIST_MEMBER.USER_ID));
        List<Record> rows;
        if (cursor != null && cursor.newer()) {
            rows = new ArrayList<>(base.where(ofList.and(X_SANDBOX_LIST_MEMBER.POSITION.lt(cursor.id())))
                    .orderBy(X_SANDBOX_LIST_MEMBER.POSITION.desc()).limit(maxResults).fetch());
            java.util.Collections.reverse(rows);
        } else {
            Condition after = cursor == null ? ofList : ofList.and(X_SANDBOX_LIST_MEMBER.POSITION.gt(cursor.id()));
            rows = base.where(after).orderBy(X_SANDBOX_LIST_MEMBER.POSITION.asc()).limit(maxResults).fetch();
        }
        if (rows.isEmpty()) {
            return new MemberPage(List.of(), 0, 0, false, false);
        }
        long first = rows.getFirst().get(X_SANDBOX_LIST_MEMBER.POSITION);
        long last = rows.getLast().get(X_SANDBOX_LIST_MEMBER.POSITION);
        boolean more = dsl.fetchExists(X_SANDBOX_LIST_MEMBER, ofList.and(X_SANDBOX_LIST_MEMBER.POSITION.gt(last)));
        boolean previous = dsl.fetchExists(X_SANDBOX_LIST_MEMBER, ofList.and(X_SANDBOX_LIST_MEMBER.POSITION.lt(first)));
        List<SandboxUser> users = rows.stream().map(r -> toUser(r.into(X_SANDBOX_USER))).toList();
        return new MemberPage(users, first, last, more, previous);
    }

    /** {@code POST /2/users/:id/likes}: once per user and post; the post's like count goes up the first time. */
    void like(long userId, long postId) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (!db.fetchExists(X_SANDBOX_POST, X_SANDBOX_POST.ID.eq(postId).and(X_SANDBOX_POST.DELETED.isFalse()))) {
                throw ApiProblem.notFound("tweet", "tweet_id", String.valueOf(postId),
                        "Could not find tweet with tweet_id: [" + postId + "].");
            }
            int added = db.insertInto(X_SANDBOX_LIKE).set(X_SANDBOX_LIKE.USER_ID, userId).set(X_SANDBOX_LIKE.POST_ID, postId)
                    .set(X_SANDBOX_LIKE.CREATED_AT, now()).onConflictDoNothing().execute();
            if (added == 1) {
                db.update(X_SANDBOX_POST).set(X_SANDBOX_POST.LIKE_COUNT, X_SANDBOX_POST.LIKE_COUNT.plus(1L))
                        .where(X_SANDBOX_POST.ID.eq(postId)).execute();
            }
        });
    }

    /** {@code POST /2/users/:id/retweets}: one repost per user and post; asked again, the same repost's id. */
    long repost(long userId, long postId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            if (!db.fetchExists(X_SANDBOX_POST, X_SANDBOX_POST.ID.eq(postId).and(X_SANDBOX_POST.DELETED.isFalse()))) {
                throw ApiProblem.notFound("tweet", "tweet_id", String.valueOf(postId),
                        "Could not find tweet with tweet_id: [" + postId + "].");
            }
            Long existing = db.select(X_SANDBOX_REPOST.ID).from(X_SANDBOX_REPOST)
                    .where(X_SANDBOX_REPOST.USER_ID.eq(userId), X_SANDBOX_REPOST.POST_ID.eq(postId))
                    .fetchOne(X_SANDBOX_REPOST.ID);
            if (existing != null) {
                return existing;
            }
            long id = ids.next();
            db.insertInto(X_SANDBOX_REPOST).set(X_SANDBOX_REPOST.ID, id).set(X_SANDBOX_REPOST.USER_ID, userId)
                    .set(X_SANDBOX_REPOST.POST_ID, postId).set(X_SANDBOX_REPOST.CREATED_AT, now()).execute();
            db.update(X_SANDBOX_POST).set(X_SANDBOX_POST.REPOST_COUNT, X_SANDBOX_POST.REPOST_COUNT.plus(1L))
                    .where(X_SANDBOX_POST.ID.eq(postId)).execute();
            return id;
        });
    }

    /** Whether this handle likes the post. */
    public boolean likes(String username, String postId) {
        return user(username).map(u -> dsl.fetchExists(X_SANDBOX_LIKE, X_SANDBOX_LIKE.USER_ID.eq(Long.parseLong(u.id()))
                .and(X_SANDBOX_LIKE.POST_ID.eq(parseId(postId))))).orElse(false);
    }

    /** Whether this handle reposted the post. */
    public boolean reposted(String username, String postId) {
        return user(username).map(u -> dsl.fetchExists(X_SANDBOX_REPOST, X_SANDBOX_REPOST.USER_ID.eq(Long.parseLong(u.id()))
                .and(X_SANDBOX_REPOST.POST_ID.eq(parseId(postId))))).orElse(false);
    }

    /** Its author deletes the post on X (someone else's mention, say): it leaves timelines and lookups. */
    public void simulateDelete(String postId) {
        long id = parseId(postId);
        long author = dsl.select(X_SANDBOX_POST.AUTHOR_ID).from(X_SANDBOX_POST).where(X_SANDBOX_POST.ID.eq(id))
                .fetchOptional(X_SANDBOX_POST.AUTHOR_ID).orElseThrow(() -> new IllegalArgumentException("No post " + postId));
        deletePost(author, id);
    }

    void follow(long sourceId, long targetId) {
        dsl.insertInto(X_SANDBOX_FOLLOW)
                .set(X_SANDBOX_FOLLOW.SOURCE_USER_ID, sourceId)
                .set(X_SANDBOX_FOLLOW.TARGET_USER_ID, targetId)
                .set(X_SANDBOX_FOLLOW.CREATED_AT, now())
                .onConflictDoNothing()
                .execute();
    }

    void unfollow(long sourceId, long targetId) {
        dsl.deleteFrom(X_SANDBOX_FOLLOW)
                .where(X_SANDBOX_FOLLOW.SOURCE_USER_ID.eq(sourceId).and(X_SANDBOX_FOLLOW.TARGET_USER_ID.eq(targetId)))
                .execute();
    }

    boolean follows(long sourceId, long targetId) {
        return dsl.fetchExists(X_SANDBOX_FOLLOW,
                X_SANDBOX_FOLLOW.SOURCE_USER_ID.eq(sourceId).and(X_SANDBOX_FOLLOW.TARGET_USER_ID.eq(targetId)));
    }

    // ------------------------------------------------------------------ mapping

    private SelectOnConditionStep<Record> postsWithAuthors() {
        return dsl.select(X_SANDBOX_POST.asterisk(), X_SANDBOX_USER.USERNAME, X_SANDBOX_USER.NAME)
                .from(X_SANDBOX_POST)
                .join(X_SANDBOX_USER).on(X_SANDBOX_USER.ID.eq(X_SANDBOX_POST.AUTHOR_ID));
    }

    private SandboxPost toPost(Record row) {
        XSandboxPostRecord p = row.into(X_SANDBOX_POST);
        return new SandboxPost(
                String.valueOf(p.getId()),
                String.valueOf(p.getAuthorId()),
                row.get(X_SANDBOX_USER.USERNAME),
                row.get(X_SANDBOX_USER.NAME),
                p.getText(),
                p.getCreatedAt().toInstant(),
                String.valueOf(p.getConversationId()),
                idOrNull(p.getInReplyToPostId()),
                idOrNull(p.getInReplyToUserId()),
                idOrNull(p.getQuotedPostId()),
                Arrays.stream(p.getMediaIds()).map(String::valueOf).toList(),
                new SandboxMetrics(p.getLikeCount(), p.getRepostCount(), p.getReplyCount(), p.getQuoteCount(),
                        p.getBookmarkCount(), p.getImpressionCount()),
                p.getDeleted());
    }

    private static @Nullable String idOrNull(@Nullable Long id) {
        return id == null ? null : String.valueOf(id);
    }

    private static SandboxUser toUser(XSandboxUserRecord u) {
        return new SandboxUser(String.valueOf(u.getId()), u.getUsername(), u.getName(), u.getDescription(),
                u.getCreatedAt().toInstant());
    }

    private static SandboxMedia toMedia(XSandboxMediaRecord m) {
        return new SandboxMedia(String.valueOf(m.getId()), m.getMediaKey(), String.valueOf(m.getOwnerId()),
                m.getContentType(), m.getWidth(), m.getHeight(), m.getBytes(), m.getAltText());
    }

    private static SandboxList toList(XSandboxListRecord l) {
        return new SandboxList(String.valueOf(l.getId()), String.valueOf(l.getOwnerId()), l.getName(),
                l.getDescription(), l.getPrivate(), l.getCreatedAt().toInstant());
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an X id: " + id, e);
        }
    }
}
