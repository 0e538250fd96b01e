@NullMarked
package org.noticeboard.account;

import org.jspecify.annotations.NullMarked;
