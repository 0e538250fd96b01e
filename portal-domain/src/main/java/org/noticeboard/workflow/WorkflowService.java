package org.noticeboard.workflow;

import static org.noticeboard.db.jooq.Tables.APPROVAL_WORKFLOW;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.ApprovalWorkflowRecord;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval workflows, one versioned list of steps per official account. Any member may read
 * them; the account's account admins change them; posts keep the version they were submitted under.
 */
@Service
public class WorkflowService {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;
    private final OfficialAccountService accounts;
    private final DepartmentService departments;

    public WorkflowService(DSLContext db, Access access, AuditTrail audit, OfficialAccountService accounts,
            DepartmentService departments) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.accounts = accounts;
        this.departments = departments;
    }

    /** The version in force; an account's first read stores the standard one-step workflow as version 1. */
    @Transactional
    public Workflow current(long accountId) {
        Actor actor = access.requireAnyRole();
        OfficialAccount account = accounts.get(accountId);
        ApprovalWorkflowRecord latest = latest(accountId);
        if (latest == null) {
            insert(actor, account, 1, WorkflowDefinition.standard());
            audit.record(actor, "workflow.saved", "official_account", accountId,
                    "Workflow version 1 (one step: any approver) in force for " + account.handle(), null,
                    describe(WorkflowDefinition.standard()));
            latest = java.util.Objects.requireNonNull(latest(accountId));
        }
        return toWorkflow(latest);
    }

    @Transactional(readOnly = true)
    public Workflow version(long accountId, int version) {
        access.requireAnyRole();
        accounts.get(accountId);
        return db.selectFrom(APPROVAL_WORKFLOW)
                .where(APPROVAL_WORKFLOW.ACCOUNT_ID.eq(accountId), APPROVAL_WORKFLOW.VERSION.eq(version))
                .fetchOptional(WorkflowService::toWorkflow)
                .orElseThrow(() -> new NotFoundException("Workflow version", version));
    }

    @Transactional(readOnly = true)
    public List<Workflow> versions(long accountId) {
        access.requireAnyRole();
        accounts.get(accountId);
        return db.selectFrom(APPROVAL_WORKFLOW).where(APPROVAL_WORKFLOW.ACCOUNT_ID.eq(accountId))
                .orderBy(APPROVAL_WORKFLOW.VERSION.desc()).fetch(WorkflowService::toWorkflow);
    }

    @Transactional
    public Workflow save(long accountId, WorkflowDefinition definition, int basedOn) {
        OfficialAccount account = accounts.get(accountId);
        Actor actor = access.requireFor(account.departmentId(), Role.ACCOUNT_ADMIN);
        Workflow current = current(accountId);
        if (current.version() != basedOn) {
            throw new ConflictException("changed_meanwhile", "Version " + current.version() + " of this workflow was saved by "
                    + current.createdByName() + " while you were editing version " + basedOn + ". Reload it and try again.");
        }
        WorkflowDefinition clean = validate(account, definition);
        if (clean.equals(current.definition())) {
            throw new DomainException("unchanged", "Nothing has changed, so no new version was saved.");
        }
        insert(actor, account, basedOn + 1, clean);
        audit.record(actor, "workflow.saved", "official_account", accountId, "Workflow version " + (basedOn + 1)
                + " saved for " + account.handle(), describe(current.definition()), describe(clean));
        return current(accountId);
    }

    /** The active members who may approve a step of this account's workflow now. */
    @Transactional(readOnly = true)
    public Set<Long> eligibleApprovers(long accountId, WorkflowStep step) {
        Actor actor = access.requireAnyRole();
        OfficialAccount account = accounts.get(accountId);
        Condition holds = holdsFor(step.kind() == ApproverKind.ROLE && step.role() != null ? step.role() : Role.APPROVER,
                account.departmentId());
        Condition who = switch (step.kind()) {
            case ROLE -> DSL.noCondition();
            case DEPARTMENT -> MEMBER.DEPARTMENT_ID.eq(step.departmentId());
            case MEMBERS -> MEMBER.ID.in(step.memberIds());
        };
        return new TreeSet<>(db.selectDistinct(MEMBER.ID).from(MEMBER).join(ROLE_GRANT).on(ROLE_GRANT.MEMBER_ID.eq(MEMBER.ID))
                .where(MEMBER.ORGANISATION_ID.eq(actor.organisationId()), MEMBER.ACTIVE.isTrue(), holds, who)
                .fetch(MEMBER.ID));
    }

    /** Names of the members who could approve posts of this account, for the workflow editor (account admins only). */
    @Transactional(readOnly = true)
    public Map<Long, String> approverNames(long accountId) {
        OfficialAccount account = accounts.get(accountId);
        access.requireFor(account.departmentId(), Role.ACCOUNT_ADMIN);
        var ids = eligibleApprovers(accountId, WorkflowStep.anyApprover("any"));
        var names = new LinkedHashMap<Long, String>();
        db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.in(ids)).orderBy(MEMBER.DISPLAY_NAME)
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    private static Condition holdsFor(Role role, @Nullable Long departmentId) {
        Condition scope = ROLE_GRANT.DEPARTMENT_ID.isNull();
        // a department's grant of an organisation-wide role confers nothing (Grant.confersRole)
        if (departmentId != null && !role.organisationWideOnly()) {
            scope = scope.or(ROLE_GRANT.DEPARTMENT_ID.eq(departmentId));
        }
        return ROLE_GRANT.ROLE.eq(role.name()).and(scope);
    }

    private WorkflowDefinition validate(OfficialAccount account, WorkflowDefinition definition) {
        if (definition.steps().isEmpty()) {
            throw new InvalidInputException("no_steps", "steps", "A workflow needs at least one step.");
        }
        if (definition.steps().size() > 10) {
            throw new InvalidInputException("too_many_steps", "steps", "A workflow has at most 10 steps.");
        }
        if (definition.steps().getFirst().condition() != StepCondition.ALWAYS) {
            throw new InvalidInputException("first_step_conditional", "steps[0].condition",
                    "The first step must always apply, so that every post is approved by someone.");
        }
        var steps = new ArrayList<WorkflowStep>();
        for (int i = 0; i < definition.steps().size(); i++) {
            WorkflowStep step = definition.steps().get(i);
            String where = "steps[" + i + "]";
            String label = "Step " + (i + 1);
            String name = Names.required(step.name(), where + ".name", label + "'s name", 80);
            switch (step.kind()) {
                case ROLE -> {
                    if (step.role() == null) {
                        throw new InvalidInputException("no_approvers", where + ".role", label + " names no role to approve it.");
                    }
                }
                case DEPARTMENT -> {
                    if (step.departmentId() == null) {
                        throw new InvalidInputException("no_approvers", where + ".departmentId",
                                label + " names no department to approve it.");
                    }
                    departments.get(step.departmentId());
                }
                case MEMBERS -> {
                    if (step.memberIds().isEmpty()) {
                        throw new InvalidInputException("no_approvers", where + ".memberIds", label + " names no approvers.");
                    }
                    var eligible = eligibleApprovers(account.id(), new WorkflowStep(name, ApproverKind.ROLE, Role.APPROVER,
                            null, List.of(), step.quorum(), step.condition()));
                    for (Long member : step.memberIds()) {
                        if (!eligible.contains(member)) {
                            throw new InvalidInputException("not_an_approver", where + ".memberIds", label + " names member #"
                                    + member + ", who does not hold the Approver role for " + account.handle()
                                    + " (or is not an active member of your organisation).");
                        }
                    }
                }
            }
            if (eligibleApprovers(account.id(), step).isEmpty()) {
                throw new InvalidInputException("nobody_can_approve", where, label + " (\"" + name
                        + "\") would have nobody able to approve it: nobody active holds the Approver role there.");
            }
            steps.add(new WorkflowStep(name, step.kind(), step.kind() == ApproverKind.ROLE ? step.role() : null,
                    step.kind() == ApproverKind.DEPARTMENT ? step.departmentId() : null,
                    step.kind() == ApproverKind.MEMBERS ? List.copyOf(new TreeSet<>(step.memberIds())) : List.of(),
                    step.quorum(), step.condition()));
        }
        return new WorkflowDefinition(steps, definition.templateRepliesSingleStep());
    }

    private @Nullable ApprovalWorkflowRecord latest(long accountId) {
        return db.selectFrom(APPROVAL_WORKFLOW).where(APPROVAL_WORKFLOW.ACCOUNT_ID.eq(accountId))
                .orderBy(APPROVAL_WORKFLOW.VERSION.desc()).limit(1).fetchOne();
    }

    private void insert(Actor actor, OfficialAccount account, int version, WorkflowDefinition definition) {
        db.insertInto(APPROVAL_WORKFLOW)
                .set(APPROVAL_WORKFLOW.ORGANISATION_ID, actor.organisationId())
                .set(APPROVAL_WORKFLOW.ACCOUNT_ID, account.id())
                .set(APPROVAL_WORKFLOW.VERSION, version)
                .set(APPROVAL_WORKFLOW.DEFINITION, JSONB.valueOf(json.writeValueAsString(definition)))
                .set(APPROVAL_WORKFLOW.CREATED_BY_NAME, actor.displayName())
                .execute();
    }

    static Map<String, String> describe(WorkflowDefinition definition) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < definition.steps().size(); i++) {
            WorkflowStep s = definition.steps().get(i);
            String approvers = switch (s.kind()) {
                case ROLE -> "role " + s.role();
                case DEPARTMENT -> "approvers of department #" + s.departmentId();
                case MEMBERS -> "members " + s.memberIds();
            };
            fields.put("step " + (i + 1), s.name() + ": " + s.quorum() + " of " + approvers + ", " + s.condition().label());
        }
        fields.put("template replies", definition.templateRepliesSingleStep() ? "first step only" : "every step");
        return fields;
    }

    private static Workflow toWorkflow(ApprovalWorkflowRecord row) {
        return new Workflow(row.getAccountId(), row.getVersion(), json.readValue(row.getDefinition().data(), WorkflowDefinition.class),
                row.getCreatedByName(), row.getCreatedAt().toInstant());
    }
}
