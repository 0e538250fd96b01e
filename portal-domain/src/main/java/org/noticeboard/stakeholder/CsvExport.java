package org.noticeboard.stakeholder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.noticeboard.shared.CsvCells;

/**
 * Writes CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads names with accents
 * right), CRLF line ends, and every cell that a spreadsheet would run as a formula neutralised
 * ({@link CsvCells}), so that a stakeholder named {@code =HYPERLINK("http://evil","x")} stays text.
 * The import removes that apostrophe again.
 */
public final class CsvExport {

    /** The directory's columns, in the order an import reads them back. */
    static final List<String> HEADER = List.of("handle", "name", "category", "region", "topics", "political", "notes",
            "on_x", "x_name", "followers", "checked_at");

    private CsvExport() {}

    /** Stakeholders as the directory shows them; {@code withNotes} false leaves the internal notes out. */
    public static byte[] stakeholders(List<Stakeholder> stakeholders, boolean withNotes) {
        var header = new ArrayList<>(HEADER);
        if (!withNotes) {
            header.remove("notes");
        }
        var rows = new ArrayList<List<@Nullable String>>(stakeholders.size());
        for (Stakeholder s : stakeholders) {
            var row = new ArrayList<@Nullable String>(header.size());
            row.add(s.handle().value());
            row.add(s.name());
            row.add(s.category().label());
            row.add(s.region());
            row.add(String.join("; ", s.topics()));
            row.add(s.political() ? "yes" : "no");
            if (withNotes) {
                row.add(s.notes());
            }
            row.add(switch (s.xCheck()) {
                case ON_X -> "yes";
                case NOT_ON_X -> "no";
                case UNCHECKED -> "unchecked";
            });
            row.add(s.xName());
            row.add(s.followersCount() == null ? null : String.valueOf(s.followersCount()));
            row.add(s.checkedAt() == null ? null : s.checkedAt().toString());
            rows.add(row);
        }
        return table(header, rows);
    }

    /** Any table, written as described above. */
    public static byte[] table(List<String> header, List<? extends List<? extends @Nullable String>> rows) {
        var bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(header);
            for (List<? extends @Nullable String> row : rows) {
                printer.printRecord(row.stream().map(CsvCells::neutralise).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}
