package org.noticeboard.policy;

import java.util.Map;

/** One version of an organisation's policy: each rule's setting (by rule id) and the parameters. */
public record PolicySettings(Map<String, RuleSetting> rules, PolicyParameters parameters) {

    public PolicySettings {
        rules = Map.copyOf(rules);
    }

    /** The rule's setting; a rule newer than this version of the policy is on at its default severity. */
    public RuleSetting rule(String id) {
        RuleSetting setting = rules.get(id);
        return setting != null ? setting : new RuleSetting(true, RuleCatalog.get(id).defaultSeverity());
    }
}
