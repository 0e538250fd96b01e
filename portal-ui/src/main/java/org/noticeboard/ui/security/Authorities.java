package org.noticeboard.ui.security;

import java.util.Collection;
import java.util.List;
import org.noticeboard.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Roles as Spring Security authorities, for route annotations and menus. They are fixed at
 * sign-in; the domain services read a member's grants afresh on every call.
 */
final class Authorities {

    private Authorities() {}

    static List<GrantedAuthority> of(Collection<Role> roles) {
        return roles.stream().sorted().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
