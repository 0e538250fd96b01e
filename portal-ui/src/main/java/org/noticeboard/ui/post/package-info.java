@NullMarked
package org.noticeboard.ui.post;

import org.jspecify.annotations.NullMarked;
