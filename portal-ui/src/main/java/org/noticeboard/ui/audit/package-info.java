@NullMarked
package org.noticeboard.ui.audit;

import org.jspecify.annotations.NullMarked;
