package org.noticeboard.compliance;

import static org.noticeboard.db.jooq.Tables.APPROVAL_WORKFLOW;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_DECISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.noticeboard.post.FourEyes;
import org.noticeboard.stakeholder.PoliticalStakeholders;
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

    private final DSLContext db;
    private final PoliticalStakeholders politicalStakeholders;

    ComplianceScan(DSLContext db, PoliticalStakeholders politicalStakeholders) {
        this.db = db;
        this.politicalStakeholders = politicalStakeholders;
    }

    record Scope(long organisationId, List<Long> accountIds, Instant from, Instant to, ZoneId zone,
            List<PreElectionPeriod> periods) {}

    void scan(Scope scope, Consumer<PublishedPost> visitor) {
        Set<String> political = politicalStakeholders.handles();
        Map<String, @Nullable WorkflowDefinition> workflows = new HashMap<>();
        long after = 0;
        while (true) {
            var rows = db.select(POST.ID, POST.ACCOUNT_ID, OFFICIAL_ACCOUNT.HANDLE, POST.AUTHOR_ID, MEMBER.DISPLAY_NAME,
                            POST.SUBMITTED_AT, POST.PUBLISHED_AT, POST.X_POST_ID, POST.WORKFLOW_VERSION, POST.CURRENT_REVISION,
                            POST_REVISION.TEXT, POST_REVISION.CONTENT_HASH, POST_REVISION.FINDINGS, POST_REVISION.REPLY_TO_URL,
                            POST_REVISION.QUOTE_URL, POST.REVIEW_ROUND, POST.REPLY_TEMPLATE_TEXT, APPROVAL_WORKFLOW.DEFINITION)
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
            Map<Long, Set<Long>> contributors = new HashMap<>();
            db.selectDistinct(POST_REVISION.POST_ID, POST_REVISION.AUTHOR_ID).from(POST_REVISION)
                    .where(POST_REVISION.POST_ID.in(ids))
                    .forEach(r -> contributors.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
            db.select(POST_DECISION.POST_ID, POST_DECISION.REVISION, POST_DECISION.CONTENT_HASH, POST_DECISION.STEP,
                            POST_DECISION.MEMBER_ID, POST_DECISION.CREATED_AT, POST_DECISION.REVIEW_ROUND)
                    .from(POST_DECISION)
                    .where(POST_DECISION.POST_ID.in(ids), POST_DECISION.DECISION.eq("APPROVED"))
                    .forEach(d -> approvals.computeIfAbsent(d.get(POST_DECISION.POST_ID), k -> new ArrayList<>())
                            .add(new Approval(d.get(POST_DECISION.REVISION), d.get(POST_DECISION.CONTENT_HASH),
                                    d.get(POST_DECISION.STEP), d.get(POST_DECISION.MEMBER_ID),
                                    d.get(POST_DECISION.CREATED_AT).toInstant(), d.get(POST_DECISION.REVIEW_ROUND))));
            for (Record row : rows) {
                visitor.accept(judge(row, approvals.getOrDefault(row.get(POST.ID), List.of()),
                        contributors.getOrDefault(row.get(POST.ID), Set.of()), workflows, political, scope));
            }
            after = ids.getLast();
        }
    }

    private record Approval(int revision, String contentHash, int step, long memberId, Instant at, int round) {}

    private PublishedPost judge(Record row, List<Approval> approvals, Set<Long> revisionAuthors,
            Map<String, @Nullable WorkflowDefinition> workflows, Set<String> political, Scope scope) {
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
            // the single-step route for template replies counts only for a reply whose text is the template's,
            // filled, word for word, that neither answers nor names a political stakeholder
            String template = row.get(POST.REPLY_TEMPLATE_TEXT);
            boolean templateReply = definition.templateRepliesSingleStep() && row.get(POST_REVISION.REPLY_TO_URL) != null
                    && template != null && text.strip().equals(template)
                    && PoliticalStakeholders.named(political, text, row.get(POST_REVISION.REPLY_TO_URL),
                            row.get(POST_REVISION.QUOTE_URL)).isEmpty();
            int round = row.get(POST.REVIEW_ROUND);
            var contributors = new HashSet<>(revisionAuthors);
            contributors.add(author);
            var needed = new ArrayList<FourEyes.Step>();
            Map<Integer, Set<Long>> approvers = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                WorkflowStep step = steps.get(i);
                int number = i + 1;
                if ((templateReply && number > 1) || !applies(step, overridden, preElectionFinding)) {
                    continue;
                }
                needed.add(new FourEyes.Step(number, step.name(), step.quorum() == Quorum.ALL,
                        step.kind() == ApproverKind.MEMBERS ? Set.copyOf(step.memberIds()) : Set.of()));
            }
            for (Approval approval : approvals) {
                if (approval.revision() == revision && approval.contentHash().equals(hash) && approval.round() == round) {
                    approvers.computeIfAbsent(approval.step(), k -> new HashSet<>()).add(approval.memberId());
                    if (!contributors.contains(approval.memberId()) && (lastApproval == null || approval.at().isAfter(lastApproval))) {
                        lastApproval = approval.at();
                    }
                }
            }
            for (String shortfall : FourEyes.shortfall(needed, contributors, approvers)) {
                missing.add(shortfall + " (workflow version " + workflowVersion + ", revision " + revision + ")");
            }
            if (!missing.isEmpty()) {
                long independent = approvers.values().stream().flatMap(Set::stream).filter(m -> !contributors.contains(m))
                        .distinct().count();
                missing.addFirst("decided by " + independent + " independent " + (independent == 1 ? "person" : "people")
                        + " where its workflow required " + needed.size());
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
        if (period != null) {
            handles.addAll(PoliticalStakeholders.named(political, text));
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
}
