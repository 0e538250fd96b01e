@NullMarked
package org.noticeboard.ui.impact;

import org.jspecify.annotations.NullMarked;
