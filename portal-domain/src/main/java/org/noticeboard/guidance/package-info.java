@NullMarked
package org.noticeboard.guidance;

import org.jspecify.annotations.NullMarked;
