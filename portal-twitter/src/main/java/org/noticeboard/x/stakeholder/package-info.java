/** Background work for the stakeholder directory that talks to X. */
@NullMarked
package org.noticeboard.x.stakeholder;

import org.jspecify.annotations.NullMarked;
