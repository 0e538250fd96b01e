@NullMarked
package org.noticeboard.shared;

import org.jspecify.annotations.NullMarked;
