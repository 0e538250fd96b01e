package org.noticeboard.installation;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.member.Member;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Organisation;
import org.noticeboard.organisation.Tenants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up a live installation from its configuration: the organisation whose members sign
 * in, and its first organisation admin, who is joined to their identity-provider account when
 * they first sign in with that (verified) e-mail address. Run at start-up, never by a member.
 * The first admin is seeded once, into an organisation that has never had an organisation admin:
 * at every later start the setting changes nothing, so an admin whose role was taken away (or whose
 * address was changed) is not made admin again by a restart.
 */
@Component
public class Installation {

    private final Tenants tenants;
    private final Access access;
    private final MemberService members;

    public Installation(Tenants tenants, Access access, MemberService members) {
        this.tenants = tenants;
        this.access = access;
        this.members = members;
    }

    /** Creates what is missing, leaves what exists; true when something was created. */
    @Transactional
    public boolean ensureOrganisation(String slug, String name, @Nullable String firstAdminEmail) {
        boolean created = false;
        Organisation organisation = tenants.findBySlug(slug).orElse(null);
        if (organisation == null) {
            organisation = tenants.create(slug, name);
            created = true;
        }
        if (firstAdminEmail == null || firstAdminEmail.isBlank()) {
            return created;
        }
        String email = firstAdminEmail.strip();
        return access.asSystem(organisation.id(), "Installation set-up", () -> {
            if (members.organisationAdminEverGranted()) {
                return false;
            }
            // a member who signed in before the setting was made keeps their row, and becomes the first admin
            Member admin = members.list().stream()
                    .filter(m -> m.email() != null && m.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseGet(() -> members.create(email, email, null));
            members.grant(admin.id(), Role.ORG_ADMIN, null);
            return true;
        }) || created;
    }
}
