package org.noticeboard.ui.policy;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.policy.DateRange;
import org.noticeboard.policy.PolicyParameters;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.PolicySettings;
import org.noticeboard.policy.PolicyVersion;
import org.noticeboard.policy.RuleCatalog;
import org.noticeboard.policy.RuleInfo;
import org.noticeboard.policy.RuleSetting;
import org.noticeboard.policy.Severity;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.ui.shell.Feedback;

/**
 * The organisation's policy: admins turn rules on or off, set severities and parameters, and
 * save each change as a new version; admins and auditors read every version and compare any two.
 */
@Route("policy")
@PageTitle("Policy | Noticeboard")
@Menu(title = "Policy", order = 60, icon = "vaadin:clipboard-check")
@RolesAllowed({"ORG_ADMIN", "AUDITOR"})
public class PolicyView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final PolicyService policy;
    private final OrganisationService organisations;
    private final boolean admin;

    private final Map<String, Checkbox> enabled = new LinkedHashMap<>();
    private final Map<String, Select<Severity>> severities = new LinkedHashMap<>();
    private final TextArea banned = lines("Banned terms", "param-banned");
    private final TextArea allowedDomains = lines("Allowed link domains (empty: any)", "param-allowed");
    private final TextArea deniedDomains = lines("Denied link domains", "param-denied");
    private final TextArea phones = lines("Published phone numbers (may appear in posts)", "param-phones");
    private final TextArea emails = lines("Published e-mail addresses (may appear in posts)", "param-emails");
    private final TextField hospital = new TextField("Hospital-number pattern (regular expression)");
    private final TimePicker start = new TimePicker("Publishing hours from");
    private final TimePicker end = new TimePicker("to");
    private final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Publishing days");
    private final TextArea periods = lines("Pre-election periods (one per line: 2027-04-01 to 2027-05-06)", "param-periods");
    private final TextArea political = lines("Political stakeholders (@handles or names)", "param-political");
    private final IntegerField capitals = new IntegerField("Capitals that count as shouting (%)");
    private final TextArea toneWords = lines("Extra tone words", "param-tone");
    private final TextField note = new TextField("What changed and why (optional)");
    private final Span versionLabel = new Span();
    private final Grid<PolicyVersion> versions = new Grid<>();
    private final Select<Integer> compareFrom = new Select<>();
    private final Select<Integer> compareTo = new Select<>();
    private final Div differences = new Div();
    private int basedOn;

    public PolicyView(PolicyService policy, MemberService members, OrganisationService organisations,
            org.noticeboard.audit.AuditService audit) {
        this.policy = policy;
        this.organisations = organisations;
        this.admin = members.me().grants().stream().anyMatch(g -> g.role() == Role.ORG_ADMIN);
        // an auditor reading the policy is recorded, like every page of theirs
        audit.opened("the policy", "policy", "current");
        setMaxWidth("80rem");
        add(new H2("Policy"));
        versionLabel.setId("policy-version");
        add(versionLabel);

        add(new H3("Rules"));
        for (RuleInfo rule : RuleCatalog.all()) {
            var on = new Checkbox(rule.title());
            on.setId("rule-" + rule.id() + "-on");
            var severity = new Select<Severity>();
            severity.setId("rule-" + rule.id() + "-severity");
            severity.setItems(Severity.values());
            severity.setWidth("8rem");
            var description = new Span(rule.description());
            description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            var row = new HorizontalLayout(on, severity, description);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            enabled.put(rule.id(), on);
            severities.put(rule.id(), severity);
            add(row);
        }

        add(new H3("Parameters"));
        hospital.setId("param-hospital");
        hospital.setWidth("30rem");
        hospital.setPlaceholder("e.g. RX[0-9]{6}");
        start.setId("param-start");
        end.setId("param-end");
        days.setId("param-days");
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.UK));
        capitals.setId("param-capitals");
        capitals.setMin(1);
        capitals.setMax(100);
        var lists = new HorizontalLayout(banned, toneWords, political);
        var links = new HorizontalLayout(allowedDomains, deniedDomains);
        var published = new HorizontalLayout(phones, emails);
        var hours = new HorizontalLayout(start, end, days);
        hours.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(lists, links, published, hospital, hours, periods, capitals);

        if (admin) {
            note.setId("policy-note");
            note.setWidth("40rem");
            var save = new Button("Save as a new version", e -> save());
            save.setId("save-policy");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var saving = new HorizontalLayout(note, save);
            saving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(saving);
        } else {
            add(new Paragraph("You can read the policy and its history; organisation admins change it."));
        }

        add(new H3("Versions"));
        versions.setId("policy-versions");
        versions.addColumn(PolicyVersion::version).setHeader("Version").setKey("version").setAutoWidth(true);
        versions.addColumn(PolicyVersion::createdByName).setHeader("Saved by").setKey("by").setAutoWidth(true);
        versions.addColumn(v -> TIME.format(v.createdAt().atZone(organisations.current().timeZone())))
                .setHeader("When").setKey("when").setAutoWidth(true);
        versions.addColumn(v -> v.note() == null ? "" : v.note()).setHeader("Note").setKey("note").setFlexGrow(2);
        versions.setAllRowsVisible(true);
        add(versions);
        compareFrom.setId("compare-from");
        compareFrom.setLabel("Compare version");
        compareTo.setId("compare-to");
        compareTo.setLabel("with version");
        var compare = new Button("Show differences", e -> compare());
        compare.setId("compare-versions");
        var comparing = new HorizontalLayout(compareFrom, compareTo, compare);
        comparing.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        differences.setId("policy-differences");
        add(comparing, differences);

        load(policy.current());
    }

    private static TextArea lines(String label, String id) {
        var area = new TextArea(label);
        area.setId(id);
        area.setWidth("22rem");
        area.setMinHeight("6rem");
        area.setHelperText("One per line");
        return area;
    }

    private void load(PolicyVersion current) {
        basedOn = current.version();
        versionLabel.setText("Version " + current.version() + " is in force, saved by " + current.createdByName() + " on "
                + TIME.format(current.createdAt().atZone(organisations.current().timeZone())) + ".");
        PolicySettings settings = current.settings();
        for (RuleInfo rule : RuleCatalog.all()) {
            RuleSetting setting = settings.rule(rule.id());
            enabled.get(rule.id()).setValue(setting.enabled());
            severities.get(rule.id()).setValue(setting.severity());
        }
        var p = settings.parameters();
        banned.setValue(String.join("\n", p.bannedTerms()));
        allowedDomains.setValue(String.join("\n", p.allowedLinkDomains()));
        deniedDomains.setValue(String.join("\n", p.deniedLinkDomains()));
        phones.setValue(String.join("\n", p.publishedPhoneNumbers()));
        emails.setValue(String.join("\n", p.publishedEmailAddresses()));
        hospital.setValue(p.hospitalNumberPattern() == null ? "" : p.hospitalNumberPattern());
        start.setValue(p.publishingStart());
        end.setValue(p.publishingEnd());
        days.setValue(p.publishingDays());
        periods.setValue(String.join("\n", p.preElectionPeriods().stream().map(r -> r.from() + " to " + r.to()).toList()));
        political.setValue(String.join("\n", p.politicalStakeholders()));
        capitals.setValue(p.capitalsPercent());
        toneWords.setValue(String.join("\n", p.extraToneWords()));
        note.clear();
        if (!admin) {
            enabled.values().forEach(c -> c.setReadOnly(true));
            severities.values().forEach(s -> s.setReadOnly(true));
            List.of(banned, allowedDomains, deniedDomains, phones, emails, periods, political, toneWords).forEach(a -> a.setReadOnly(true));
            hospital.setReadOnly(true);
            start.setReadOnly(true);
            end.setReadOnly(true);
            days.setReadOnly(true);
            capitals.setReadOnly(true);
        }
        var all = policy.versions();
        versions.setItems(all);
        var numbers = all.stream().map(PolicyVersion::version).toList();
        compareFrom.setItems(numbers);
        compareTo.setItems(numbers);
        if (numbers.size() > 1) {
            compareFrom.setValue(numbers.get(1));
            compareTo.setValue(numbers.getFirst());
        }
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("bannedTerms", banned);
        fields.put("allowedLinkDomains", allowedDomains);
        fields.put("deniedLinkDomains", deniedDomains);
        fields.put("hospitalNumberPattern", hospital);
        fields.put("publishingStart", start);
        fields.put("preElectionPeriods", periods);
        fields.put("capitalsPercent", capitals);
        if (Feedback.attempt(() -> {
            var saved = policy.save(settings(), note.getValue(), basedOn);
            Feedback.success("Policy version " + saved.version() + " saved and in force.");
            load(saved);
        }, fields)) {
            compare();
        }
    }

    /** What is on screen as settings; a malformed period line is refused here, naming its line. */
    PolicySettings settings() {
        var rules = new HashMap<String, RuleSetting>();
        enabled.forEach((id, on) -> rules.put(id, new RuleSetting(on.getValue(),
                severities.get(id).getValue() == null ? RuleCatalog.get(id).defaultSeverity() : severities.get(id).getValue())));
        var ranges = new ArrayList<DateRange>();
        var periodLines = split(periods.getValue());
        for (int i = 0; i < periodLines.size(); i++) {
            String[] parts = periodLines.get(i).split("\\s*(?:to|–|-{1,2}(?=\\s)|\\.\\.)\\s*");
            try {
                if (parts.length != 2) {
                    throw new DateTimeParseException("two dates", periodLines.get(i), 0);
                }
                ranges.add(new DateRange(LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip())));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("period", "preElectionPeriods", "Line " + (i + 1)
                        + " of the pre-election periods, \"" + periodLines.get(i) + "\", is not two dates like 2027-04-01 to 2027-05-06.");
            }
        }
        return new PolicySettings(rules, new PolicyParameters(split(banned.getValue()), split(allowedDomains.getValue()),
                split(deniedDomains.getValue()), split(phones.getValue()), split(emails.getValue()),
                hospital.getValue().isBlank() ? null : hospital.getValue(), start.getValue(), end.getValue(),
                days.getValue(), ranges, split(political.getValue()), capitals.getValue() == null ? 0 : capitals.getValue(),
                split(toneWords.getValue())));
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void compare() {
        differences.removeAll();
        Integer from = compareFrom.getValue();
        Integer to = compareTo.getValue();
        if (from == null || to == null) {
            return;
        }
        var lines = policy.differences(from, to);
        if (lines.isEmpty()) {
            differences.add(new Paragraph("Versions " + from + " and " + to + " are the same."));
        }
        lines.forEach(line -> differences.add(new Div(line)));
    }
}
