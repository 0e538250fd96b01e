/**
 * The {@link org.noticeboard.xapi.XGateway} against X API v2 (or the X sandbox, which answers the
 * same way): twitter4j-v2 where its calls and parsing are faithful, Spring's {@code RestClient}
 * where they are not, one mapping of every failure to an {@link org.noticeboard.xapi.XFailure},
 * and the rate-limit windows kept in PostgreSQL for every portal instance.
 */
@NullMarked
package org.noticeboard.x.gateway;

import org.jspecify.annotations.NullMarked;
