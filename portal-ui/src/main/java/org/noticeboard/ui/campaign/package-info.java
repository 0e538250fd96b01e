@NullMarked
package org.noticeboard.ui.campaign;

import org.jspecify.annotations.NullMarked;
