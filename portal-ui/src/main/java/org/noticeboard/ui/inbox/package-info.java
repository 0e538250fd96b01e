/** The mentions inbox: triage, notes, replies from templates, likes and reposts. */
@NullMarked
package org.noticeboard.ui.inbox;

import org.jspecify.annotations.NullMarked;
