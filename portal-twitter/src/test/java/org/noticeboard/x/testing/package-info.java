/** A portal without its UI, for tests of the X integration: the domain, the X beans, and sign-in by HTTP Basic. */
@NullMarked
package org.noticeboard.x.testing;

import org.jspecify.annotations.NullMarked;
