/**
 * The mentions inbox: mentions of the connected official accounts, polled from X, triaged
 * (state, assignee, internal notes), answered through the composer and the workflow, with the
 * first response time of each.
 */
@NullMarked
package org.noticeboard.inbox;

import org.jspecify.annotations.NullMarked;
