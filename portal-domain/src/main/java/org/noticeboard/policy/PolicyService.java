package org.noticeboard.policy;

import static org.noticeboard.db.jooq.Tables.POLICY_VERSION;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.PolicyVersionRecord;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation's policy, versioned: every member reads the current version (the composer
 * checks against it); organisation admins save new versions; admins and auditors read them all.
 */
@Service
public class PolicyService {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /** Compiled engines by organisation and version: versions never change, so neither do their engines. */
    private final Map<String, PolicyEngine> engines = new ConcurrentHashMap<>();

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;

    public PolicyService(DSLContext db, Access access, AuditTrail audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    /** The version in force; the first call of an organisation stores the defaults as version 1. */
    @Transactional
    public PolicyVersion current() {
        Actor actor = access.actor();
        return toVersion(currentRecord(actor));
    }

    /** The engine of the version in force, with that version's number. */
    @Transactional
    public Compiled engine() {
        PolicyVersion current = current();
        return new Compiled(current.version(), engineFor(access.actor().organisationId(), current));
    }

    /** A policy version and its compiled engine. */
    public record Compiled(int version, PolicyEngine engine) {}

    @Transactional(readOnly = true)
    public List<PolicyVersion> versions() {
        Actor actor = access.require(Role.ORG_ADMIN, Role.AUDITOR);
        return db.selectFrom(POLICY_VERSION)
                .where(POLICY_VERSION.ORGANISATION_ID.eq(actor.organisationId()))
                .orderBy(POLICY_VERSION.VERSION.desc())
                .fetch(PolicyService::toVersion);
    }

    @Transactional(readOnly = true)
    public PolicyVersion version(int version) {
        Actor actor = access.require(Role.ORG_ADMIN, Role.AUDITOR);
        return db.selectFrom(POLICY_VERSION)
                .where(POLICY_VERSION.ORGANISATION_ID.eq(actor.organisationId()), POLICY_VERSION.VERSION.eq(version))
                .fetchOptional(PolicyService::toVersion)
                .orElseThrow(() -> new NotFoundException("Policy version", version));
    }

    @Transactional(readOnly = true)
    public List<String> differences(int from, int to) {
        return PolicyDescription.differences(version(from).settings(), version(to).settings());
    }

    /**
     * Saves a new version. {@code basedOn} is the version the admin edited: if someone saved
     * another meanwhile, nothing is saved and they are told.
     */
    @Transactional
    public PolicyVersion save(PolicySettings settings, @Nullable String note, int basedOn) {
        Actor actor = access.require(Role.ORG_ADMIN);
        PolicySettings clean = validate(settings);
        PolicyVersionRecord current = currentRecord(actor);
        if (current.getVersion() != basedOn) {
            throw new ConflictException("changed_meanwhile", "Version " + current.getVersion() + " of the policy was saved by "
                    + current.getCreatedByName() + " while you were editing version " + basedOn
                    + ". Reload to see it, then make your change again.");
        }
        PolicySettings before = read(current.getSettings());
        List<String> changes = PolicyDescription.differences(before, clean);
        if (changes.isEmpty()) {
            throw new DomainException("unchanged", "Nothing has changed since version " + basedOn + ", so no new version was saved.");
        }
        int next = current.getVersion() + 1;
        insert(actor, next, clean, note);
        audit.record(actor, "policy.saved", "policy", next, "Policy version " + next + " saved: " + String.join("; ", changes),
                PolicyDescription.describe(before), PolicyDescription.describe(clean));
        return version(next);
    }

    private PolicyVersionRecord currentRecord(Actor actor) {
        var record = latest(actor.organisationId());
        if (record != null) {
            return record;
        }
        insert(actor, 1, PolicyEngine.defaults(), "Defaults");
        audit.record(actor, "policy.saved", "policy", 1, "Policy version 1 (the defaults) in force", null,
                PolicyDescription.describe(PolicyEngine.defaults()));
        return java.util.Objects.requireNonNull(latest(actor.organisationId()));
    }

    private @Nullable PolicyVersionRecord latest(long organisationId) {
        return db.selectFrom(POLICY_VERSION)
                .where(POLICY_VERSION.ORGANISATION_ID.eq(organisationId))
                .orderBy(POLICY_VERSION.VERSION.desc())
                .limit(1)
                .fetchOne();
    }

    private void insert(Actor actor, int version, PolicySettings settings, @Nullable String note) {
        db.insertInto(POLICY_VERSION)
                .set(POLICY_VERSION.ORGANISATION_ID, actor.organisationId())
                .set(POLICY_VERSION.VERSION, version)
                .set(POLICY_VERSION.SETTINGS, JSONB.valueOf(json.writeValueAsString(settings)))
                .set(POLICY_VERSION.NOTE, note == null || note.isBlank() ? null : note.strip())
                .set(POLICY_VERSION.CREATED_BY, actor.memberId())
                .set(POLICY_VERSION.CREATED_BY_NAME, actor.displayName())
                .execute();
    }

    PolicyEngine engineFor(long organisationId, PolicyVersion version) {
        return engines.computeIfAbsent(organisationId + "/" + version.version(), k -> new PolicyEngine(version.settings()));
    }

    /** Every problem is reported with the parameter it is in; a valid policy comes back tidied. */
    static PolicySettings validate(PolicySettings settings) {
        for (RuleInfo rule : RuleCatalog.all()) {
            if (!settings.rules().containsKey(rule.id())) {
                throw new InvalidInputException("missing_rule", "rules", "The policy has no setting for the rule \""
                        + rule.title() + "\".");
            }
        }
        var p = settings.parameters();
        String hospital = p.hospitalNumberPattern() == null || p.hospitalNumberPattern().isBlank() ? null
                : p.hospitalNumberPattern().strip();
        if (hospital != null) {
            try {
                Pattern.compile(hospital);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new InvalidInputException("invalid_pattern", "hospitalNumberPattern",
                        "The hospital-number pattern is not a valid regular expression: " + e.getDescription()
                                + " near position " + e.getIndex() + ".");
            }
        }
        List<String> allowed = domains(p.allowedLinkDomains(), "allowedLinkDomains", "allowed link domains");
        List<String> denied = domains(p.deniedLinkDomains(), "deniedLinkDomains", "denied link domains");
        LocalTime start = p.publishingStart();
        LocalTime end = p.publishingEnd();
        if ((start == null) != (end == null)) {
            throw new InvalidInputException("publishing_hours", "publishingStart",
                    "Give both the start and the end of the publishing hours, or neither (any time).");
        }
        if (start != null && start.equals(end)) {
            // an end before the start is fine: hours across midnight
            throw new InvalidInputException("publishing_hours", "publishingStart",
                    "Publishing hours start and end at the same time (" + start + "); leave both empty for any time.");
        }
        for (DateRange period : p.preElectionPeriods()) {
            if (period.to().isBefore(period.from())) {
                throw new InvalidInputException("period", "preElectionPeriods",
                        "A pre-election period ends (" + period.to() + ") before it starts (" + period.from() + ").");
            }
        }
        if (p.capitalsPercent() < 1 || p.capitalsPercent() > 100) {
            throw new InvalidInputException("percent", "capitalsPercent",
                    "The share of capitals must be between 1 and 100 per cent.");
        }
        var clean = new PolicyParameters(trimmed(p.bannedTerms()), allowed, denied, trimmed(p.publishedPhoneNumbers()),
                trimmed(p.publishedEmailAddresses()), hospital, start, end, p.publishingDays(), p.preElectionPeriods(),
                trimmed(p.politicalStakeholders()), p.capitalsPercent(), trimmed(p.extraToneWords()));
        var result = new PolicySettings(settings.rules(), clean);
        try {
            new PolicyEngine(result);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid_parameter", "parameters", e.getMessage());
        }
        return result;
    }

    private static List<String> domains(List<String> values, String field, String what) {
        var clean = new java.util.ArrayList<String>();
        for (String value : trimmed(values)) {
            String domain = value.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/.*$", "");
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidInputException("invalid_domain", field, "\"" + value + "\" in the " + what
                        + " is not a domain name (expected something like nhs.uk).");
            }
            clean.add(domain);
        }
        return clean;
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static PolicyVersion toVersion(PolicyVersionRecord row) {
        return new PolicyVersion(row.getVersion(), read(row.getSettings()), row.getNote(), row.getCreatedByName(),
                row.getCreatedAt().toInstant());
    }

    private static PolicySettings read(JSONB settings) {
        return json.readValue(settings.data(), PolicySettings.class);
    }
}
