package org.noticeboard.ui.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.compliance.PostFound;
import org.noticeboard.compliance.PreElectionPeriod;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class AuditorViewsTest extends KaribuTest {

    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired OfficialAccountService accounts;
    @Autowired AuditService audit;
    @Autowired PolicyService policy;
    @Autowired DSLContext db;

    private OfficialAccount opr() {
        return accounts.list().stream().filter(a -> a.handle().value().equals("NorthshireOPR")).findFirst().orElseThrow();
    }

    /** Written by Cara for @NorthshireOPR, revised once, then rejected by Alex with this reason. */
    private Post rejectedPost(String text, String reason) {
        signIn("cara.curator");
        long account = opr().id();
        var draft = posts.save(null, new PostDraft(account, text, null, null, null, List.of(), Map.of()), 0);
        var revised = posts.save(draft.id(), new PostDraft(account, text + " in the day room", null, null, null, List.of(), Map.of()),
                draft.version());
        var submitted = posts.submit(revised.id(), revised.version());
        signIn("alex.approver");
        return review.reject(submitted.id(), submitted.current().number(), reason, submitted.version());
    }

    @Test
    void the_compliance_report_shows_figures_lists_and_exports_and_refuses_reversed_dates() {
        var rejected = rejectedPost("Chair exercises every Thursday", "Say which ward runs it");
        signIn("cara.curator");
        var draft = posts.save(null, new PostDraft(opr().id(), "Memory cafe on Friday afternoons", null, null, null, List.of(),
                Map.of()), 0);
        var submitted = posts.submit(draft.id(), draft.version());
        signIn("alex.approver");
        review.approve(submitted.id(), 1, submitted.version());
        // published as the sandbox would have done it (this test runs without X)
        db.execute("update post set state = 'PUBLISHED', published_at = now(), x_post_id = ? where id = ?",
                "19" + submitted.id(), submitted.id());

        signIn("aud.auditor");
        UI.getCurrent().navigate(ComplianceView.class);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<OfficialAccount> chosen = _get(MultiSelectComboBox.class, spec -> spec.withId("report-accounts"));
        chosen.setValue(Set.of(opr()));
        _get(DatePicker.class, spec -> spec.withId("report-from")).setValue(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        _get(DatePicker.class, spec -> spec.withId("report-to")).setValue(LocalDate.now(ZoneId.of("Europe/London")).plusDays(1));
        _click(_get(Button.class, spec -> spec.withId("run-report")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("report-published")).getText())
                .matches("Posts published through Noticeboard: [1-9]\\d*");
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-integrity")).getText()).startsWith("Integrity: ");
        assertThat(_get(Div.class, spec -> spec.withId("report-included")).getElement().getTextRecursively())
                .contains("Accounts: @NorthshireOPR", "not compared with X");
        @SuppressWarnings("unchecked")
        Grid<Object> rejections = _get(Grid.class, spec -> spec.withId("report-rejections"));
        assertThat(GridKt._size(rejections)).isPositive();
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(rejections))
                .mapToObj(i -> GridKt._getFormatted(rejections, i, "reason")).toList()).contains("Say which ward runs it");
        assertThat(_get(Anchor.class, spec -> spec.withId("export-pdf")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("export-csv")).getHref()).isNotBlank();
        assertThat(audit.search(AuditQuery.all().withAction("audit.viewed"), 0, 5))
                .anySatisfy(e -> assertThat(e.summary()).contains("Audrey Okafor opened the compliance report for @NorthshireOPR"));

        var to = _get(DatePicker.class, spec -> spec.withId("report-to"));
        to.setValue(LocalDate.now().minusYears(1));
        _click(_get(Button.class, spec -> spec.withId("run-report")));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("before it starts");
        assertThat(rejected.state().name()).isEqualTo("REJECTED");
    }

    @Test
    void the_dossiers_find_a_post_and_its_dossier_shows_its_whole_life_and_is_recorded() {
        var rejected = rejectedPost("Seated yoga on Tuesdays", "Name the instructor");
        signIn("aud.auditor");
        UI.getCurrent().navigate(PostDossiersView.class);
        _get(TextField.class, spec -> spec.withId("dossier-search")).setValue("Seated yoga on Tuesdays");
        @SuppressWarnings("unchecked")
        Grid<PostFound> found = _get(Grid.class, spec -> spec.withId("dossier-posts"));
        assertThat(GridKt._size(found)).isEqualTo(1);
        assertThat(GridKt._get(found, 0).id()).isEqualTo(rejected.id());

        UI.getCurrent().navigate(PostDossierView.class, rejected.id());
        assertThat(_get(Div.class, spec -> spec.withId("dossier-revisions")).getElement().getTextRecursively())
                .contains("Revision 1 by Cara Byrne", "Revision 2", "added \"in the day room\"", "checked with policy version");
        assertThat(_get(Div.class, spec -> spec.withId("dossier-decisions")).getElement().getTextRecursively())
                .contains("Rejected at step 1 by Alex Morgan", "Name the instructor");
        assertThat(_get(Div.class, spec -> spec.withId("dossier-events")).getElement().getTextRecursively())
                .contains("rejected at step 1");
        assertThat(_get(Paragraph.class, spec -> spec.withId("dossier-publication")).getText()).isEqualTo("Not published on X.");
        _get(Button.class, spec -> spec.withId("print-dossier"));
        assertThat(audit.search(AuditQuery.all().withSubject("post", String.valueOf(rejected.id())).withAction("audit.viewed"), 0, 5))
                .singleElement().satisfies(e -> assertThat(e.actorName()).isEqualTo("Audrey Okafor"));
    }

    @Test
    void the_policy_history_shows_who_changed_what_and_two_versions_side_by_side() {
        signIn("olu.admin");
        var current = policy.current();
        var settings = current.settings();
        var p = settings.parameters();
        var changed = new org.noticeboard.policy.PolicySettings(settings.rules(), new org.noticeboard.policy.PolicyParameters(
                List.of("history-test-term"), p.allowedLinkDomains(), p.deniedLinkDomains(), p.publishedPhoneNumbers(),
                p.publishedEmailAddresses(), p.hospitalNumberPattern(), p.publishingStart(), p.publishingEnd(), p.publishingDays(),
                p.preElectionPeriods(), p.politicalStakeholders(), p.capitalsPercent(), p.extraToneWords()));
        var saved = policy.save(changed, "Board's word list", current.version());

        signIn("aud.auditor");
        UI.getCurrent().navigate(PolicyHistoryView.class);
        @SuppressWarnings("unchecked")
        Grid<org.noticeboard.policy.PolicyVersion> history = _get(Grid.class, spec -> spec.withId("policy-history"));
        assertThat(GridKt._get(history, 0).version()).isEqualTo(saved.version());
        assertThat(GridKt._getFormatted(history, 0, "by")).isEqualTo("Olu Adeyemi");
        assertThat(GridKt._getFormatted(history, 0, "changes")).contains("Banned terms", "history-test-term");

        @SuppressWarnings("unchecked")
        ComboBox<Integer> left = _get(ComboBox.class, spec -> spec.withId("history-left"));
        left.setValue(current.version());
        @SuppressWarnings("unchecked")
        Grid<PolicyHistoryView.Row> side = _get(Grid.class, spec -> spec.withId("policy-side-by-side"));
        assertThat(GridKt._size(side)).isEqualTo(1);
        assertThat(GridKt._get(side, 0).setting()).isEqualTo("Banned terms");
        assertThat(GridKt._get(side, 0).right()).isEqualTo("history-test-term");
        assertThat(audit.search(AuditQuery.all().withAction("audit.viewed"), 0, 3))
                .anySatisfy(e -> assertThat(e.summary()).contains("opened the policy history"));
    }

    @Test
    void an_admin_keeps_the_pre_election_periods_and_an_auditor_reads_them() {
        signIn("olu.admin");
        UI.getCurrent().navigate(PreElectionPeriodsView.class);
        _get(TextField.class, spec -> spec.withId("period-name")).setValue("Mayoral election 2028");
        _get(DatePicker.class, spec -> spec.withId("period-from")).setValue(LocalDate.of(2028, 4, 1));
        var to = _get(DatePicker.class, spec -> spec.withId("period-to"));
        to.setValue(LocalDate.of(2028, 3, 1));
        _click(_get(Button.class, spec -> spec.withId("add-period")));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("before it starts");

        to.setValue(LocalDate.of(2028, 5, 4));
        _click(_get(Button.class, spec -> spec.withId("add-period")));
        @SuppressWarnings("unchecked")
        Grid<PreElectionPeriod> grid = _get(Grid.class, spec -> spec.withId("periods"));
        var names = java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).name()).toList();
        assertThat(names).contains("Mayoral election 2028", "County council elections 2027");

        signIn("aud.auditor");
        UI.getCurrent().navigate(PolicyHistoryView.class);
        UI.getCurrent().navigate(PreElectionPeriodsView.class);
        _assertNone(Button.class, spec -> spec.withId("add-period"));
        @SuppressWarnings("unchecked")
        Grid<PreElectionPeriod> read = _get(Grid.class, spec -> spec.withId("periods"));
        assertThat(GridKt._size(read)).isGreaterThanOrEqualTo(2);
    }
}
