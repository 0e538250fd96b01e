package org.noticeboard.stakeholder;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a person enters for a stakeholder; checked by the service, which says what is wrong and where. */
public record StakeholderDraft(
        @Nullable String handle,
        @Nullable String name,
        @Nullable StakeholderCategory category,
        @Nullable String region,
        List<String> topics,
        boolean political,
        @Nullable String notes) {

    public StakeholderDraft {
        topics = List.copyOf(topics);
    }

    public static StakeholderDraft of(String handle, String name, StakeholderCategory category) {
        return new StakeholderDraft(handle, name, category, null, List.of(), false, null);
    }

    public StakeholderDraft withHandle(@Nullable String value) {
        return new StakeholderDraft(value, name, category, region, topics, political, notes);
    }

    public StakeholderDraft withName(@Nullable String value) {
        return new StakeholderDraft(handle, value, category, region, topics, political, notes);
    }

    public StakeholderDraft withCategory(@Nullable StakeholderCategory value) {
        return new StakeholderDraft(handle, name, value, region, topics, political, notes);
    }

    public StakeholderDraft withRegion(@Nullable String value) {
        return new StakeholderDraft(handle, name, category, value, topics, political, notes);
    }

    public StakeholderDraft withTopics(List<String> value) {
        return new StakeholderDraft(handle, name, category, region, value, political, notes);
    }

    public StakeholderDraft withPolitical(boolean value) {
        return new StakeholderDraft(handle, name, category, region, topics, value, notes);
    }

    public StakeholderDraft withNotes(@Nullable String value) {
        return new StakeholderDraft(handle, name, category, region, topics, political, value);
    }
}
