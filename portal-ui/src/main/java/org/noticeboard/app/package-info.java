@NullMarked
package org.noticeboard.app;

import org.jspecify.annotations.NullMarked;
