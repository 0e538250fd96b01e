package org.noticeboard.stakeholder;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import does with one row of the file. {@code row} counts data rows (1 is the first after
 * the header); {@code line} is the line of the file it starts on (they differ after blank lines and
 * cells spanning lines). {@code existingId} is the stakeholder a MERGE changes; {@code addsToList}
 * says it joins the import's target list; {@code message} says it all in words, and why for REFUSE.
 */
public record CsvRow(
        int row,
        int line,
        Outcome outcome,
        String handle,
        String name,
        @Nullable Long existingId,
        List<FieldChange> changes,
        boolean addsToList,
        String message) {

    public CsvRow {
        changes = List.copyOf(changes);
    }

    public enum Outcome {
        /** A new stakeholder. */
        ADD,
        /** The handle is in the directory already: {@code changes} lists what the file changes (maybe nothing). */
        MERGE,
        /** Not imported; the message says why. */
        REFUSE
    }
}
