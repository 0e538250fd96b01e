/**
 * What an operator watches: the publishing outcomes and delays, the posts waiting to go, X's
 * rate-limit windows, list syncs, mention polling and the audit trail's integrity checks as
 * Micrometer meters, and the background scheduler's health for the readiness probe. Figures are
 * read from the database the instances share, so every instance reports the same ones.
 */
@NullMarked
package org.noticeboard.x.monitoring;

import org.jspecify.annotations.NullMarked;
