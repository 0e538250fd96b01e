@NullMarked
package org.noticeboard.ui.security;

import org.jspecify.annotations.NullMarked;
