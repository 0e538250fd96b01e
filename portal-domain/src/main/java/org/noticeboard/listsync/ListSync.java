package org.noticeboard.listsync;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One sync of a follow list to an official account's X presence, as people see it: where it
 * stands, how far it got ({@code done} of {@code total} planned changes, as {@code percent}), when
 * it should finish at X's pace, and a summary in words.
 *
 * @param total the changes planned (0 until the worker has planned them)
 * @param done changes finished, whether they went through or failed
 * @param added X List members added (SYNC_LIST)
 * @param removed X List members removed (SYNC_LIST)
 * @param followed stakeholders followed (FOLLOW_ALL)
 * @param failed changes X refused (see {@link ListSyncService#problems})
 * @param skipped stakeholders on the list left out because Noticeboard knows no X account for them
 * @param estimatedFinish when it should be done at X's pace (for a job not approved yet: if approved now); null once ended
 * @param nextAt when the worker continues (the next rate-limit window, or a retry)
 * @param message what went wrong, for a failed or cancelled job; a note for a running one
 */
public record ListSync(
        long id,
        long listId,
        String listName,
        long accountId,
        String accountHandle,
        SyncKind kind,
        SyncState state,
        @Nullable String xListId,
        int total,
        int done,
        int added,
        int removed,
        int followed,
        int failed,
        int skipped,
        int percent,
        @Nullable Instant estimatedFinish,
        @Nullable Instant nextAt,
        String summary,
        @Nullable String message,
        long requestedBy,
        String requestedByName,
        @Nullable Long approvedBy,
        @Nullable String approvedByName,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    /** Changes still to make. */
    public int remaining() {
        return Math.max(0, total - done);
    }
}
