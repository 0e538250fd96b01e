package org.noticeboard.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.AUDIT_EVENT;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_CHANGE;
import static org.noticeboard.db.jooq.Tables.FOLLOW_LIST_MEMBER;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.ListChange;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.stakeholder.CsvRow.Outcome;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class StakeholderCsvTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired StakeholderCsv csv;
    @Autowired StakeholderService directory;
    @Autowired FollowListService lists;
    @Autowired DSLContext db;

    World.Org trust;
    long curator;

    @BeforeEach
    void setUp() {
        trust = world.organisation("Import Trust");
        curator = trust.member(Role.CURATOR);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    CsvPreview preview(String text) {
        return caller.as(curator, () -> csv.preview(utf8(text), null));
    }

    int stakeholders() {
        return db.fetchCount(STAKEHOLDER, STAKEHOLDER.ORGANISATION_ID.eq(trust.organisation().id()));
    }

    int auditEvents() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ORGANISATION_ID.eq(trust.organisation().id()));
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_the_first_bad_line() {
        byte[] latin1 = "handle,name\nAgeUK,Age UK\nCafeNHS,Caf\u00e9 NHS\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> caller.as(curator, () -> csv.preview(latin1, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo("encoding");
                    assertThat(e.getMessage()).contains("not UTF-8").contains("line 3").contains("0xE9")
                            .contains("CSV UTF-8");
                });
        byte[] utf16 = "handle,name\nAgeUK,Age UK\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThatThrownBy(() -> caller.as(curator, () -> csv.preview(withBom, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void a_utf8_byte_order_mark_is_accepted_and_not_part_of_the_first_header() {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(utf8("handle,name\nCafeNHS,Caf\u00e9 NHS\n"));

        var preview = caller.as(curator, () -> csv.preview(bytes.toByteArray(), null));

        assertThat(preview.rows()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.ADD);
            assertThat(r.name()).isEqualTo("Caf\u00e9 NHS");
        });
    }

    @Test
    void a_missing_handle_or_name_column_refuses_the_file_saying_which() {
        assertThatThrownBy(() -> preview("full name,region\nAge UK,England\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo("missing_column");
                    assertThat(e.getMessage()).contains("no column for the X handle").doesNotContain("for the name")
                            .contains("full name, region");
                });
        assertThatThrownBy(() -> preview("twitter,region\nAgeUK,England\n"))
                .hasMessageContaining("no column for the name").hasMessageNotContaining("X handle (");
        assertThatThrownBy(() -> preview("region,topics\nEngland,falls\n"))
                .hasMessageContaining("the X handle").hasMessageContaining("and the name");
        assertThatThrownBy(() -> preview("handle,name,full name\nAgeUK,Age UK,Age UK\n"))
                .hasMessageContaining("Two columns are read as the name");
        assertThatThrownBy(() -> preview("handle,name\n"))
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> preview("handle,name\n\"AgeUK,Age UK\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quoted cell is not closed");
    }

    @Test
    void headers_are_matched_loosely_and_semicolon_files_are_read() {
        var preview = preview("""
                Twitter Handle;Full_Name;TYPE;Area;Tags;Comments;Political-Flag;Email
                @AgeUK;Age UK;charities;England;older people | loneliness;Met at conference;no;info@ageuk.org.uk
                JaneSmithMP;Jane Smith;Member of Parliament;North East;falls;;yes;
                """);

        assertThat(preview.columns()).containsEntry("X handle", "Twitter Handle").containsEntry("name", "Full_Name")
                .containsEntry("category", "TYPE").containsEntry("region", "Area").containsEntry("topics", "Tags")
                .containsEntry("notes", "Comments").containsEntry("political flag", "Political-Flag");
        assertThat(preview.ignoredColumns()).containsExactly("Email");
        assertThat(preview.adds()).isEqualTo(2);
        var result = caller.as(curator, () -> csv.commit(preview.token(), null));
        assertThat(result.added()).isEqualTo(2);
        var ageUk = caller.as(curator, () -> directory.search(StakeholderQuery.all().withText("ageuk"), 0, 5))
                .stakeholders().getFirst();
        assertThat(ageUk.handle().value()).isEqualTo("AgeUK");
        assertThat(ageUk.category()).isEqualTo(StakeholderCategory.CHARITY);
        assertThat(ageUk.region()).isEqualTo("England");
        assertThat(ageUk.topics()).containsExactly("older people", "loneliness");
        assertThat(ageUk.notes()).isEqualTo("Met at conference");
        assertThat(ageUk.political()).isFalse();
        assertThat(ageUk.checkedAt()).isNull();
        var mp = caller.as(curator, () -> directory.search(StakeholderQuery.all().withPolitical(true), 0, 5)).stakeholders();
        assertThat(mp).singleElement().satisfies(s -> assertThat(s.category()).isEqualTo(StakeholderCategory.MP));
    }

    @Test
    void quoted_cells_may_span_lines_and_rows_say_which_line_they_start_on() {
        var preview = preview("""
                handle,name,notes
                AgeUK,Age UK,"Two lines:
                met at the conference, ""older people"" lead"
                NuffieldTrust,"The Nuffield
                Trust",
                bad handle!,Someone,
                """);

        assertThat(preview.rows()).extracting(CsvRow::row, CsvRow::line, CsvRow::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 2, Outcome.ADD),
                org.assertj.core.groups.Tuple.tuple(2, 4, Outcome.ADD),
                org.assertj.core.groups.Tuple.tuple(3, 6, Outcome.REFUSE));
        assertThat(preview.rows().get(1).name()).isEqualTo("The Nuffield Trust");
        caller.run(curator, () -> csv.commit(preview.token(), null));
        var ageUk = caller.as(curator, () -> directory.search(StakeholderQuery.all().withText("age uk"), 0, 5))
                .stakeholders().getFirst();
        assertThat(ageUk.notes()).isEqualTo("Two lines:\nmet at the conference, \"older people\" lead");
    }

    @Test
    void each_bad_row_is_refused_with_its_reason_and_the_others_still_import() {
        var preview = preview("""
                handle,name,category,political
                AgeUK,Age UK,Charity,
                not a handle,Someone,Charity,
                much_too_long_for_x,Someone,Charity,
                ,No handle,Charity,
                NoName,,Charity,
                Strange,Strange,Wizard,
                Flag,Flag,Media,maybe
                ageuk,Age UK again,Charity,
                """);

        assertThat(preview.rows()).extracting(CsvRow::outcome).containsExactly(Outcome.ADD, Outcome.REFUSE,
                Outcome.REFUSE, Outcome.REFUSE, Outcome.REFUSE, Outcome.REFUSE, Outcome.REFUSE, Outcome.REFUSE);
        assertThat(preview.refused()).extracting(CsvRow::message).satisfiesExactly(
                m -> assertThat(m).contains("is not an X handle"),
                m -> assertThat(m).contains("19 characters long"),
                m -> assertThat(m).isEqualTo("The X handle is missing."),
                m -> assertThat(m).isEqualTo("The name is missing."),
                m -> assertThat(m).contains("Unknown category \"Wizard\"").contains("Think tank"),
                m -> assertThat(m).contains("write yes or no"),
                m -> assertThat(m).contains("Duplicate of row 1"));
        assertThat(preview.adds()).isEqualTo(1);
        assertThat(preview.refusals()).isEqualTo(7);
        var result = caller.as(curator, () -> csv.commit(preview.token(), null));
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(7);
        assertThat(stakeholders()).isEqualTo(1);
    }

    @Test
    void categories_are_matched_loosely_to_labels_names_and_common_words() {
        assertThat(StakeholderCategory.match("Think-Tank")).contains(StakeholderCategory.THINK_TANK);
        assertThat(StakeholderCategory.match("THINK_TANK")).contains(StakeholderCategory.THINK_TANK);
        assertThat(StakeholderCategory.match("think tanks")).contains(StakeholderCategory.THINK_TANK);
        assertThat(StakeholderCategory.match("ICB / Health Board")).contains(StakeholderCategory.ICB_HEALTH_BOARD);
        assertThat(StakeholderCategory.match("health board")).contains(StakeholderCategory.ICB_HEALTH_BOARD);
        assertThat(StakeholderCategory.match("MSP")).contains(StakeholderCategory.DEVOLVED_MEMBER);
        assertThat(StakeholderCategory.match("MPs")).contains(StakeholderCategory.MP);
        assertThat(StakeholderCategory.match("royal colleges")).contains(StakeholderCategory.ROYAL_COLLEGE);
        assertThat(StakeholderCategory.match("AHP leader")).contains(StakeholderCategory.AHP_LEADER);
        assertThat(StakeholderCategory.match("wizard")).isEmpty();
    }

    @Test
    void preview_writes_nothing_and_a_merge_lists_the_fields_it_would_change() {
        var existing = caller.as(curator, () -> directory.add(StakeholderDraft.of("TheKingsFund", "The King's Fund",
                StakeholderCategory.THINK_TANK).withTopics(List.of("funding")).withNotes("Keep"))).stakeholder();
        int before = stakeholders();
        int audited = auditEvents();

        var preview = preview("""
                handle,name,category,region,topics,notes
                thekingsfund,The King's Fund,,London,workforce;funding,
                NuffieldTrust,The Nuffield Trust,think tank,London,,
                """);

        assertThat(stakeholders()).isEqualTo(before);
        assertThat(auditEvents()).isEqualTo(audited);
        assertThat(preview.merges()).isEqualTo(1);
        CsvRow merge = preview.rows().getFirst();
        assertThat(merge.outcome()).isEqualTo(Outcome.MERGE);
        assertThat(merge.existingId()).isEqualTo(existing.id());
        assertThat(merge.changes()).containsExactly(new FieldChange("region", null, "London"),
                new FieldChange("topics", "funding", "funding; workforce"));
        assertThat(merge.message()).contains("Updates region, topics of @TheKingsFund");

        var result = caller.as(curator, () -> csv.commit(preview.token(), null));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.merged()).isEqualTo(1);
        var merged = caller.as(curator, () -> directory.get(existing.id()));
        assertThat(merged.region()).isEqualTo("London");
        assertThat(merged.topics()).containsExactly("funding", "workforce");
        assertThat(merged.notes()).isEqualTo("Keep");
        assertThat(merged.category()).isEqualTo(StakeholderCategory.THINK_TANK);
        assertThat(merged.version()).isEqualTo(existing.version() + 1);
        assertThat(auditEvents()).isEqualTo(audited + 1);
        assertThatThrownBy(() -> caller.as(curator, () -> csv.commit(preview.token(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("preview the file again");
    }

    @Test
    void a_commit_is_all_or_nothing_and_refused_when_the_directory_changed_since_the_preview() {
        var preview = preview("""
                handle,name
                FirstNew,First new
                SecondNew,Second new
                ThirdNew,Third new
                """);
        assertThat(preview.adds()).isEqualTo(3);
        // someone adds one of the file's handles after the preview
        caller.run(trust.member(Role.ORG_ADMIN), () -> directory.add(StakeholderDraft.of("secondnew", "Added meanwhile",
                StakeholderCategory.OTHER)));
        int before = stakeholders();

        assertThatThrownBy(() -> caller.as(curator, () -> csv.commit(preview.token(), null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo("preview_stale");
                    assertThat(e.getMessage()).contains("row 2 (@SecondNew) was to be added, now to update name")
                            .contains("Nothing was imported: preview the file again");
                });
        assertThatThrownBy(() -> caller.as(curator, () -> csv.commit(utf8("""
                handle,name
                FirstNew,First new
                SecondNew,Second new
                ThirdNew,Third new
                """), null, preview.fingerprint(), null))).isInstanceOf(ConflictException.class);

        assertThat(stakeholders()).isEqualTo(before);
        assertThat(caller.as(curator, () -> directory.search(StakeholderQuery.all().withText("new"), 0, 10)).stakeholders())
                .extracting(Stakeholder::name).containsExactly("Added meanwhile");
    }

    @Test
    void the_same_file_commits_by_fingerprint_and_another_file_does_not() {
        String text = "handle,name\nAgeUK,Age UK\n";
        var preview = preview(text);

        assertThatThrownBy(() -> caller.as(curator, () -> csv.commit(utf8(text + "Other,Other\n"), null,
                preview.fingerprint(), null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not the file that was previewed");
        var result = caller.as(curator, () -> csv.commit(utf8(text), null, preview.fingerprint(), null));
        assertThat(result.added()).isEqualTo(1);
        assertThat(stakeholders()).isEqualTo(1);
    }

    @Test
    void a_member_of_another_organisation_can_neither_use_nor_push_out_a_members_preview() {
        var preview = preview("handle,name\nAgeUK,Age UK\n");
        long attacker = world.organisation("Flooding Trust").member(Role.CURATOR);

        assertThatThrownBy(() -> caller.as(attacker, () -> csv.commit(preview.token(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no longer kept");
        for (int i = 0; i < 40; i++) {
            String handle = "Flood" + i;
            caller.as(attacker, () -> csv.preview(utf8("handle,name\n" + handle + ",Flood\n"), null));
        }

        var result = caller.as(curator, () -> csv.commit(preview.token(), null));
        assertThat(result.added()).isEqualTo(1);
        assertThat(stakeholders()).isEqualTo(1);
    }

    @Test
    void another_member_of_the_organisation_can_neither_use_nor_push_out_a_members_preview() {
        var preview = preview("handle,name\nAgeUK,Age UK\n");
        long colleague = trust.member(Role.ORG_ADMIN);

        assertThatThrownBy(() -> caller.as(colleague, () -> csv.commit(preview.token(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no longer kept");
        var flood = new java.util.ArrayList<CsvPreview>();
        for (int i = 0; i < 40; i++) {
            String handle = "Flood" + i;
            flood.add(caller.as(colleague, () -> csv.preview(utf8("handle,name\n" + handle + ",Flood\n"), null)));
        }

        assertThat(caller.as(curator, () -> csv.commit(preview.token(), null)).added()).isEqualTo(1);
        // the flooder pushed out only their own older previews, and keeps their newest
        assertThatThrownBy(() -> caller.as(colleague, () -> csv.commit(flood.getFirst().token(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no longer kept");
        assertThat(caller.as(colleague, () -> csv.commit(flood.getLast().token(), null)).added()).isEqualTo(1);
        assertThat(stakeholders()).isEqualTo(2);
    }

    @Test
    void an_import_into_a_list_adds_the_rows_to_it_with_a_history_entry_each() {
        var existing = caller.as(curator, () -> directory.add(StakeholderDraft.of("AgeUK", "Age UK",
                StakeholderCategory.CHARITY))).stakeholder();
        FollowList list = caller.as(curator, () -> lists.create(null, "Older people's care", null, null));
        var preview = caller.as(curator, () -> csv.preview(utf8("handle,name\nAgeUK,Age UK\nIndependentAge,Independent Age\n"),
                list.id()));
        assertThat(preview.targetListName()).isEqualTo("Older people's care");
        assertThat(preview.rows()).allSatisfy(r -> assertThat(r.addsToList()).isTrue());
        assertThat(db.fetchCount(FOLLOW_LIST_MEMBER, FOLLOW_LIST_MEMBER.LIST_ID.eq(list.id()))).isZero();

        var result = caller.as(curator, () -> csv.commit(preview.token(), "From the older people's network list"));

        assertThat(result.addedToList()).isEqualTo(2);
        assertThat(caller.as(curator, () -> lists.members(list.id()))).extracting(m -> m.stakeholder().handle().value())
                .containsExactlyInAnyOrder("AgeUK", "IndependentAge");
        assertThat(caller.as(curator, () -> lists.history(list.id()))).hasSize(2).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ListChange.Kind.ADDED);
            assertThat(c.note()).isEqualTo("From the older people's network list");
        });
        assertThat(result.stakeholderIds()).contains(existing.id());
        assertThatThrownBy(() -> caller.as(trust.member(Role.STAFF), () -> csv.preview(utf8("handle,name\nA,A\n"), null)))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void exported_cells_that_a_spreadsheet_would_run_are_neutralised_and_import_back_as_text() {
        String formula = "=HYPERLINK(\"http://evil\",\"x\")";
        var preview = preview("handle,name,region,topics,notes\n"
                + "Evil1,\"" + formula.replace("\"", "\"\"") + "\",+44 20,@everyone;-1,\"\tcmd\"\n");
        caller.run(curator, () -> csv.commit(preview.token(), null));
        var stored = caller.as(curator, () -> directory.search(StakeholderQuery.all().withText("evil1"), 0, 5))
                .stakeholders().getFirst();
        assertThat(stored.name()).isEqualTo(formula);
        assertThat(stored.region()).isEqualTo("+44 20");
        assertThat(stored.topics()).containsExactly("@everyone", "-1");

        String exported = new String(caller.as(trust.member(Role.STAFF), () -> csv.exportDirectory(StakeholderQuery.all())),
                StandardCharsets.UTF_8);

        assertThat(exported).startsWith("\uFEFFhandle,name,category,region,topics,political,notes,");
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").contains("'+44 20")
                .contains("'@everyone; -1");
        assertThat(exported.lines().skip(1)).allSatisfy(line -> {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("-").doesNotStartWith("\"=");
            }
        });
        var again = preview(exported);
        assertThat(again.rows()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.MERGE);
            assertThat(r.changes()).isEmpty();
            assertThat(r.name()).isEqualTo(formula);
        });
    }

    @Test
    void the_export_holds_only_what_the_caller_may_see() {
        caller.run(curator, () -> directory.add(StakeholderDraft.of("AgeUK", "Age UK", StakeholderCategory.CHARITY)
                .withNotes("internal note")));
        World.Org other = world.organisation("Other Import Trust");

        String theirs = new String(caller.as(other.member(Role.CURATOR), () -> csv.exportDirectory(StakeholderQuery.all())),
                StandardCharsets.UTF_8);
        assertThat(theirs.lines()).hasSize(1);
        String ours = new String(caller.as(trust.member(Role.STAFF), () -> csv.exportDirectory(StakeholderQuery.all()
                .withCategory(StakeholderCategory.CHARITY))), StandardCharsets.UTF_8);
        assertThat(ours).contains("AgeUK,Age UK,Charity,,,no,internal note,unchecked");
    }

    @Test
    void a_member_with_no_role_cannot_export_the_directory_with_its_internal_notes() {
        caller.run(curator, () -> directory.add(StakeholderDraft.of("AgeUK", "Age UK", StakeholderCategory.CHARITY)
                .withNotes("internal note")));
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> csv.exportDirectory(StakeholderQuery.all())))
                .isInstanceOf(org.noticeboard.access.NotPermittedException.class)
                .hasMessage("You have no role in this organisation yet, so there is nothing here for you to see. Ask your "
                        + "organisation admin for the role your work needs.");
        assertThatThrownBy(() -> caller.as(trust.roleless(), () -> directory.search(StakeholderQuery.all(), 0, 50)))
                .isInstanceOf(org.noticeboard.access.NotPermittedException.class);
    }

    static String rows(int count) {
        var text = new StringBuilder("handle,name,category,region,topics,notes\n");
        for (int i = 0; i < count; i++) {
            text.append("bulk_").append(i).append(",Bulk stakeholder ").append(i).append(",Charity,Region ")
                    .append(i % 12).append(",falls;frailty,Imported in bulk\n");
        }
        return text.toString();
    }

    @Test
    void ten_thousand_rows_preview_and_commit_in_one_go() {
        byte[] file = utf8(rows(10_000));
        FollowList list = caller.as(curator, () -> lists.create(null, "Everyone", null, null));
        long started = System.nanoTime();
        var preview = caller.as(curator, () -> csv.preview(file, list.id()));
        long previewed = System.nanoTime();
        assertThat(preview.adds()).isEqualTo(10_000);
        assertThat(stakeholders()).isZero();

        var result = caller.as(curator, () -> csv.commit(preview.token(), null));
        long committed = System.nanoTime();

        assertThat(result.added()).isEqualTo(10_000);
        assertThat(result.addedToList()).isEqualTo(10_000);
        assertThat(stakeholders()).isEqualTo(10_000);
        assertThat(db.fetchCount(FOLLOW_LIST_CHANGE, FOLLOW_LIST_CHANGE.LIST_ID.eq(list.id()))).isEqualTo(10_000);
        System.out.printf("10,000-row import: preview %d ms, commit %d ms%n", (previewed - started) / 1_000_000,
                (committed - previewed) / 1_000_000);
    }

    @Test
    void more_than_ten_thousand_rows_are_refused_with_the_count() {
        assertThatThrownBy(() -> caller.as(curator, () -> csv.preview(utf8(rows(10_001)), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo("too_many_rows");
                    assertThat(e.getMessage()).contains("10001 rows").contains("at most 10000");
                });
        assertThat(stakeholders()).isZero();
    }
}
