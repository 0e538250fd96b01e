package org.noticeboard.compliance;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.noticeboard.compliance.ComplianceReport.Listed;

/**
 * The compliance report as PDF (OpenPDF), written to the stream page by page. The first page holds
 * the organisation, the period, when it was generated and by whom, and the integrity status; the
 * summary figures follow, then each list (at most {@link #ROWS} rows each; the CSV has every post).
 */
final class CompliancePdf {

    static final int ROWS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);

    private CompliancePdf() {}

    static void write(ComplianceReport report, OutputStream out) {
        var document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out).setCloseStream(false);
            document.addTitle("Compliance report " + report.organisationName());
            document.addCreator("Noticeboard");
            document.open();
            document.add(new Paragraph("Compliance report", TITLE));
            line(document, "Organisation: " + report.organisationName());
            line(document, "Period: " + report.from() + " to " + report.to() + " (" + report.zone() + ")");
            line(document, "Accounts: " + String.join(", ", report.accounts()));
            line(document, "Generated: " + time(report, report.generatedAt()) + " by " + report.generatedBy());
            line(document, "Integrity: " + report.integrityInWords());
            document.add(new Paragraph(" "));
            document.add(new Paragraph("Summary", HEADING));
            var share = report.compliantShare();
            line(document, "Posts published through Noticeboard: " + report.published());
            line(document, "Posts found on X outside Noticeboard: " + report.outsideNoticeboard());
            line(document, "Published with all required approvals: " + report.publishedWithAllApprovals() + " of "
                    + report.totalOnAccounts() + (share == null ? "" : " (" + share + "%)"));
            line(document, "Breaches: " + report.breaches().total());
            line(document, "Overridden warnings: " + report.overrides().total());
            line(document, "Rejections: " + report.rejections().total());
            line(document, "Approval lead time: median " + ComplianceReport.LeadTimes.words(report.leadTimes().median())
                    + ", 90th percentile " + ComplianceReport.LeadTimes.words(report.leadTimes().p90()) + " (over "
                    + report.leadTimes().count() + " posts)");
            line(document, "Posts naming political stakeholders in pre-election periods: " + report.political().total());
            document.add(new Paragraph(" "));
            document.add(new Paragraph("What this report includes", HEADING));
            report.included().forEach(note -> line(document, note));
            report.xComparison().forEach(note -> line(document, "X: " + note));

            document.newPage();
            table(document, "Breaches", report.breaches(), List.of("Kind", "Account", "Post", "X id", "When", "Detail"),
                    b -> List.of(b.kind().label(), b.account(), b.postId() == null ? "-" : "#" + b.postId(),
                            b.xPostId() == null ? "-" : b.xPostId(), time(report, b.at()), b.detail()));
            table(document, "Overridden warnings", report.overrides(), List.of("Post", "Account", "Published", "Rule", "Warning",
                    "Justification"), o -> List.of("#" + o.postId(), o.account(), time(report, o.publishedAt()), o.ruleId(),
                            o.message(), o.justification()));
            table(document, "Rejections", report.rejections(), List.of("Post", "Account", "When", "Step", "By", "Reason"),
                    r -> List.of("#" + r.postId(), r.account(), time(report, r.at()), String.valueOf(r.step()), r.approverName(),
                            r.reason()));
            table(document, "Political stakeholders named in pre-election periods", report.political(),
                    List.of("Post", "Account", "Published", "Named", "Period"), p -> List.of("#" + p.postId(), p.account(),
                            time(report, p.publishedAt()), String.join(" ", p.handles()), p.period()));
            table(document, "Published by Noticeboard, no longer on X", report.deletedOnX(),
                    List.of("Post", "Account", "X id", "Published"), d -> List.of("#" + d.postId(), d.account(), d.xPostId(),
                            time(report, d.publishedAt())));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be written: " + e.getMessage(), e);
        }
    }

    private static <T> void table(Document document, String title, Listed<T> list, List<String> headers,
            Function<T, List<String>> row) {
        document.add(new Paragraph(title + " (" + list.total() + ")", HEADING));
        if (list.total() == 0) {
            line(document, "None.");
            document.add(new Paragraph(" "));
            return;
        }
        var table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headers.forEach(h -> table.addCell(new Phrase(h, SMALL_BOLD)));
        int shown = 0;
        for (T item : list.items()) {
            if (shown++ == ROWS) {
                break;
            }
            // untrusted text (posts from X) goes in as plain text: PDF cells do not interpret markup
            row.apply(item).forEach(cell -> table.addCell(new Phrase(cell, SMALL)));
        }
        document.add(table);
        int left = list.total() - Math.min(ROWS, list.items().size());
        if (left > 0) {
            line(document, left + " more not shown here; the CSV export lists every post.");
        }
        document.add(new Paragraph(" "));
    }

    private static void line(Document document, String text) {
        document.add(new Paragraph(new Chunk(text, BODY)));
    }

    private static String time(ComplianceReport report, @Nullable Instant at) {
        return at == null ? "-" : TIME.format(at.atZone(report.zone()));
    }
}
