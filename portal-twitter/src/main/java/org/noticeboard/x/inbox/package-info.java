/** The db-scheduler task that fetches the official accounts' mentions into the inbox. */
@NullMarked
package org.noticeboard.x.inbox;

import org.jspecify.annotations.NullMarked;
