package org.noticeboard.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.noticeboard.shared.DomainException;

/**
 * The CSV importer's reading and cleaning over generated input, large and hostile: arbitrary bytes,
 * and CSV-shaped text built from the pieces that break parsers (quotes, separators, line breaks,
 * byte-order marks, formula prefixes, right-to-left marks, very long cells). Whatever comes in, the
 * reader either gives rows or refuses the file in words (an {@link DomainException}); nothing else
 * escapes, and every cell it gives is cleaned or refused in words too. Exported cells never start
 * a formula. jqwik runs each property 200 to 1,000 times; the largest inputs are about 1 MB. Every
 * read stays within {@link org.noticeboard.testing.Bounded}'s time and memory bounds for its size.
 */
class CsvFuzzProperties {

    @Property(tries = 1000)
    void arbitrary_bytes_are_read_or_refused_in_words(@ForAll @Size(max = 4096) byte[] bytes) {
        readOrRefuse(bytes);
    }

    @Property(tries = 500)
    void csv_shaped_text_is_read_or_refused_in_words_and_every_row_is_cleaned_or_refused(
            @ForAll("csvText") String text) {
        var parsed = readOrRefuse(text.getBytes(StandardCharsets.UTF_8));
        if (parsed == null) {
            return;
        }
        assertThat(parsed.rows()).hasSizeLessThanOrEqualTo(CsvFile.MAX_ROWS);
        for (CsvFile.Row row : parsed.rows()) {
            try {
                var category = StakeholderCategory.match(row.cell(CsvFile.Field.CATEGORY)).orElse(StakeholderCategory.OTHER);
                StakeholderFields.clean(StakeholderDraft.of(row.cell(CsvFile.Field.HANDLE), row.cell(CsvFile.Field.NAME),
                        category).withRegion(row.cell(CsvFile.Field.REGION)).withNotes(row.cell(CsvFile.Field.NOTES)));
            } catch (DomainException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 200)
    void large_files_are_read_or_refused_whole(@ForAll("largeCsv") String text) {
        readOrRefuse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void exported_cells_never_start_a_formula(@ForAll("cells") String cell) {
        String out = org.noticeboard.shared.CsvCells.neutralise(cell);
        assertThat(out).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                .doesNotStartWith("\t").doesNotStartWith("\r");
    }

    private static CsvFile.@org.jspecify.annotations.Nullable Parsed readOrRefuse(byte[] bytes) {
        try {
            return org.noticeboard.testing.Bounded.call(bytes.length, () -> CsvFile.read(bytes));
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        }
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> prefix = Arbitraries.of("", "=", "+", "-", "@", "\t", "\r", " =", "\u200F=", "==", "=HYPERLINK(");
        return net.jqwik.api.Combinators.combine(prefix, Arbitraries.strings().ofMaxLength(40)).as(String::concat);
    }

    @Provide
    Arbitrary<String> csvText() {
        Arbitrary<String> header = Arbitraries.of("handle,name,category,region,topics,notes", "Twitter;Full name;Type",
                "\uFEFFX handle,Name", "name,website", "\"handle\",\"name\"", "", "handle\tname\tcategory");
        Arbitrary<String> piece = Arbitraries.of(",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "\r", "@", "=HYPERLINK(\"x\")",
                "+1", "-2", "\u200F", "\u202E", "\uFEFF", "😀", "think tank", "charity", "MP", "Wales", "a".repeat(300),
                "NHSEngland", "kings_fund", "x".repeat(16), " ", "é", "\u0000", "<script>alert(1)</script>");
        Arbitrary<String> body = piece.list().ofMaxSize(400).map(list -> String.join("", list));
        return net.jqwik.api.Combinators.combine(header, body).as((h, b) -> h + "\r\n" + b);
    }

    @Provide
    Arbitrary<String> largeCsv() {
        Arbitrary<String> row = Arbitraries.of("Handle%d,Name %d,charity,Wales,a; b,note\r\n",
                "\"Handle%d\",\"Name, %d\",think tank,,\"line\r\nbreak\",\r\n", "Handle%d,=cmd|' /C calc'!A%d,charity\r\n",
                "bad handle %d,Name %d\r\n");
        return Arbitraries.integers().between(1, 12_000).flatMap(count -> row.map(pattern -> {
            var text = new StringBuilder("handle,name,category,region,topics,notes\r\n");
            for (int i = 0; i < count; i++) {
                text.append(pattern.replace("%d", String.valueOf(i)));
            }
            return text.toString();
        }));
    }
}
