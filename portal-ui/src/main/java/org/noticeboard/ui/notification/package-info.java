@NullMarked
package org.noticeboard.ui.notification;

import org.jspecify.annotations.NullMarked;
