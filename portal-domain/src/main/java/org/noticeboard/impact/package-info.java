/**
 * Impact: public metrics of published posts fetched from X at 1 hour, 1 day and 7 days, and the
 * dashboard per account or campaign built from them and from the mentions inbox.
 */
@NullMarked
package org.noticeboard.impact;

import org.jspecify.annotations.NullMarked;
