package org.noticeboard.stakeholder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.noticeboard.xapi.XUser;

/** What X answered about one handle at one time: the user, or that it knows no such user. */
record XFacts(boolean exists, @Nullable String userId, @Nullable String name, @Nullable Integer followers, Instant at) {

    static XFacts found(XUser user, Instant at) {
        return new XFacts(true, user.id(), user.name(), user.followersCount(), at);
    }

    static XFacts unknown(Instant at) {
        return new XFacts(false, null, null, null, at);
    }

    XFacts withoutUserId() {
        return new XFacts(exists, null, name, followers, at);
    }
}
