package org.noticeboard.stakeholder;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What importing a file would do, row by row; nothing has been written. Commit with {@code token}
 * (kept on this server for {@link StakeholderCsv#PREVIEW_LIFETIME}) or with the same file and
 * {@code fingerprint}. {@code columns} maps each field read to its header as written in the file;
 * {@code ignoredColumns} are headers read as nothing.
 */
public record CsvPreview(
        String token,
        String fingerprint,
        @Nullable Long targetListId,
        @Nullable String targetListName,
        Map<String, String> columns,
        List<String> ignoredColumns,
        List<CsvRow> rows,
        int adds,
        int merges,
        int refusals) {

    public CsvPreview {
        columns = Map.copyOf(columns);
        ignoredColumns = List.copyOf(ignoredColumns);
        rows = List.copyOf(rows);
    }

    public List<CsvRow> refused() {
        return rows.stream().filter(r -> r.outcome() == CsvRow.Outcome.REFUSE).toList();
    }
}
