package org.noticeboard.stakeholder;

import org.jspecify.annotations.Nullable;

/**
 * A directory search. {@code text} is matched anywhere in the name or handle, every word on its own
 * ("nuffield trust" finds "The Nuffield Trust" and "@NuffieldTrust"); the filters must all hold.
 * Region and topic match whole values, ignoring case.
 */
public record StakeholderQuery(
        @Nullable String text,
        @Nullable StakeholderCategory category,
        @Nullable String region,
        @Nullable String topic,
        @Nullable Boolean political) {

    public static StakeholderQuery all() {
        return new StakeholderQuery(null, null, null, null, null);
    }

    public StakeholderQuery withText(@Nullable String value) {
        return new StakeholderQuery(value, category, region, topic, political);
    }

    public StakeholderQuery withCategory(@Nullable StakeholderCategory value) {
        return new StakeholderQuery(text, value, region, topic, political);
    }

    public StakeholderQuery withRegion(@Nullable String value) {
        return new StakeholderQuery(text, category, value, topic, political);
    }

    public StakeholderQuery withTopic(@Nullable String value) {
        return new StakeholderQuery(text, category, region, value, political);
    }

    public StakeholderQuery withPolitical(@Nullable Boolean value) {
        return new StakeholderQuery(text, category, region, topic, value);
    }
}
