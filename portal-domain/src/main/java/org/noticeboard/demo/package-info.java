@NullMarked
package org.noticeboard.demo;

import org.jspecify.annotations.NullMarked;
