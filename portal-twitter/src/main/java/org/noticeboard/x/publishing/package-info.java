/**
 * Background publishing on db-scheduler, which shares the work between portal instances through
 * PostgreSQL: a recurring scan finds posts that are due and schedules one task per post.
 */
@NullMarked
package org.noticeboard.x.publishing;

import org.jspecify.annotations.NullMarked;
