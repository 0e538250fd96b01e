package org.noticeboard.x.testing;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.stereotype.Component;

/** Approved posts, written and approved by the organisation's members as in the portal. */
@Component
public class Posts {

    private final PostService posts;
    private final ReviewService review;
    private final TestCaller caller;

    public Posts(PostService posts, ReviewService review, TestCaller caller) {
        this.posts = posts;
        this.review = review;
        this.caller = caller;
    }

    public Post approved(World.Org org, long accountId, String text, @Nullable String replyTo, @Nullable String quote,
            List<AttachedImage> images) {
        var submitted = caller.as(org.member(Role.STAFF), () -> {
            var post = posts.save(null, new PostDraft(accountId, text, replyTo, quote, null, images, Map.of()), 0);
            return posts.submit(post.id(), post.version());
        });
        return caller.as(org.member(Role.APPROVER), () -> review.approve(submitted.id(), 1, submitted.version()));
    }

    public Post approved(World.Org org, String text) {
        return approved(org, org.account().id(), text, null, null, List.of());
    }

    public Post get(World.Org org, long postId) {
        return caller.as(org.member(Role.APPROVER), () -> posts.get(postId));
    }
}
