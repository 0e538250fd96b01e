/**
 * The db-scheduler side of syncing follow lists to X: one {@code x-list-sync} execution per job,
 * rescheduled at the start of each of X's rate-limit windows until the job ends, and a scan that
 * starts approved jobs.
 */
@NullMarked
package org.noticeboard.x.listsync;

import org.jspecify.annotations.NullMarked;
