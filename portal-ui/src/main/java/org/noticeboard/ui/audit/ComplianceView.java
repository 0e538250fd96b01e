package org.noticeboard.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditService;
import org.noticeboard.compliance.ComplianceReport;
import org.noticeboard.compliance.ComplianceRequest;
import org.noticeboard.compliance.ComplianceService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.ui.shell.Feedback;

/**
 * The compliance report for a period and some accounts: the figures, every breach (missing
 * approvals, posts on X that did not come through Noticeboard), overridden warnings, rejections,
 * lead times and political mentions in pre-election periods; and its CSV and PDF exports.
 */
@Route("compliance")
@PageTitle("Compliance report | Noticeboard")
@Menu(title = "Compliance report", order = 92, icon = "vaadin:chart")
@RolesAllowed({"AUDITOR", "ORG_ADMIN"})
public class ComplianceView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final ComplianceService compliance;
    private final ZoneId zone;
    private final DatePicker from = new DatePicker("First day");
    private final DatePicker to = new DatePicker("Last day");
    private final MultiSelectComboBox<OfficialAccount> accounts = new MultiSelectComboBox<>("Accounts (none chosen: all)");
    private final Div result = new Div();

    public ComplianceView(ComplianceService compliance, OfficialAccountService accountService, OrganisationService organisations,
            AuditService audit) {
        this.compliance = compliance;
        this.zone = organisations.current().timeZone();
        add(new H2("Compliance report"));
        LocalDate today = LocalDate.now(zone);
        from.setId("report-from");
        from.setValue(today.withDayOfMonth(1));
        to.setId("report-to");
        to.setValue(today);
        accounts.setId("report-accounts");
        accounts.setItems(accountService.list());
        accounts.setItemLabelGenerator(a -> a.handle().value());
        var run = new Button("Run report", e -> run());
        run.setId("run-report");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var csv = Downloads.link("export-csv", "Export CSV", () -> "compliance-" + from.getValue() + "-" + to.getValue() + ".csv",
                "text/csv; charset=UTF-8", out -> compliance.exportCsv(request(), out));
        var pdf = Downloads.link("export-pdf", "Export PDF", () -> "compliance-" + from.getValue() + "-" + to.getValue() + ".pdf",
                "application/pdf", out -> compliance.exportPdf(request(), out));
        var form = new HorizontalLayout(from, to, accounts, run, csv, pdf);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        var limits = new Paragraph("A report covers at most " + ComplianceRequest.MAX_DAYS + " days. Lists on this page and in the "
                + "PDF show their first rows with the total; the CSV has one row per post.");
        limits.getStyle().set("color", "var(--lumo-secondary-text-color)");
        result.setId("report-result");
        result.setWidthFull();
        add(form, limits, result);
        audit.opened("the compliance report page", "compliance_report", "page");
    }

    ComplianceRequest request() {
        return new ComplianceRequest(from.getValue(), to.getValue(), accounts.getValue().stream().map(OfficialAccount::id).toList());
    }

    void run() {
        Feedback.attempt(() -> show(compliance.report(request())), Map.of("from", from, "to", to));
    }

    private void show(ComplianceReport report) {
        result.removeAll();
        var share = report.compliantShare();
        result.add(figure("report-integrity", "Integrity: " + report.integrityInWords()));
        result.add(figure("report-published", "Posts published through Noticeboard: " + report.published()));
        result.add(figure("report-outside", "Posts found on X outside Noticeboard: " + report.outsideNoticeboard()));
        result.add(figure("report-share", "Published with all required approvals: " + report.publishedWithAllApprovals() + " of "
                + report.totalOnAccounts() + (share == null ? "" : " (" + share + "%)")));
        result.add(figure("report-lead", "Approval lead time: median " + ComplianceReport.LeadTimes.words(report.leadTimes().median())
                + ", 90th percentile " + ComplianceReport.LeadTimes.words(report.leadTimes().p90()) + " (over "
                + report.leadTimes().count() + " posts)"));
        var included = new Div();
        included.setId("report-included");
        report.included().forEach(line -> included.add(new Div(line)));
        report.xComparison().forEach(line -> included.add(new Div("X: " + line)));
        result.add(included);

        result.add(section("Breaches", report.breaches()));
        result.add(grid("report-breaches", report.breaches().items(), List.of(
                col("Kind", b -> b.kind().label()), col("Account", ComplianceReport.Breach::account),
                col("Post", b -> b.postId() == null ? "-" : "#" + b.postId()), col("X id", b -> nn(b.xPostId())),
                col("When", b -> time(b.at())), col("Detail", ComplianceReport.Breach::detail))));
        result.add(section("Overridden warnings", report.overrides()));
        result.add(grid("report-overrides", report.overrides().items(), List.of(
                col("Post", o -> "#" + o.postId()), col("Account", ComplianceReport.OverriddenWarning::account),
                col("Rule", ComplianceReport.OverriddenWarning::ruleId), col("Warning", ComplianceReport.OverriddenWarning::message),
                col("Justification", ComplianceReport.OverriddenWarning::justification))));
        result.add(section("Rejections", report.rejections()));
        result.add(grid("report-rejections", report.rejections().items(), List.of(
                col("Post", r -> "#" + r.postId()), col("When", r -> time(r.at())), col("Step", r -> String.valueOf(r.step())),
                col("By", ComplianceReport.Rejection::approverName), col("Reason", ComplianceReport.Rejection::reason))));
        result.add(section("Political stakeholders named in pre-election periods", report.political()));
        result.add(grid("report-political", report.political().items(), List.of(
                col("Post", p -> "#" + p.postId()), col("Published", p -> time(p.publishedAt())),
                col("Named", p -> String.join(" ", p.handles())), col("Period", ComplianceReport.PoliticalMention::period))));
        result.add(section("Published by Noticeboard, no longer on X", report.deletedOnX()));
        result.add(grid("report-deleted", report.deletedOnX().items(), List.of(
                col("Post", d -> "#" + d.postId()), col("X id", ComplianceReport.DeletedOnX::xPostId),
                col("Published", d -> time(d.publishedAt())))));
    }

    private static Paragraph figure(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    private static H3 section(String title, ComplianceReport.Listed<?> list) {
        return new H3(title + " (" + list.total() + (list.truncated() ? ", first " + list.items().size() + " shown" : "") + ")");
    }

    record Col<T>(String header, java.util.function.Function<T, String> value) {}

    static <T> Col<T> col(String header, java.util.function.Function<T, String> value) {
        return new Col<>(header, value);
    }

    /** Every cell is plain text: post texts from X are untrusted. */
    private static <T> Grid<T> grid(String id, List<T> items, List<Col<T>> columns) {
        var grid = new Grid<T>();
        grid.setId(id);
        columns.forEach(c -> grid.addColumn(t -> c.value().apply(t)).setHeader(c.header()).setKey(c.header().toLowerCase(java.util.Locale.ROOT))
                .setAutoWidth(true));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 50);
        if (items.size() > 50) {
            grid.setHeight("30em");
        }
        return grid;
    }

    private String time(@Nullable Instant at) {
        return at == null ? "-" : TIME.format(at.atZone(zone));
    }

    private static String nn(@Nullable String value) {
        return value == null ? "-" : value;
    }
}
