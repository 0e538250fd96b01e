@NullMarked
package org.noticeboard.ui.review;

import org.jspecify.annotations.NullMarked;
