package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks posts against one version of an organisation's policy. Built once per policy version
 * (the parameters are compiled here: patterns, word tries, number sets), then safe to share
 * between threads and fast enough to run on every keystroke.
 *
 * <p>{@link #check} never throws: a rule that fails on some unforeseen text reports that it could
 * not check the post, at its own severity, so a blocking rule fails closed rather than letting the
 * post through unchecked.
 */
public final class PolicyEngine {

    /** Start of the message of a finding that reports a rule which could not run. */
    static final String COULD_NOT_CHECK = "This check could not run on this text";

    private static final Comparator<Finding> BY_POSITION = Comparator.comparing(
            Finding::span, Comparator.nullsLast(Comparator.comparingInt(Span::start).thenComparingInt(Span::end)));

    private record Active(PolicyRule rule, Severity severity) {}

    private final List<Active> active;

    /**
     * Compiles the settings. Rules the settings do not mention run at their default severity;
     * settings for ids this engine does not know (a dashboard rule, say) are ignored.
     *
     * @throws IllegalArgumentException naming the parameter, when a parameter cannot be used
     */
    public PolicyEngine(PolicySettings settings) {
        PolicyParameters p = settings.parameters();
        if (p.capitalsPercent() < 1 || p.capitalsPercent() > 100) {
            throw new IllegalArgumentException("capitalsPercent must be between 1 and 100, not " + p.capitalsPercent());
        }
        Map<String, Function<PolicyParameters, PolicyRule>> factories = new LinkedHashMap<>();
        factories.put(LengthRule.ID, x -> new LengthRule());
        factories.put(NhsNumberRule.ID, x -> new NhsNumberRule());
        factories.put(ChiNumberRule.ID, x -> new ChiNumberRule());
        factories.put(HospitalNumberRule.ID, x -> new HospitalNumberRule(HospitalNumberRule.compile(x.hospitalNumberPattern())));
        factories.put(DateOfBirthRule.ID, x -> new DateOfBirthRule());
        factories.put(PhoneNumberRule.ID, x -> new PhoneNumberRule(x.publishedPhoneNumbers()));
        factories.put(EmailAddressRule.ID, x -> new EmailAddressRule(x.publishedEmailAddresses()));
        factories.put(ToneCapitalsRule.ID, x -> new ToneCapitalsRule(x.capitalsPercent()));
        factories.put(TonePunctuationRule.ID, x -> new TonePunctuationRule());
        factories.put(ToneWordsRule.ID, x -> new ToneWordsRule(x.extraToneWords()));
        factories.put(LeadingMentionRule.ID, x -> new LeadingMentionRule());
        factories.put(LinksRule.ID, x -> new LinksRule(x.allowedLinkDomains(), x.deniedLinkDomains()));
        factories.put(BannedTermsRule.ID, x -> new BannedTermsRule(x.bannedTerms()));
        factories.put(ImageAltTextRule.ID, x -> new ImageAltTextRule());
        factories.put(HashtagCaseRule.ID, x -> new HashtagCaseRule());
        factories.put(PreElectionRule.ID, x -> new PreElectionRule(x.preElectionPeriods(), x.politicalStakeholders()));
        factories.put(PublishingHoursRule.ID,
                x -> new PublishingHoursRule(x.publishingStart(), x.publishingEnd(), x.publishingDays()));

        List<Active> rules = new ArrayList<>();
        for (RuleInfo info : RuleCatalog.all()) {
            RuleSetting setting = settings.rules().getOrDefault(info.id(), new RuleSetting(true, info.defaultSeverity()));
            // Parameters are compiled even for rules that are off, so a bad value is reported when saved.
            PolicyRule rule = factories.get(info.id()).apply(p);
            if (setting.enabled()) {
                rules.add(new Active(rule, setting.severity()));
            }
        }
        this.active = List.copyOf(rules);
    }

    /** Every rule on at its default severity, with the defaults described in the README. */
    public static PolicySettings defaults() {
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        for (RuleInfo info : RuleCatalog.all()) {
            rules.put(info.id(), new RuleSetting(true, info.defaultSeverity()));
        }
        PolicyParameters parameters = new PolicyParameters(List.of(), List.of(), List.of(), List.of(), List.of(), null,
                LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), List.of(), 60, List.of());
        return new PolicySettings(rules, parameters);
    }

    /**
     * Checks a post. Findings are ordered by where they start in the text (then where they end),
     * findings about the post as a whole last; every span lies within the text.
     */
    public CheckResult check(CheckInput input) {
        CheckContext context = new CheckContext(input);
        List<Finding> findings = new ArrayList<>();
        for (Active a : active) {
            int before = findings.size();
            try {
                a.rule().check(context, a.severity(), findings);
            } catch (RuntimeException | StackOverflowError e) {
                findings.subList(before, findings.size()).clear();
                findings.add(Findings.of(a.rule().id(), a.severity(),
                        COULD_NOT_CHECK + " (" + RuleCatalog.get(a.rule().id()).title()
                                + "): check the post yourself, and tell the portal's administrators.",
                        null));
            }
        }
        findings.sort(BY_POSITION);
        return new CheckResult(context.weightedLength(), context.validLength(),
                values(context.mentions()), values(context.hashtags()), values(context.urls()), findings);
    }

    private static List<String> values(List<TextEntity> entities) {
        List<String> values = new ArrayList<>(entities.size());
        for (TextEntity entity : entities) {
            values.add(entity.value());
        }
        return values;
    }
}
