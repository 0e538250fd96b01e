package org.noticeboard.member;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may become a member by signing in through the identity provider (live mode): anyone it lets in, unless the
 * installation names the e-mail domains its people sign in with ({@code allowedEmailDomains}, e.g. {@code nhs.net})
 * and/or a group of the identity provider they must be in ({@code requiredGroup}). Checked at a first sign-in, before
 * any member is made; a member already known (or added ahead by an organisation admin) is not asked again.
 */
public record SignInPolicy(List<String> allowedEmailDomains, @Nullable String requiredGroup) {

    public SignInPolicy {
        allowedEmailDomains = allowedEmailDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith("@") ? d.substring(1) : d).filter(d -> !d.isEmpty()).distinct().toList();
        requiredGroup = requiredGroup == null || requiredGroup.isBlank() ? null : requiredGroup.strip();
    }

    /** Anyone the identity provider lets in may become a member (with no role until an admin grants one). */
    public static SignInPolicy open() {
        return new SignInPolicy(List.of(), null);
    }

    /** Why this person may not become a member, in words for them; empty when they may. */
    public Optional<String> refusal(@Nullable String email, boolean emailVerified, Collection<String> groups) {
        if (!allowedEmailDomains.isEmpty()) {
            String domains = String.join(", ", allowedEmailDomains);
            if (email == null || !emailVerified) {
                return Optional.of("Noticeboard is open to people signing in with a verified e-mail address at " + domains
                        + ", and your sign-in did not give one. Ask your organisation's IT service desk.");
            }
            int at = email.lastIndexOf('@');
            String domain = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
            if (!allowedEmailDomains.contains(domain)) {
                return Optional.of("Noticeboard is open to e-mail addresses at " + domains + " only; you signed in as "
                        + email + ". Sign in with your work account, or ask your organisation admin.");
            }
        }
        if (requiredGroup != null && !groups.contains(requiredGroup)) {
            return Optional.of("Noticeboard is open to members of the group \"" + requiredGroup + "\" only, and your "
                    + "organisation's sign-in does not list you in it. Ask your IT service desk to add you.");
        }
        return Optional.empty();
    }
}
