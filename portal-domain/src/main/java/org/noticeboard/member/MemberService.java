package org.noticeboard.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Grant;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the caller's organisation and their role grants: organisation admins manage them. */
@Service
public class MemberService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MemberRepository members;
    private final DepartmentService departments;
    private final Access access;
    private final AuditTrail audit;

    public MemberService(MemberRepository members, DepartmentService departments, Access access, AuditTrail audit) {
        this.members = members;
        this.departments = departments;
        this.access = access;
        this.audit = audit;
    }

    /** The caller's own membership. */
    @Transactional(readOnly = true)
    public Member me() {
        Actor actor = access.actor();
        if (actor.memberId() == null) {
            throw new NotFoundException("Member", "system");
        }
        return members.find(actor.organisationId(), actor.memberId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Member> list() {
        return members.findAll(access.require(Role.ORG_ADMIN).organisationId());
    }

    @Transactional(readOnly = true)
    public Member get(long id) {
        Actor actor = access.require(Role.ORG_ADMIN);
        return find(actor, id);
    }

    /**
     * Adds a member ahead of their first sign-in; when they sign in through the identity
     * provider with this (verified) e-mail address, the two are joined.
     */
    @Transactional
    public Member create(String displayName, @Nullable String email, @Nullable Long departmentId) {
        return create(displayName, email, departmentId, null);
    }

    /**
     * As {@link #create(String, String, Long)}, with a sign-in name for demo and training mode,
     * where members sign in with a form instead of the identity provider.
     */
    @Transactional
    public Member create(String displayName, @Nullable String email, @Nullable Long departmentId,
            @Nullable String demoUsername) {
        Actor actor = access.require(Role.ORG_ADMIN);
        String name = Names.required(displayName, "displayName", "The member's name", 120);
        String cleanEmail = email(actor, email, null);
        String username = Names.optional(demoUsername);
        if (username != null && !username.matches("[A-Za-z0-9._-]{2,40}")) {
            throw new InvalidInputException("malformed_username", "username",
                    "A sign-in name is 2 to 40 letters, digits, dots, hyphens or underscores.");
        }
        if (username != null && members.usernameTaken(username)) {
            throw new ConflictException("duplicate", "The sign-in name \"" + username + "\" is taken.");
        }
        Department department = departmentId == null ? null : departments.get(departmentId);
        long id = members.insert(actor.organisationId(), name, cleanEmail, departmentId, username, null, null);
        audit.record(actor, "member.created", "member", id, "Member \"" + name + "\" added", null,
                state(name, cleanEmail, department, true));
        return find(actor, id);
    }

    @Transactional
    public Member update(long id, String displayName, @Nullable String email, @Nullable Long departmentId, int version) {
        Actor actor = access.require(Role.ORG_ADMIN);
        Member current = find(actor, id);
        String name = Names.required(displayName, "displayName", "The member's name", 120);
        String cleanEmail = email(actor, email, id);
        Department department = departmentId == null ? null : departments.get(departmentId);
        if (!members.update(actor.organisationId(), id, name, cleanEmail, departmentId, version)) {
            throw ConflictException.changedMeanwhile("Member \"" + current.displayName() + "\"");
        }
        audit.record(actor, "member.updated", "member", id, "Member \"" + name + "\" updated",
                state(current.displayName(), current.email(), current.departmentName(), current.active()),
                state(name, cleanEmail, department, current.active()));
        return find(actor, id);
    }

    /** A deactivated member cannot sign in or act; their history stays. */
    @Transactional
    public Member setActive(long id, boolean active, int version) {
        Actor actor = access.require(Role.ORG_ADMIN);
        Member current = find(actor, id);
        if (current.active() == active) {
            return current;
        }
        if (!active && Long.valueOf(id).equals(actor.memberId())) {
            throw new DomainException("self_deactivation", "You cannot deactivate yourself.");
        }
        if (!active && holdsOrganisationAdmin(current)) {
            refuseIfLastAdmin(actor, current.displayName());
        }
        if (!members.setActive(actor.organisationId(), id, active, version)) {
            throw ConflictException.changedMeanwhile("Member \"" + current.displayName() + "\"");
        }
        audit.record(actor, active ? "member.reactivated" : "member.deactivated", "member", id,
                "Member \"" + current.displayName() + "\" " + (active ? "reactivated" : "deactivated"),
                Map.of("active", String.valueOf(!active)), Map.of("active", String.valueOf(active)));
        return find(actor, id);
    }

    /**
     * Grants a role across the organisation ({@code departmentId} null) or within one department; organisation
     * admin and auditor only across the organisation ({@link Role#organisationWideOnly()}).
     */
    @Transactional
    public Member grant(long memberId, @Nullable Role role, @Nullable Long departmentId) {
        Actor actor = access.require(Role.ORG_ADMIN);
        if (role == null) {
            throw new InvalidInputException("role_required", "role", "Choose the role to grant.");
        }
        Member member = find(actor, memberId);
        if (departmentId != null && role.organisationWideOnly()) {
            throw new InvalidInputException("organisation_wide_role", "departmentId", "The " + role.label()
                    + " role applies to the whole organisation; grant it without a department.");
        }
        Department department = departmentId == null ? null : departments.get(departmentId);
        String scope = department == null ? "the whole organisation" : department.name();
        if (members.grantExists(memberId, role, departmentId)) {
            throw new ConflictException("duplicate",
                    member.displayName() + " already holds " + role.label() + " for " + scope + ".");
        }
        long grantId = members.insertGrant(actor.organisationId(), memberId, role, departmentId, actor.memberId());
        audit.record(actor, "role.granted", "member", memberId,
                role.label() + " granted to \"" + member.displayName() + "\" for " + scope, null,
                grantState(grantId, role, scope));
        return find(actor, memberId);
    }

    @Transactional
    public Member revoke(long grantId) {
        Actor actor = access.require(Role.ORG_ADMIN);
        var found = members.findGrant(actor.organisationId(), grantId)
                .orElseThrow(() -> new NotFoundException("Role grant", grantId));
        long memberId = found.getKey();
        Grant grant = found.getValue();
        Member member = find(actor, memberId);
        if (grant.role() == Role.ORG_ADMIN && grant.organisationWide() && member.active()) {
            refuseIfLastAdmin(actor, member.displayName());
        }
        members.deleteGrant(grantId);
        String scope = grant.organisationWide() ? "the whole organisation" : grant.departmentName();
        audit.record(actor, "role.revoked", "member", memberId,
                grant.role().label() + " revoked from \"" + member.displayName() + "\" for " + scope,
                grantState(grantId, grant.role(), scope), null);
        return find(actor, memberId);
    }

    /**
     * Whether the organisation has ever had an organisation admin (one holds the role now, or the audit trail
     * records a grant of it): the installation seeds its first admin only into an organisation that never had one.
     */
    @Transactional(readOnly = true)
    public boolean organisationAdminEverGranted() {
        return members.organisationAdminEverGranted(access.require(Role.ORG_ADMIN).organisationId());
    }

    private Member find(Actor actor, long id) {
        return members.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Member", id));
    }

    private @Nullable String email(Actor actor, @Nullable String email, @Nullable Long exceptId) {
        String clean = Names.optional(email);
        if (clean == null) {
            return null;
        }
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            throw new InvalidInputException("malformed_email", "email",
                    "\"" + clean + "\" is not an e-mail address (expected name@example.nhs.uk).");
        }
        if (members.emailTaken(actor.organisationId(), clean, exceptId)) {
            throw new ConflictException("duplicate", "Another member already uses " + clean + ".");
        }
        return clean;
    }

    private static boolean holdsOrganisationAdmin(Member member) {
        return member.grants().stream().anyMatch(g -> g.role() == Role.ORG_ADMIN && g.organisationWide());
    }

    private void refuseIfLastAdmin(Actor actor, String name) {
        if (members.countActiveOrganisationAdmins(actor.organisationId()) <= 1) {
            throw new DomainException("last_admin", name
                    + " is the organisation's only active organisation admin; grant the role to someone else first.");
        }
    }

    private static Map<String, @Nullable String> state(String name, @Nullable String email, @Nullable Object department,
            boolean active) {
        var state = new LinkedHashMap<String, @Nullable String>();
        state.put("name", name);
        state.put("email", email);
        state.put("department", department instanceof Department d ? d.name() : (String) department);
        state.put("active", String.valueOf(active));
        return state;
    }

    private static Map<String, String> grantState(long grantId, Role role, @Nullable String scope) {
        return Map.of("grant", String.valueOf(grantId), "role", role.name(), "scope", scope == null ? "" : scope);
    }
}
