@NullMarked
package org.noticeboard.post;

import org.jspecify.annotations.NullMarked;
