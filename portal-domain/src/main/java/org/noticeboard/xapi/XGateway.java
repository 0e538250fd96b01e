package org.noticeboard.xapi;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * X API v2, as far as Noticeboard uses it. Every call acts as the X user whose token is given and
 * throws {@link XException} when X does not do what was asked. Implementations keep each user's
 * rate-limit windows and refuse (with {@link XFailure#RATE_LIMITED}) a call that would exceed one
 * instead of letting X answer 429.
 */
public interface XGateway {

    /** {@code GET /2/users/me}. */
    XUser me(XToken token);

    /** {@code POST /2/tweets}: returns the new post (id and text as X stored it). */
    XPost createPost(XToken token, NewXPost post);

    /** {@code DELETE /2/tweets/:id}. */
    void deletePost(XToken token, String postId);

    /** {@code GET /2/tweets?ids=} with {@code public_metrics}, {@code created_at}, {@code author_id}; missing ones are left out. */
    List<XPost> posts(XToken token, List<String> postIds);

    /** {@code GET /2/users/by?usernames=}, in batches of 100; handles X does not know are left out. */
    List<XUser> usersByUsernames(XToken token, List<String> usernames);

    /** {@code GET /2/users/:id/mentions}, newest first, {@code since_id} and pagination as X does it. */
    XPage<XPost> mentions(XToken token, String userId, @Nullable String sinceId, @Nullable String paginationToken);

    /** {@code GET /2/users/:id/tweets} from {@code startTime} on, newest first: to reconcile and to audit. */
    XPage<XPost> userPosts(XToken token, String userId, @Nullable Instant startTime, @Nullable String paginationToken);

    /** {@code POST /2/users/:id/likes}: the user likes the post; liking it again changes nothing. */
    void like(XToken token, String userId, String postId);

    /** {@code POST /2/users/:id/retweets}: the user reposts the post; returns the repost's id ({@code rest_id}). */
    String repost(XToken token, String userId, String postId);

    /** {@code POST /2/media/upload}: returns the media id to attach to a post. */
    String uploadMedia(XToken token, XMediaUpload media);

    /** {@code POST /2/lists}. */
    XList createList(XToken token, String name, @Nullable String description, boolean isPrivate);

    /** {@code POST /2/lists/:id/members}. */
    void addListMember(XToken token, String listId, String userId);

    /** {@code DELETE /2/lists/:id/members/:user_id}. */
    void removeListMember(XToken token, String listId, String userId);

    /** {@code GET /2/lists/:id/members}, up to 100 a page. */
    XPage<XUser> listMembers(XToken token, String listId, @Nullable String paginationToken);

    /** {@code POST /2/users/:id/following}. */
    void follow(XToken token, String sourceUserId, String targetUserId);

    /** {@code DELETE /2/users/:source_user_id/following/:target_user_id}. */
    void unfollow(XToken token, String sourceUserId, String targetUserId);
}
