package org.noticeboard.stakeholder;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.XHandle;

/**
 * A person or organisation in the directory. {@code notes} are internal: never shown on a public
 * list. The X fields say what X answered when the handle was last checked ({@code checkedAt}); all
 * are null until then.
 */
public record Stakeholder(
        long id,
        XHandle handle,
        String name,
        StakeholderCategory category,
        @Nullable String region,
        List<String> topics,
        boolean political,
        @Nullable String notes,
        @Nullable String xUserId,
        @Nullable String xName,
        @Nullable Integer followersCount,
        @Nullable Boolean xExists,
        @Nullable Instant checkedAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public Stakeholder {
        topics = List.copyOf(topics);
    }

    public XCheck xCheck() {
        if (checkedAt == null || xExists == null) {
            return XCheck.UNCHECKED;
        }
        return xExists ? XCheck.ON_X : XCheck.NOT_ON_X;
    }

    /** The fields a person edits, ready to change and save again. */
    public StakeholderDraft toDraft() {
        return new StakeholderDraft(handle.value(), name, category, region, topics, political, notes);
    }
}
