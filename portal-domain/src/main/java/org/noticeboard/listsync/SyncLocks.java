package org.noticeboard.listsync;

import org.noticeboard.shared.SessionLocks;
import org.springframework.stereotype.Component;

/** One worker per sync at a time, across every portal instance ({@link SessionLocks}), as publishing does per post. */
@Component
class SyncLocks {

    /** The lock's space: list sync; the id is the job's. */
    private static final int LIST_SYNC = 0x4C53594E;

    private final SessionLocks locks;

    SyncLocks(SessionLocks locks) {
        this.locks = locks;
    }

    SessionLocks.Held tryLock(long syncId) {
        return locks.tryLock(LIST_SYNC, syncId, "list sync");
    }
}
