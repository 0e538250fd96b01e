package org.noticeboard.publish;

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
}
