package org.noticeboard.access;

import java.util.Optional;

/**
 * Tells the domain which member is making the current request. The application implements it
 * from its security context; the domain then loads that member's organisation and grants
 * fresh from the database on every call, so a revoked role stops working at once.
 */
public interface CurrentMember {

    Optional<Long> memberId();
}
