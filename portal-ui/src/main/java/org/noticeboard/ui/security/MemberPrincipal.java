package org.noticeboard.ui.security;

import org.noticeboard.member.SignedInMember;

/** The signed-in member, whichever way they signed in. */
public interface MemberPrincipal {

    SignedInMember member();

    default long memberId() {
        return member().memberId();
    }

    default long organisationId() {
        return member().organisationId();
    }

    default String displayName() {
        return member().displayName();
    }
}
