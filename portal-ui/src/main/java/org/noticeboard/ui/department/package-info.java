@NullMarked
package org.noticeboard.ui.department;

import org.jspecify.annotations.NullMarked;
