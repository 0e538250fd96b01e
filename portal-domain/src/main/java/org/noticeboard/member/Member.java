package org.noticeboard.member;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Grant;

public record Member(
        long id,
        String displayName,
        @Nullable String email,
        @Nullable Long departmentId,
        @Nullable String departmentName,
        @Nullable String username,
        boolean signsInWithIdentityProvider,
        boolean active,
        @Nullable Instant lastSignInAt,
        List<Grant> grants,
        int version) {

    public Member {
        grants = List.copyOf(grants);
    }
}
