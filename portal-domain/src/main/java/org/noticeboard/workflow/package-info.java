/** Each official account's approval workflow: ordered steps, who approves each, and when a step applies. */
@NullMarked
package org.noticeboard.workflow;

import org.jspecify.annotations.NullMarked;
