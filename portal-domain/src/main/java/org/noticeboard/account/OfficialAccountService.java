package org.noticeboard.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.notification.NotificationService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's official X accounts. Every member may see them; an account admin (across
 * the organisation, or of the owning department) registers and changes them.
 */
@Service
public class OfficialAccountService {

    private final OfficialAccountRepository accounts;
    private final DepartmentService departments;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    private final NotificationService notifications;

    public OfficialAccountService(OfficialAccountRepository accounts, DepartmentService departments, Access access,
            AuditTrail audit, Clock clock, NotificationService notifications) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.departments = departments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<OfficialAccount> list() {
        return accounts.findAll(access.actor().organisationId());
    }

    @Transactional(readOnly = true)
    public OfficialAccount get(long id) {
        return find(access.actor(), id);
    }

    @Transactional
    public OfficialAccount register(@Nullable String handle, @Nullable String displayName, @Nullable Long departmentId) {
        Actor actor = access.requireFor(departmentId, Role.ACCOUNT_ADMIN);
        XHandle cleanHandle = XHandle.parse(handle, "handle");
        String name = Names.required(displayName == null || displayName.isBlank() ? cleanHandle.value() : displayName,
                "displayName", "The account's name", 100);
        Department department = departmentId == null ? null : departments.get(departmentId);
        refuseDuplicate(actor, cleanHandle, null);
        long id = accounts.insert(actor.organisationId(), cleanHandle, name, departmentId);
        audit.record(actor, "account.registered", "official_account", id,
                "Official account " + cleanHandle + " registered", null,
                state(cleanHandle, name, department == null ? null : department.name()));
        return find(actor, id);
    }

    @Transactional
    public OfficialAccount update(long id, @Nullable String handle, @Nullable String displayName,
            @Nullable Long departmentId, int version) {
        Actor actor = access.actor();
        OfficialAccount current = find(actor, id);
        // both the department it leaves and the one it joins must be the caller's to manage
        access.requireFor(current.departmentId(), Role.ACCOUNT_ADMIN);
        access.requireFor(departmentId, Role.ACCOUNT_ADMIN);
        XHandle cleanHandle = XHandle.parse(handle, "handle");
        String name = Names.required(displayName, "displayName", "The account's name", 100);
        Department department = departmentId == null ? null : departments.get(departmentId);
        if (!cleanHandle.value().equalsIgnoreCase(current.handle().value())
                && current.connectionState() != ConnectionState.NOT_CONNECTED) {
            throw new DomainException("connected", "Disconnect " + current.handle()
                    + " from X before changing its handle: the connection belongs to the X user it was made with.");
        }
        refuseDuplicate(actor, cleanHandle, id);
        if (!accounts.update(actor.organisationId(), id, cleanHandle, name, departmentId, version)) {
            throw ConflictException.changedMeanwhile("Official account " + current.handle());
        }
        audit.record(actor, "account.updated", "official_account", id, "Official account " + cleanHandle + " updated",
                state(current.handle(), current.displayName(), current.departmentName()),
                state(cleanHandle, name, department == null ? null : department.name()));
        return find(actor, id);
    }

    @Transactional
    public void remove(long id, int version) {
        Actor actor = access.actor();
        OfficialAccount current = find(actor, id);
        access.requireFor(current.departmentId(), Role.ACCOUNT_ADMIN);
        if (current.connectionState() != ConnectionState.NOT_CONNECTED) {
            throw new DomainException("connected", "Disconnect " + current.handle() + " from X before removing it.");
        }
        if (!accounts.delete(actor.organisationId(), id, version)) {
            throw ConflictException.changedMeanwhile("Official account " + current.handle());
        }
        audit.record(actor, "account.removed", "official_account", id, "Official account " + current.handle() + " removed",
                state(current.handle(), current.displayName(), current.departmentName()), null);
    }

    /**
     * Checks that the caller may connect (or disconnect) this account to X, before they are sent to
     * X's consent page; returns the account.
     */
    @Transactional(readOnly = true)
    public OfficialAccount requireConnectable(long id) {
        Actor actor = access.actor();
        OfficialAccount account = find(actor, id);
        access.requireFor(account.departmentId(), Role.ACCOUNT_ADMIN);
        return account;
    }

    /**
     * Records that X authorised the portal to act as this X user for the account. The X user must be
     * the account's handle: an admin signed in to X as someone else would otherwise connect the
     * wrong account. The caller stores the tokens in the same transaction.
     */
    @Transactional
    public OfficialAccount connect(long id, String xUserId, String username, String name) {
        Actor actor = access.actor();
        OfficialAccount current = find(actor, id);
        access.requireFor(current.departmentId(), Role.ACCOUNT_ADMIN);
        if (!username.equalsIgnoreCase(current.handle().value())) {
            throw new DomainException("wrong-x-user", "You authorised X as @" + username + ", but this account is "
                    + current.handle() + ". Nothing was connected. On X, sign out of @" + username + " (or choose "
                    + current.handle() + " on the consent page) and connect again.");
        }
        accounts.connectedElsewhere(actor.organisationId(), id, xUserId).ifPresent(other -> {
            throw new ConflictException("x-user-taken", "@" + username + " is already connected as " + other
                    + ". Disconnect it there first.");
        });
        accounts.connect(actor.organisationId(), id, xUserId, username, name, clock.instant());
        audit.record(actor, "account.connected", "official_account", id, "Official account " + current.handle()
                        + " connected to X user @" + username + " (" + xUserId + ")",
                Map.of("connection", current.connectionState().name()),
                Map.of("connection", ConnectionState.CONNECTED.name(), "xUserId", xUserId, "xUsername", username));
        return find(actor, id);
    }

    /** Forgets the account's X tokens; posts cannot be published to it until it is connected again. */
    @Transactional
    public OfficialAccount disconnect(long id) {
        Actor actor = access.actor();
        OfficialAccount current = find(actor, id);
        access.requireFor(current.departmentId(), Role.ACCOUNT_ADMIN);
        if (current.connectionState() == ConnectionState.NOT_CONNECTED) {
            return current;
        }
        accounts.disconnect(actor.organisationId(), id);
        var before = new LinkedHashMap<String, @Nullable String>();
        before.put("connection", current.connectionState().name());
        before.put("xUsername", current.connection() == null ? null : current.connection().username());
        audit.record(actor, "account.disconnected", "official_account", id,
                "Official account " + current.handle() + " disconnected from X", before,
                Map.of("connection", ConnectionState.NOT_CONNECTED.name()));
        return find(actor, id);
    }

    /**
     * X no longer accepts the account's tokens (a refresh answered {@code invalid_grant}, or X said
     * 401): the account needs reconnecting by an account admin. Called by the system, not a member.
     */
    @Transactional
    public void markNeedsReconnect(long id, String problem) {
        Long organisationId = accounts.organisationOf(id).orElse(null);
        if (organisationId == null || !accounts.needsReconnect(id, problem)) {
            return;
        }
        access.asSystem(organisationId, "Noticeboard (X connection)", () -> {
            audit.record(access.actor(), "account.needs-reconnect", "official_account", id,
                    "X stopped accepting the account's tokens: " + problem,
                    Map.of("connection", ConnectionState.CONNECTED.name()),
                    Map.of("connection", ConnectionState.NEEDS_RECONNECT.name(), "problem", problem));
            var account = find(access.actor(), id);
            notifications.tell(organisationId, accounts.accountAdmins(organisationId, account.departmentId()), null,
                    account.handle() + " needs reconnecting to X: " + problem + ". Until then nothing is published to it: "
                            + "open Official accounts and choose Reconnect.", null);
            return null;
        });
    }

    /**
     * Callback of the X token store, in the transaction that saved the renewed tokens: records that X
     * renewed the account's access token (never the token; only when the new one expires).
     */
    @Transactional
    public void tokenRefreshed(long id, java.time.@Nullable Instant expiresAt) {
        Long organisationId = accounts.organisationOf(id).orElse(null);
        if (organisationId == null) {
            return;
        }
        access.asSystem(organisationId, "Noticeboard (X connection)", () -> {
            var account = find(access.actor(), id);
            var after = new java.util.LinkedHashMap<String, @Nullable String>();
            after.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
            audit.record(access.actor(), "account.token-refreshed", "official_account", id, "X renewed the access token of "
                    + account.handle() + (expiresAt == null ? "" : "; the new one expires at " + expiresAt), null, after);
            return null;
        });
    }

    private OfficialAccount find(Actor actor, long id) {
        return accounts.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Official account", id));
    }

    private void refuseDuplicate(Actor actor, XHandle handle, @Nullable Long exceptId) {
        accounts.findByHandle(actor.organisationId(), handle)
                .filter(existing -> !Objects.equals(existing.id(), exceptId))
                .ifPresent(existing -> {
                    throw new ConflictException("duplicate", existing.handle() + " is already registered as \""
                            + existing.displayName() + "\".");
                });
    }

    private static Map<String, @Nullable String> state(XHandle handle, String name, @Nullable String department) {
        var state = new LinkedHashMap<String, @Nullable String>();
        state.put("handle", handle.toString());
        state.put("name", name);
        state.put("department", department);
        return state;
    }
}
