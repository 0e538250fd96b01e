@NullMarked
package org.noticeboard.member;

import org.jspecify.annotations.NullMarked;
