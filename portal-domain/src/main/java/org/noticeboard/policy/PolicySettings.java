package org.noticeboard.policy;

import java.util.Map;

/** One version of an organisation's policy: each rule's setting (by rule id) and the parameters. */
public record PolicySettings(Map<String, RuleSetting> rules, PolicyParameters parameters) {

    public PolicySettings {
        rules = Map.copyOf(rules);
    }

    public RuleSetting rule(String id) {
        RuleSetting setting = rules.get(id);
        if (setting == null) {
            throw new IllegalArgumentException("no setting for rule " + id);
        }
        return setting;
    }
}
