@NullMarked
package org.noticeboard.ui.shell;

import org.jspecify.annotations.NullMarked;
