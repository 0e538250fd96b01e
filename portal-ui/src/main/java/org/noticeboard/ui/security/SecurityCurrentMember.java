package org.noticeboard.ui.security;

import java.util.Optional;
import org.noticeboard.access.CurrentMember;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The domain's caller is the member in the request's security context. */
@Component
class SecurityCurrentMember implements CurrentMember {

    @Override
    public Optional<Long> memberId() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MemberPrincipal member) {
            return Optional.of(member.memberId());
        }
        return Optional.empty();
    }
}
