package org.noticeboard.stakeholder;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a committed import did. {@code merged} counts stakeholders whose fields changed,
 * {@code unchanged} those already as the file says; {@code addedToList} how many joined the target
 * list. The new stakeholders are not yet checked against X: see {@link StakeholderService#refreshUnchecked}.
 */
public record CsvImportResult(
        int added,
        int merged,
        int unchanged,
        int refused,
        @Nullable Long targetListId,
        int addedToList,
        List<Long> stakeholderIds,
        String message) {

    public CsvImportResult {
        stakeholderIds = List.copyOf(stakeholderIds);
    }
}
