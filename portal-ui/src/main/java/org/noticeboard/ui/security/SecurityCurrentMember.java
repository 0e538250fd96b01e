package org.noticeboard.ui.security;

import java.util.Optional;
import org.noticeboard.access.CurrentMember;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The domain's caller is the member in the request's security context, read through this
 * application's own holder strategy (Vaadin's, which also finds the member of a Vaadin session):
 * the static {@link SecurityContextHolder} holds whichever strategy the last application started in
 * the JVM installed, and with two portals in one JVM (the browser journeys' contexts) a plain request
 * to the first, such as "Connect to X", was read as no one's. The static holder is still read when
 * the application's own holds no one: Karibu's view tests sign in through it.
 */
@Component
class SecurityCurrentMember implements CurrentMember {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SecurityCurrentMember(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    @Override
    public Optional<Long> memberId() {
        // in a deployed portal the two are one and the same; each is held per request thread
        var own = strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        return member(own.getContext().getAuthentication())
                .or(() -> member(SecurityContextHolder.getContext().getAuthentication()));
    }

    private static Optional<Long> member(@Nullable Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof MemberPrincipal member) {
            return Optional.of(member.memberId());
        }
        return Optional.empty();
    }
}
