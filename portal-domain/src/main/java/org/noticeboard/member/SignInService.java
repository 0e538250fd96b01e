package org.noticeboard.member;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.organisation.Tenants;
import org.noticeboard.shared.Names;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a successful authentication into a member: by demo sign-in name, or by the identity
 * provider's issuer and subject (a first sign-in creates the member with no roles, or joins a
 * member an admin added with the same verified e-mail address).
 */
@Service
public class SignInService {

    private final MemberRepository members;
    private final Tenants tenants;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public SignInService(MemberRepository members, Tenants tenants, Access access, AuditTrail audit, Clock clock) {
        this.members = members;
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member with this demo sign-in name, if there is one and they are active. */
    @Transactional(readOnly = true)
    public Optional<SignedInMember> findDemoMember(String username) {
        return members.findIdByUsername(username.strip()).flatMap(this::load);
    }

    @Transactional
    public SignedInMember recordDemoSignIn(long memberId) {
        SignedInMember member = load(memberId).orElseThrow(SignInService::inactive);
        members.touchSignIn(memberId, clock.instant().atOffset(ZoneOffset.UTC));
        return member;
    }

    /**
     * The member the identity provider names; at a first sign-in made a member (with no role) only if the
     * installation's {@link SignInPolicy} lets them in ({@code groups}: the groups the identity provider lists
     * them in). A refused person is told why, and no member is made.
     */
    @Transactional
    public SignedInMember identityProviderSignIn(String organisationSlug, String issuer, String subject,
            @Nullable String name, @Nullable String email, boolean emailVerified, java.util.Collection<String> groups,
            SignInPolicy policy) {
        long organisationId = tenants.findBySlug(organisationSlug)
                .orElseThrow(() -> new IllegalStateException("No organisation \"" + organisationSlug
                        + "\" for sign-in: set noticeboard.oidc.organisation to an existing organisation"))
                .id();
        Long memberId = members.findIdBySubject(issuer, subject).orElse(null);
        if (memberId != null && !members.organisationOf(memberId).orElseThrow().equals(organisationId)) {
            throw new NotPermittedException("other_organisation", "This identity belongs to another organisation.");
        }
        if (memberId == null && email != null && emailVerified) {
            memberId = members.findUnlinkedIdByEmail(organisationId, email).orElse(null);
            if (memberId != null) {
                long linked = memberId;
                members.linkSubject(linked, issuer, subject);
                access.asSystem(organisationId, "Sign-in", () -> {
                    audit.record(access.actor(), "member.identity_linked", "member", linked,
                            "Member with e-mail " + email + " signed in for the first time", null,
                            Map.of("issuer", issuer, "subject", subject));
                    return null;
                });
            }
        }
        if (memberId == null) {
            var refusal = policy.refusal(email, emailVerified, groups);
            if (refusal.isPresent()) {
                throw new NotPermittedException("sign_in_refused", refusal.get());
            }
            String displayName = Names.optional(name) != null ? Names.required(name, "name", "Name", 120)
                    : Names.optional(email) != null ? email : "New member " + subject;
            String cleanEmail = email != null && emailVerified && !members.emailTaken(organisationId, email, null) ? email : null;
            long created = members.insert(organisationId, displayName, cleanEmail, null, null, issuer, subject);
            memberId = created;
            access.asSystem(organisationId, "Sign-in", () -> {
                audit.record(access.actor(), "member.created", "member", created,
                        "\"" + displayName + "\" signed in for the first time (no roles yet)", null,
                        Map.of("name", displayName, "issuer", issuer, "subject", subject));
                return null;
            });
        }
        members.touchSignIn(memberId, clock.instant().atOffset(ZoneOffset.UTC));
        return load(memberId).orElseThrow(SignInService::inactive);
    }

    /**
     * Records a completed sign-in in the member's organisation ({@code how}: "the sign-in form", "OpenID
     * Connect"; {@code source}: the address the request came from), and the time of it.
     */
    @Transactional
    public void signedIn(long memberId, String how, @Nullable String source) {
        SignedInMember member = load(memberId).orElseThrow(SignInService::inactive);
        members.touchSignIn(memberId, clock.instant().atOffset(ZoneOffset.UTC));
        access.asMember(memberId, () -> {
            audit.record(access.actor(), "member.signed-in", "member", memberId, member.displayName() + " signed in with "
                    + how + from(source), null, sourceState(source, how));
            return null;
        });
    }

    @Transactional
    public void signedOut(long memberId, @Nullable String source) {
        if (members.organisationOf(memberId).isEmpty()) {
            return;
        }
        access.asMember(memberId, () -> {
            audit.record(access.actor(), "member.signed-out", "member", memberId, access.actor().displayName()
                    + " signed out" + from(source), null, sourceState(source, null));
            return null;
        });
    }

    /**
     * Records a refused sign-in. A name that belongs to a member goes to that member's organisation's trail;
     * a name nobody has goes to the organisation whose members sign in here ({@code organisationSlug}, live
     * mode's one organisation) if there is one, else it belongs to no organisation and is counted for the
     * installation's operators (table {@code unattributed_sign_in_failure}, one row per day, name and address). {@code reason} is the refusal in words, never the
     * password tried.
     */
    @Transactional
    public void signInFailed(@Nullable String username, @Nullable String organisationSlug, @Nullable String source,
            String reason) {
        String name = username == null || username.isBlank() ? "" : username.strip();
        name = name.length() > 100 ? name.substring(0, 100) : name;
        Long memberId = name.isEmpty() ? null : members.findIdByUsername(name).orElse(null);
        Long organisationId = memberId != null ? members.organisationOf(memberId).orElse(null)
                : organisationSlug == null ? null : tenants.findBySlug(organisationSlug).map(o -> o.id()).orElse(null);
        if (organisationId == null) {
            members.countUnattributedSignInFailure(name, source == null ? "unknown" : source,
                    clock.instant().atOffset(ZoneOffset.UTC));
            return;
        }
        String tried = name;
        var after = sourceState(source, null);
        after.put("username", tried.isEmpty() ? null : tried);
        after.put("reason", reason);
        access.asSystem(organisationId, "Sign-in", () -> {
            audit.record(access.actor(), "member.sign-in-failed", "member", memberId == null ? "unknown" : memberId,
                    "Sign-in refused" + (tried.isEmpty() ? "" : " for \"" + tried + "\"") + from(source) + ": " + reason,
                    null, after);
            return null;
        });
    }

    private static String from(@Nullable String source) {
        return source == null || source.isBlank() ? "" : " from " + source;
    }

    private static Map<String, @Nullable String> sourceState(@Nullable String source, @Nullable String how) {
        var state = new java.util.LinkedHashMap<String, @Nullable String>();
        state.put("source", source);
        if (how != null) {
            state.put("method", how);
        }
        return state;
    }

    private Optional<SignedInMember> load(long memberId) {
        long organisationId = members.organisationOf(memberId).orElse(-1L);
        return members.find(organisationId, memberId)
                .filter(Member::active)
                .map(m -> {
                    var roles = EnumSet.noneOf(Role.class);
                    // the roles the pages are guarded by are the ones the domain honours
                    m.grants().stream().filter(org.noticeboard.access.Grant::confersRole).forEach(g -> roles.add(g.role()));
                    return new SignedInMember(m.id(), organisationId, m.displayName(), roles);
                });
    }

    private static NotPermittedException inactive() {
        return new NotPermittedException("member_inactive",
                "Your membership is not active. Ask your organisation admin to restore it.");
    }
}
