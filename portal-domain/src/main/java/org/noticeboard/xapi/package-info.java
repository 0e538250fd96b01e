/**
 * What the domain needs from X, as the domain sees it: {@link org.noticeboard.xapi.XGateway} is
 * implemented in portal-twitter (against X, or against the X sandbox in demo and training mode).
 * Every failure is an {@link org.noticeboard.xapi.XException} whose {@link org.noticeboard.xapi.XFailure}
 * says what the caller may do next.
 */
@NullMarked
package org.noticeboard.xapi;

import org.jspecify.annotations.NullMarked;
