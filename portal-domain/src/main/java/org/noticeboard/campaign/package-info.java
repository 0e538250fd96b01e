@NullMarked
package org.noticeboard.campaign;

import org.jspecify.annotations.NullMarked;
