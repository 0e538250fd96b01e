/**
 * Faults across the whole portal: the database going away for a while, an instance killed in the
 * middle of publishing. Each test runs portals of its own, on a database of its own.
 */
@NullMarked
package org.noticeboard.x.faults;

import org.jspecify.annotations.NullMarked;
