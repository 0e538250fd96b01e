/** Syncing a follow list to X: asking, approving, and watching the progress at X's pace. */
@NullMarked
package org.noticeboard.ui.listsync;

import org.jspecify.annotations.NullMarked;
