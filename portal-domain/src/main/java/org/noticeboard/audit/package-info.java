@NullMarked
package org.noticeboard.audit;

import org.jspecify.annotations.NullMarked;
