package org.noticeboard.ui.security;

/** The signed-in member, whichever way they signed in. */
public interface MemberPrincipal {

    long memberId();

    long organisationId();

    String displayName();
}
