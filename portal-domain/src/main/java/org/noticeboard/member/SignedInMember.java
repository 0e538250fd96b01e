package org.noticeboard.member;

import java.util.Set;
import org.noticeboard.access.Role;

/** What the security layer needs about a member who has just signed in. */
public record SignedInMember(long memberId, long organisationId, String displayName, Set<Role> roles)
        implements java.io.Serializable {

    public SignedInMember {
        roles = Set.copyOf(roles);
    }
}
