@NullMarked
package org.noticeboard.access;

import org.jspecify.annotations.NullMarked;
