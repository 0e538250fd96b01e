@NullMarked
package org.noticeboard.ui.member;

import org.jspecify.annotations.NullMarked;
