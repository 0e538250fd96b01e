@NullMarked
package org.noticeboard.ui.policy;

import org.jspecify.annotations.NullMarked;
