@NullMarked
package org.noticeboard.organisation;

import org.jspecify.annotations.NullMarked;
