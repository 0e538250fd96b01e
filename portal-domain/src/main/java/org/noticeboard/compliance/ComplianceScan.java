package org.noticeboard.compliance;

import static org.noticeboard.db.jooq.Tables.APPROVAL_WORKFLOW;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_DECISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the posts published on some accounts in a period, a thousand at a time (so a year of a busy
 * account never sits in memory at once), and judges each: did it have every approval its workflow
 * version required for the revision that went out, how long did approval take, which warnings were
 * overridden, which political stakeholders does it name in a pre-election period.
 */
@Component
class ComplianceScan {

    static final int CHUNK = 1000;
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_])[@\uFF20]([A-Za-z0-9_]{1,15})");
    static final List<String> POLITICAL_CATEGORIES = List.of("MP", "MINISTER", "DEVOLVED_MEMBER");

    private final DSLContext db;

    ComplianceScan(DSLContext db) {
        this.db = db;
    }

    record Scope(long organisationId, List<Long> accountIds, Instant from, Instant to, ZoneId zone,
            List<PreElectionPeriod> periods) {}

    void scan(Scope scope, Consumer<PublishedPost> visitor) {
        Set<String> political = politicalHandles(scope.organisationId());
        Map<String, @Nullable WorkflowDefinition> workflows = new HashMap<>();
        long after = 0;
        while (true) {
            var rows = db.select(POST.ID, POST.ACCOUNT_ID, OFFICIAL_ACCOUNT.HANDLE, POST.AUTHOR_ID, MEMBER.DISPLAY_NAME,
                            POST.SUBMITTED_AT, POST.PUBLISHED_AT, POST.X_POST_ID, POST.WORKFLOW_VERSION, POST.CURRENT_REVISION,
                            POST_REVISION.TEXT, POST_REVISION.CONTENT_HASH, POST_REVISION.FINDINGS, POST_REVISION.REPLY_TO_URL,
                            APPROVAL_WORKFLOW.DEFINITION)
                    .from(POST)
                    .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                    .join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                    .join(POST_REVISION).on(POST_REVISION.POST_ID.eq(POST.ID), POST_REVISION.NUMBER.eq(POST.CURRENT_REVISION))
                    .leftJoin(APPROVAL_WORKFLOW).on(APPROVAL_WORKFLOW.ACCOUNT_ID.eq(POST.ACCOUNT_ID),
                            APPROVAL_WORKFLOW.VERSION.eq(POST.WORKFLOW_VERSION))
                    .where(POST.ORGANISATION_ID.eq(scope.organisationId()), POST.ACCOUNT_ID.in(scope.accountIds()),
                            POST.PUBLISHED_AT.ge(scope.from().atOffset(ZoneOffset.UTC)),
                            POST.PUBLISHED_AT.lt(scope.to().atOffset(ZoneOffset.UTC)), POST.ID.gt(after))
                    .orderBy(POST.ID)
                    .limit(CHUNK)
                    .fetch();
            if (rows.isEmpty()) {
                return;
            }
            List<Long> ids = rows.map(r -> r.get(POST.ID));
            Map<Long, List<Approval>> approvals = new HashMap<>();
            db.select(POST_DECISION.POST_ID, POST_DECISION.REVISION, POST_DECISION.CONTENT_HASH, POST_DECISION.STEP,
                            POST_DECISION.MEMBER_ID, POST_DECISION.CREATED_AT)
                    .from(POST_DECISION)
                    .where(POST_DECISION.POST_ID.in(ids), POST_DECISION.DECISION.eq("APPROVED"))
                    .forEach(d -> approvals.computeIfAbsent(d.get(POST_DECISION.POST_ID), k -> new ArrayList<>())
                            .add(new Approval(d.get(POST_DECISION.REVISION), d.get(POST_DECISION.CONTENT_HASH),
                                    d.get(POST_DECISION.STEP), d.get(POST_DECISION.MEMBER_ID),
                                    d.get(POST_DECISION.CREATED_AT).toInstant())));
            for (Record row : rows) {
                visitor.accept(judge(row, approvals.getOrDefault(row.get(POST.ID), List.of()), workflows, political, scope));
            }
            after = ids.getLast();
        }
    }

    private record Approval(int revision, String contentHash, int step, long memberId, Instant at) {}

    private PublishedPost judge(Record row, List<Approval> approvals, Map<String, @Nullable WorkflowDefinition> workflows,
            Set<String> political, Scope scope) {
        long id = row.get(POST.ID);
        long author = row.get(POST.AUTHOR_ID);
        String account = "@" + row.get(OFFICIAL_ACCOUNT.HANDLE);
        Instant publishedAt = row.get(POST.PUBLISHED_AT).toInstant();
        Instant submittedAt = row.get(POST.SUBMITTED_AT) == null ? null : row.get(POST.SUBMITTED_AT).toInstant();
        int revision = row.get(POST.CURRENT_REVISION);
        String hash = row.get(POST_REVISION.CONTENT_HASH);
        String text = row.get(POST_REVISION.TEXT);
        JsonNode findings = json.readTree(row.get(POST_REVISION.FINDINGS).data());

        boolean overridden = false;
        boolean preElectionFinding = false;
        var overrides = new ArrayList<ComplianceReport.OverriddenWarning>();
        for (JsonNode finding : findings) {
            String rule = finding.path("ruleId").asString("");
            JsonNode justification = finding.get("justification");
            if (rule.equals("pre-election")) {
                preElectionFinding = true;
            }
            if ("WARN".equals(finding.path("severity").asString("")) && justification != null && !justification.isNull()
                    && !justification.asString("").isBlank()) {
                overridden = true;
                overrides.add(new ComplianceReport.OverriddenWarning(id, account, publishedAt, rule,
                        finding.path("message").asString(""), justification.asString(""), row.get(MEMBER.DISPLAY_NAME)));
            }
        }

        var missing = new ArrayList<String>();
        Instant lastApproval = null;
        Integer workflowVersion = row.get(POST.WORKFLOW_VERSION);
        JSONB definitionJson = row.get(APPROVAL_WORKFLOW.DEFINITION);
        if (workflowVersion == null || definitionJson == null) {
            missing.add("no approval workflow was ever applied to it");
        } else {
            WorkflowDefinition definition = workflows.computeIfAbsent(row.get(POST.ACCOUNT_ID) + "/" + workflowVersion,
                    k -> json.readValue(definitionJson.data(), WorkflowDefinition.class));
            var steps = definition.steps();
            boolean templateReply = definition.templateRepliesSingleStep() && row.get(POST_REVISION.REPLY_TO_URL) != null;
            for (int i = 0; i < steps.size(); i++) {
                WorkflowStep step = steps.get(i);
                int number = i + 1;
                if ((templateReply && number > 1) || !applies(step, overridden, preElectionFinding)) {
                    continue;
                }
                var approvers = new HashSet<Long>();
                for (Approval approval : approvals) {
                    if (approval.step() == number && approval.revision() == revision && approval.contentHash().equals(hash)
                            && approval.memberId() != author) {
                        approvers.add(approval.memberId());
                        if (lastApproval == null || approval.at().isAfter(lastApproval)) {
                            lastApproval = approval.at();
                        }
                    }
                }
                boolean complete = step.quorum() == Quorum.ALL && step.kind() == ApproverKind.MEMBERS
                        ? approvers.containsAll(step.memberIds().stream().filter(m -> m != author).toList()) && !approvers.isEmpty()
                        : !approvers.isEmpty();
                if (!complete) {
                    missing.add("no " + (step.quorum() == Quorum.ALL ? "complete " : "") + "approval at step " + number
                            + " (\"" + step.name() + "\") of workflow version " + workflowVersion + " for revision " + revision);
                }
            }
        }
        boolean all = missing.isEmpty();
        Long lead = all && submittedAt != null && lastApproval != null && !lastApproval.isBefore(submittedAt)
                ? lastApproval.getEpochSecond() - submittedAt.getEpochSecond() : null;

        var handles = new LinkedHashSet<String>();
        String period = null;
        var day = publishedAt.atZone(scope.zone()).toLocalDate();
        for (PreElectionPeriod p : scope.periods()) {
            if (p.contains(day)) {
                period = p.name();
                break;
            }
        }
        if (period != null && !political.isEmpty()) {
            Matcher m = MENTION.matcher(text);
            while (m.find()) {
                if (political.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    handles.add("@" + m.group(1));
                }
            }
        }
        return new PublishedPost(id, row.get(POST.ACCOUNT_ID), account, row.get(MEMBER.DISPLAY_NAME), submittedAt,
                publishedAt, row.get(POST.X_POST_ID), all, missing, lead, overrides, List.copyOf(handles),
                handles.isEmpty() ? null : period);
    }

    private static boolean applies(WorkflowStep step, boolean overridden, boolean preElectionFinding) {
        return switch (step.condition()) {
            case ALWAYS -> true;
            case WARNING_OVERRIDDEN -> overridden;
            case POLITICAL_PRE_ELECTION -> preElectionFinding;
        };
    }

    /** Handles (lower case) of the organisation's political stakeholders: flagged political, or MPs, ministers, devolved members. */
    Set<String> politicalHandles(long organisationId) {
        return new HashSet<>(db.select(STAKEHOLDER.HANDLE).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId),
                        STAKEHOLDER.POLITICAL.isTrue().or(STAKEHOLDER.CATEGORY.in(POLITICAL_CATEGORIES)))
                .fetch(r -> r.value1().toLowerCase(Locale.ROOT)));
    }
}
