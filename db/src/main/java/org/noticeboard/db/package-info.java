@NullMarked
package org.noticeboard.db;

import org.jspecify.annotations.NullMarked;
