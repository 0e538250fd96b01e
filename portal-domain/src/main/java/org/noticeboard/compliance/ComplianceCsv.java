package org.noticeboard.compliance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.noticeboard.compliance.ComplianceReport.Breach;
import org.noticeboard.compliance.ComplianceReport.BreachKind;
import org.noticeboard.shared.CsvCells;

/**
 * The compliance report as CSV: summary as "#" comment lines, then one row per post, written as the
 * scan finds them. Names and justifications are people's text: cells a spreadsheet would run as
 * formulas are neutralised ({@link CsvCells}).
 */
final class ComplianceCsv {

    static final String[] HEADER = {"kind", "post_id", "account", "author", "submitted_at", "published_at", "x_post_id",
            "all_required_approvals", "missing_approvals", "approval_lead_time_minutes", "overridden_warnings",
            "political_stakeholders_named", "pre_election_period"};

    private ComplianceCsv() {}

    static void write(ComplianceReport report, OutputStream out, Consumer<Consumer<PublishedPost>> posts) {
        var format = CSVFormat.RFC4180.builder().setCommentMarker('#').get();
        try {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            var csv = new CSVPrinter(writer, format);
            csv.printComment("Compliance report: " + report.organisationName());
            csv.printComment("Period: " + report.from() + " to " + report.to() + " (" + report.zone() + ")");
            csv.printComment("Accounts: " + String.join(", ", report.accounts()));
            csv.printComment("Generated: " + report.generatedAt() + " by " + report.generatedBy());
            csv.printComment("Integrity: " + report.integrityInWords());
            csv.printComment("Published through Noticeboard: " + report.published());
            csv.printComment("Found on X outside Noticeboard: " + report.outsideNoticeboard());
            csv.printComment("Published with all required approvals: " + report.publishedWithAllApprovals()
                    + (report.compliantShare() == null ? "" : " (" + report.compliantShare() + "%)"));
            csv.printComment("Breaches: " + report.breaches().total());
            csv.printComment("Overridden warnings: " + report.overrides().total());
            csv.printComment("Rejections: " + report.rejections().total());
            csv.printComment("Approval lead time: median " + ComplianceReport.LeadTimes.words(report.leadTimes().median())
                    + ", 90th percentile " + ComplianceReport.LeadTimes.words(report.leadTimes().p90()) + " over "
                    + report.leadTimes().count() + " posts");
            csv.printComment("Posts naming political stakeholders in pre-election periods: " + report.political().total());
            for (String note : report.xComparison()) {
                csv.printComment("X: " + note);
            }
            for (String note : report.included()) {
                csv.printComment("Included: " + note);
            }
            csv.printRecord((Object[]) HEADER);
            posts.accept(post -> {
                try {
                    csv.printRecord(CsvCells.row(post.allApprovals() ? "PUBLISHED" : "BREACH", post.id(), post.account(),
                            post.authorName(), post.submittedAt(), post.publishedAt(), post.xPostId(),
                            post.allApprovals() ? "yes" : "no", String.join("; ", post.missing()),
                            post.leadSeconds() == null ? "" : post.leadSeconds() / 60,
                            String.join("; ", post.overrides().stream().map(o -> o.ruleId() + ": " + o.justification()).toList()),
                            String.join(" ", post.politicalHandles()), post.period() == null ? "" : post.period()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (Breach breach : report.breaches().items()) {
                if (breach.kind() == BreachKind.OUTSIDE_NOTICEBOARD) {
                    csv.printRecord(CsvCells.row("OUTSIDE_NOTICEBOARD", "", breach.account(), "", "", breach.at(),
                            breach.xPostId(), "no", breach.detail(), "", "", "", ""));
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV could not be written", e);
        }
    }
}
