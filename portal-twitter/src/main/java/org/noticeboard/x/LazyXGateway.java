package org.noticeboard.x;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.NewXPost;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XList;
import org.noticeboard.xapi.XMediaUpload;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.noticeboard.xapi.XUser;

/**
 * The gateway, built on first use: in sandbox mode X's address is this portal's own port, known
 * only once the web server runs.
 */
public final class LazyXGateway implements XGateway, AutoCloseable {

    private final Supplier<? extends XGateway> factory;
    private volatile @Nullable XGateway gateway;

    public LazyXGateway(Supplier<? extends XGateway> factory) {
        this.factory = factory;
    }

    private XGateway x() {
        XGateway current = gateway;
        if (current == null) {
            synchronized (this) {
                current = gateway;
                if (current == null) {
                    current = factory.get();
                    gateway = current;
                }
            }
        }
        return current;
    }

    @Override
    public void close() throws Exception {
        if (gateway instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public XUser me(XToken token) {
        return x().me(token);
    }

    @Override
    public XPost createPost(XToken token, NewXPost post) {
        return x().createPost(token, post);
    }

    @Override
    public void deletePost(XToken token, String postId) {
        x().deletePost(token, postId);
    }

    @Override
    public void like(XToken token, String userId, String postId) {
        x().like(token, userId, postId);
    }

    @Override
    public String repost(XToken token, String userId, String postId) {
        return x().repost(token, userId, postId);
    }

    @Override
    public List<XPost> posts(XToken token, List<String> postIds) {
        return x().posts(token, postIds);
    }

    @Override
    public List<XUser> usersByUsernames(XToken token, List<String> usernames) {
        return x().usersByUsernames(token, usernames);
    }

    @Override
    public XPage<XPost> mentions(XToken token, String userId, @Nullable String sinceId, @Nullable String paginationToken) {
        return x().mentions(token, userId, sinceId, paginationToken);
    }

    @Override
    public XPage<XPost> userPosts(XToken token, String userId, @Nullable Instant startTime, @Nullable String paginationToken) {
        return x().userPosts(token, userId, startTime, paginationToken);
    }

    @Override
    public String uploadMedia(XToken token, XMediaUpload media) {
        return x().uploadMedia(token, media);
    }

    @Override
    public XList createList(XToken token, String name, @Nullable String description, boolean isPrivate) {
        return x().createList(token, name, description, isPrivate);
    }

    @Override
    public void addListMember(XToken token, String listId, String userId) {
        x().addListMember(token, listId, userId);
    }

    @Override
    public void removeListMember(XToken token, String listId, String userId) {
        x().removeListMember(token, listId, userId);
    }

    @Override
    public XPage<XUser> listMembers(XToken token, String listId, @Nullable String paginationToken) {
        return x().listMembers(token, listId, paginationToken);
    }

    @Override
    public void follow(XToken token, String sourceUserId, String targetUserId) {
        x().follow(token, sourceUserId, targetUserId);
    }

    @Override
    public void unfollow(XToken token, String sourceUserId, String targetUserId) {
        x().unfollow(token, sourceUserId, targetUserId);
    }
}
