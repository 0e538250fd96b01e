@NullMarked
package org.noticeboard.ui.account;

import org.jspecify.annotations.NullMarked;
