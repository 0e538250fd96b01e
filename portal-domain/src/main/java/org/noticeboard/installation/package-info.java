@NullMarked
package org.noticeboard.installation;

import org.jspecify.annotations.NullMarked;
