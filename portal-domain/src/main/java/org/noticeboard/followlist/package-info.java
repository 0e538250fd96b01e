/**
 * Follow lists: stakeholders a department curates, shared with the department, the organisation
 * or anyone with a link, with every change kept, subscriptions and forks.
 */
@NullMarked
package org.noticeboard.followlist;

import org.jspecify.annotations.NullMarked;
