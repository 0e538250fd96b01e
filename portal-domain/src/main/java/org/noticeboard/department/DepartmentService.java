package org.noticeboard.department;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments of the caller's organisation: any member reads them, organisation admins change them. */
@Service
public class DepartmentService {

    static final int MAX_NAME = 120;

    private final DepartmentRepository departments;
    private final Access access;
    private final AuditTrail audit;

    public DepartmentService(DepartmentRepository departments, Access access, AuditTrail audit) {
        this.departments = departments;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Department> list() {
        return departments.findAll(access.actor().organisationId());
    }

    @Transactional(readOnly = true)
    public Department get(long id) {
        return departments.find(access.actor().organisationId(), id).orElseThrow(() -> new NotFoundException("Department", id));
    }

    @Transactional
    public Department create(String name) {
        Actor actor = access.require(Role.ORG_ADMIN);
        String clean = Names.required(name, "name", "The department's name", MAX_NAME);
        refuseDuplicate(actor, clean, null);
        long id = departments.insert(actor.organisationId(), clean);
        audit.record(actor, "department.created", "department", id, "Department \"" + clean + "\" created", null,
                Map.of("name", clean));
        return departments.find(actor.organisationId(), id).orElseThrow();
    }

    @Transactional
    public Department rename(long id, String name, int version) {
        Actor actor = access.require(Role.ORG_ADMIN);
        Department current = departments.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Department", id));
        String clean = Names.required(name, "name", "The department's name", MAX_NAME);
        refuseDuplicate(actor, clean, id);
        if (!departments.rename(actor.organisationId(), id, clean, version)) {
            throw ConflictException.changedMeanwhile("Department \"" + current.name() + "\"");
        }
        audit.record(actor, "department.renamed", "department", id,
                "Department \"" + current.name() + "\" renamed to \"" + clean + "\"",
                Map.of("name", current.name()), Map.of("name", clean));
        return departments.find(actor.organisationId(), id).orElseThrow();
    }

    /** Only an empty department can go: its members, accounts and role grants would lose their place. */
    @Transactional
    public void delete(long id, int version) {
        Actor actor = access.require(Role.ORG_ADMIN);
        Department current = departments.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("Department", id));
        int grants = departments.grantsIn(id);
        if (current.members() > 0 || current.accounts() > 0 || grants > 0) {
            throw new ConflictException("department_in_use", "Department \"" + current.name() + "\" still has "
                    + current.members() + " member(s) (approvers among them), " + current.accounts() + " official account(s) and "
                    + grants + " role grant(s). Move or remove them first.");
        }
        var workflows = departments.workflowsNaming(actor.organisationId(), id);
        if (!workflows.isEmpty()) {
            throw new ConflictException("department_in_workflow", "The approval workflow of " + String.join(", ", workflows)
                    + " names the approvers of \"" + current.name() + "\". Change that workflow first.");
        }
        if (!departments.delete(actor.organisationId(), id, version)) {
            throw ConflictException.changedMeanwhile("Department \"" + current.name() + "\"");
        }
        audit.record(actor, "department.deleted", "department", id, "Department \"" + current.name() + "\" deleted",
                Map.of("name", current.name()), null);
    }

    private void refuseDuplicate(Actor actor, String name, @Nullable Long exceptId) {
        departments.findByName(actor.organisationId(), name)
                .filter(existing -> exceptId == null || existing.id() != exceptId)
                .ifPresent(existing -> {
                    throw new ConflictException("duplicate", "A department called \"" + existing.name() + "\" already exists.");
                });
    }
}
