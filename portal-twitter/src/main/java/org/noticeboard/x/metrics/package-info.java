@NullMarked
package org.noticeboard.x.metrics;

import org.jspecify.annotations.NullMarked;
