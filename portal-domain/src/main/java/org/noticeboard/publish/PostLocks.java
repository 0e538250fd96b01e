package org.noticeboard.publish;

import java.util.List;
import org.noticeboard.shared.SessionLocks;
import org.springframework.stereotype.Component;

/** One worker per post at a time, across every portal instance ({@link SessionLocks}). */
@Component
class PostLocks {

    /** The lock's space: publishing; the id is the post's. */
    private static final int PUBLISHING = 0x50554231;

    private final SessionLocks locks;

    PostLocks(SessionLocks locks) {
        this.locks = locks;
    }

    SessionLocks.Held tryLock(long postId) {
        return locks.tryLock(PUBLISHING, postId, "post");
    }

    /** Of {@code postIds}, as many as are free, up to {@code max}. */
    SessionLocks.HeldSome tryLockSome(List<Long> postIds, int max) {
        return locks.tryLockSome(PUBLISHING, postIds, max, "post");
    }
}
