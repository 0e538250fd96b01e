@NullMarked
package org.noticeboard.department;

import org.jspecify.annotations.NullMarked;
