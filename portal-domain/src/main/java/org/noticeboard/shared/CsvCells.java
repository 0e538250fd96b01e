package org.noticeboard.shared;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cells of every CSV file the portal writes for people to open in a spreadsheet. A cell that begins
 * with =, +, -, @, tab or CR is one a spreadsheet would run as a formula (a stakeholder, member or
 * audit summary named {@code =HYPERLINK("http://evil","x")}), so it gets a leading apostrophe and
 * stays text. Numbers are written as they are: they are never formulas, and a negative one must
 * stay a number. Every CSV writer goes through here, so that no export is left out.
 */
public final class CsvCells {

    /** What a cell may not begin with; the stakeholder import removes the apostrophe before them again. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {}

    /** The cell as a spreadsheet will show it, never run it; null is an empty cell. */
    public static String neutralise(@Nullable String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** One row of cells: numbers as they are, anything else as text, neutralised; null as an empty cell. */
    public static List<String> row(@Nullable Object... values) {
        var cells = new ArrayList<String>(values.length);
        for (Object value : values) {
            cells.add(value instanceof Number number ? number.toString()
                    : neutralise(value == null ? null : value.toString()));
        }
        return cells;
    }
}
