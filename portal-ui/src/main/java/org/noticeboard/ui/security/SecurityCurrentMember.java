package org.noticeboard.ui.security;

import java.util.Optional;
import org.noticeboard.access.CurrentMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The domain's caller is the member in the request's security context, read through this
 * application's own holder strategy (Vaadin's, which also finds the member of a Vaadin session):
 * the static {@link SecurityContextHolder} holds whichever strategy the last application started in
 * the JVM installed, and with two portals in one JVM (the browser journeys' contexts) a plain request
 * to the first, such as "Connect to X", was read as no one's.
 */
@Component
class SecurityCurrentMember implements CurrentMember {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SecurityCurrentMember(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    @Override
    public Optional<Long> memberId() {
        var holder = strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        var authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MemberPrincipal member) {
            return Optional.of(member.memberId());
        }
        return Optional.empty();
    }
}
