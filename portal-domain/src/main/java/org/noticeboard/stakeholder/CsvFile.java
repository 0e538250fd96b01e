package org.noticeboard.stakeholder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.noticeboard.shared.InvalidInputException;

/**
 * A stakeholder CSV file as people make them: UTF-8 with or without a byte-order mark, comma-,
 * semicolon- or tab-separated (whatever the header line uses most), header names written in many
 * ways, quoted cells spanning lines. Reads the file or refuses it whole, saying what is wrong and
 * where; judging each row is the import's job.
 */
final class CsvFile {

    static final int MAX_ROWS = 10_000;
    /** Far above 10,000 ordinary rows (about 1.5 MB): a bigger file is not a stakeholder list. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    /** The columns an import reads, each with the header names that mean it (compared as letters and digits only). */
    enum Field {
        HANDLE("X handle", "handle, twitter, x handle or username", "handle", "twitter", "twitterhandle", "x",
                "xhandle", "username", "twitterusername", "xusername", "screenname", "twitteraccount", "xaccount",
                "account", "twittername"),
        NAME("name", "name, full name or display name", "name", "fullname", "displayname", "stakeholder",
                "stakeholdername"),
        CATEGORY("category", "category or type", "category", "type", "kind", "stakeholdertype", "stakeholdercategory"),
        REGION("region", "region or area", "region", "area", "location", "place", "geography"),
        TOPICS("topics", "topics or tags", "topics", "topic", "tags", "tag", "interests", "keywords", "themes"),
        NOTES("notes", "notes or comments", "notes", "note", "comments", "comment", "remarks"),
        POLITICAL("political flag", "political", "political", "politicalflag", "politician", "ispolitical");

        private final String label;
        private final String hint;
        private final List<String> names;

        Field(String label, String hint, String... names) {
            this.label = label;
            this.hint = hint;
            this.names = List.of(names);
        }

        String label() {
            return label;
        }

        static @Nullable Field forHeader(String header) {
            String key = key(header);
            return Arrays.stream(values()).filter(f -> f.names.contains(key)).findFirst().orElse(null);
        }
    }

    /** One data row: its number among the data rows (1 is the first after the header) and the line it starts on. */
    record Row(int row, int line, Map<Field, String> cells) {

        String cell(Field field) {
            return cells.getOrDefault(field, "");
        }
    }

    /** {@code columns}: each field read, with its header as written; {@code ignored}: headers read as nothing. */
    record Parsed(Map<Field, String> columns, List<String> ignored, List<Row> rows) {}

    private CsvFile() {}

    static Parsed read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw refused("The file is " + bytes.length / (1024 * 1024) + " MB; a stakeholder file of at most "
                    + MAX_ROWS + " rows is far smaller. Check that you chose the right file.");
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw refused("The file is empty.");
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            try {
                for (CSVRecord record : parser) {
                    records.add(record);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw refused("The file could not be read as CSV near line " + parser.getCurrentLineNumber()
                        + ": a quoted cell is not closed, or a quote stands inside an unquoted cell (" + e.getMessage()
                        + "). Nothing was read.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Field> fieldAt = new LinkedHashMap<>();
        var columns = new EnumMap<Field, String>(Field.class);
        var ignored = new ArrayList<String>();
        CSVRecord header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip();
            Field field = Field.forHeader(name);
            if (field == null) {
                if (!name.isEmpty()) {
                    ignored.add(name);
                }
                continue;
            }
            if (columns.containsKey(field)) {
                throw refused("Two columns are read as the " + field.label() + ": \"" + columns.get(field) + "\" and \""
                        + name + "\". Rename or remove one of them.");
            }
            columns.put(field, name);
            fieldAt.put(i, field);
        }
        var missing = new ArrayList<String>();
        for (Field required : List.of(Field.HANDLE, Field.NAME)) {
            if (!columns.containsKey(required)) {
                missing.add("the " + required.label() + " (a header such as " + required.hint + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("missing_column", "file", "The file has no column for " + String.join(" and ",
                    missing) + ". Its first line, read as the header, is: " + String.join(", ", header.toList()) + ".");
        }
        var rows = new ArrayList<Row>();
        int count = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            var cells = new EnumMap<Field, String>(Field.class);
            fieldAt.forEach((index, field) -> {
                if (index < record.size()) {
                    cells.put(field, cell(record.get(index)));
                }
            });
            if (cells.values().stream().allMatch(String::isEmpty) && record.stream().allMatch(String::isBlank)) {
                continue;
            }
            count++;
            if (count <= MAX_ROWS) {
                rows.add(new Row(count, line(lineStarts, record.getCharacterPosition()), cells));
            }
        }
        if (count > MAX_ROWS) {
            throw new InvalidInputException("too_many_rows", "file", "The file has " + count + " rows; at most "
                    + MAX_ROWS + " can be imported at once. Split it into files of " + MAX_ROWS + " rows or fewer.");
        }
        if (rows.isEmpty()) {
            throw refused("The file has a header but no rows.");
        }
        return new Parsed(columns, ignored, rows);
    }

    /**
     * UTF-8, strictly: a byte that is not UTF-8 (Excel's "CSV (Comma delimited)" writes é as one byte)
     * would otherwise become a replacement character in someone's name.
     */
    static String decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new InvalidInputException("encoding", "file", "The file is saved as UTF-16 (\"Unicode text\"), "
                    + "not UTF-8. Save it as \"CSV UTF-8\" and import it again.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidInputException("encoding", "file", "The file is not UTF-8 text: line " + line
                    + " holds a byte (0x" + String.format("%02X", bytes[at] & 0xFF) + ") that UTF-8 does not allow, "
                    + "perhaps an accented letter saved by Excel as \"CSV (Comma delimited)\". Save the file as "
                    + "\"CSV UTF-8\" and import it again. Nothing was read.");
        }
        out.flip();
        return out.toString();
    }

    /** The delimiter the header line uses most: comma, semicolon (Excel in many locales) or tab. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long n = first.chars().filter(c -> c == candidate).count();
            if (n > most) {
                most = n;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * A cell's value, trimmed. A leading apostrophe before =, +, -, @, tab or CR is what our export
     * (and careful people) put there to keep spreadsheets from running the cell as a formula: it is
     * not part of the value, so an exported file imports back unchanged.
     */
    static String cell(String raw) {
        String value = raw;
        if (value.length() > 1 && value.charAt(0) == '\'' && org.noticeboard.shared.CsvCells.FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value.strip();
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static int[] lineStarts(String text) {
        var starts = new ArrayList<Integer>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("unreadable", "file", message);
    }
}
