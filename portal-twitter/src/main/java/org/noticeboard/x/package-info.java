/** Everything that speaks to X: the OAuth client, the gateway and the X sandbox (see issue 5). */
@NullMarked
package org.noticeboard.x;

import org.jspecify.annotations.NullMarked;
