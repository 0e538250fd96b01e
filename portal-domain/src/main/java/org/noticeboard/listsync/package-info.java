/**
 * Syncing a follow list to an X List owned by an official account, or following everyone on it
 * from that account. A curator asks, an account admin approves, and a background worker
 * ({@link org.noticeboard.listsync.ListSyncWorker}) plans the changes once, keeps them in
 * PostgreSQL and makes them at X's pace (300 list changes, 50 follows per 15 minutes), so a
 * restart resumes where it stopped and no request goes over X's limits.
 */
@NullMarked
package org.noticeboard.listsync;

import org.jspecify.annotations.NullMarked;
