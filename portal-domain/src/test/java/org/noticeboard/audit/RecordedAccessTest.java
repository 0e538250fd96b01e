package org.noticeboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.compliance.DossierService;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.impact.ImpactQuery;
import org.noticeboard.impact.ImpactService;
import org.noticeboard.member.MemberService;
import org.noticeboard.member.SignInService;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.TestImages;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue 20: who signed in, uploaded, searched, exported and opened what is in the audit trail too. */
@SpringBootTest(classes = DomainTestApplication.class)
class RecordedAccessTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired DSLContext db;
    @Autowired SignInService signIn;
    @Autowired MemberService members;
    @Autowired MediaService media;
    @Autowired DossierService dossiers;
    @Autowired ImpactService impact;
    @Autowired FollowListService lists;
    @Autowired StakeholderService stakeholders;
    @Autowired AuditService audit;

    World.Org org;
    long orgId;

    @BeforeEach
    void setUp() {
        org = world.organisation("Recorded Trust " + UUID.randomUUID().toString().substring(0, 6));
        orgId = org.organisation().id();
    }

    @Test
    void sign_ins_refusals_and_sign_outs_are_recorded_with_the_source_address() {
        String username = "rec." + orgId;
        var member = caller.as(org.member(Role.ORG_ADMIN), () -> members.create("Rec Person", null, null, username));

        signIn.signedIn(member.id(), "the sign-in form", "203.0.113.7");
        signIn.signInFailed(username, null, "198.51.100.9", "wrong name or password");
        signIn.signedOut(member.id(), "203.0.113.7");

        assertThat(events("member.signed-in")).singleElement().satisfies(e -> {
            assertThat(e.get("summary", String.class)).isEqualTo("Rec Person signed in with the sign-in form from 203.0.113.7");
            assertThat(e.get("actor_member_id", Long.class)).isEqualTo(member.id());
        });
        assertThat(events("member.sign-in-failed")).singleElement().satisfies(e -> {
            assertThat(e.get("summary", String.class)).contains(username, "198.51.100.9", "wrong name or password");
            assertThat(e.get("subject_id", String.class)).isEqualTo(String.valueOf(member.id()));
        });
        assertThat(events("member.signed-out")).singleElement()
                .satisfies(e -> assertThat(e.get("summary", String.class)).isEqualTo("Rec Person signed out from 203.0.113.7"));
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void a_refused_sign_in_with_a_name_nobody_has_is_counted_for_the_installation_or_goes_to_the_live_organisation() {
        String nobody = "nobody-" + UUID.randomUUID();
        signIn.signInFailed(nobody, null, "192.0.2.1", "wrong name or password");
        signIn.signInFailed(nobody, null, "192.0.2.1", "wrong name or password");

        assertThat(db.fetchSingle("select attempts from unattributed_sign_in_failure where username = ? and source_address = ?",
                nobody, "192.0.2.1").get(0, Long.class)).isEqualTo(2);
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("summary like ?", "%" + nobody + "%"))).isZero();

        // live mode: one organisation signs in here, so its trail has the refusal
        signIn.signInFailed(null, org.organisation().slug(), "192.0.2.2", "the organisation's sign-in refused it (access_denied)");
        assertThat(events("member.sign-in-failed")).singleElement()
                .satisfies(e -> assertThat(e.get("summary", String.class)).contains("192.0.2.2", "access_denied"));
    }

    @Test
    void an_image_upload_is_recorded_with_its_digest() {
        var image = caller.as(org.member(Role.STAFF), () -> media.upload("ward.png", TestImages.png()));

        assertThat(events("media.uploaded")).singleElement().satisfies(e -> {
            assertThat(e.get("subject_id", String.class)).isEqualTo(String.valueOf(image.mediaId()));
            assertThat(e.get("summary", String.class)).contains("ward.png", "image/png");
            assertThat(e.get("after_state", String.class)).contains("sha256");
        });
    }

    @Test
    void a_dossier_search_is_recorded_once_not_once_a_page() {
        long auditor = org.member(Role.AUDITOR);
        caller.run(auditor, () -> dossiers.find("church hall", org.account().id(), 0, 50));
        caller.run(auditor, () -> dossiers.find("church hall", org.account().id(), 50, 50));

        assertThat(events("dossier.searched")).singleElement().satisfies(e -> assertThat(e.get("summary", String.class))
                .isEqualTo("Auditor of " + org.organisation().name() + " searched the post dossiers for \"church hall\" of "
                        + org.account().handle()));
    }

    @Test
    void an_impact_csv_export_is_recorded() {
        caller.run(org.member(Role.APPROVER), () -> impact.csv(ImpactQuery.account(org.account().id(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))));

        assertThat(events("impact.exported")).singleElement()
                .satisfies(e -> assertThat(e.get("summary", String.class)).contains("exported as CSV", "2026-01-01"));
    }

    @Test
    void public_list_views_and_downloads_are_counted_per_day_with_one_audit_event_a_day() {
        long curator = org.member(Role.CURATOR);
        var list = caller.as(curator, () -> {
            var stakeholder = stakeholders.add(StakeholderDraft.of("PublicPartner" + orgId % 100, "Partner",
                    StakeholderCategory.CHARITY));
            var made = lists.create(null, "Open partners", null, null);
            lists.addMember(made.id(), stakeholder.stakeholder().id(), null);
            return lists.setVisibility(made.id(), Visibility.PUBLIC, lists.get(made.id()).version());
        });
        caller.signOut();
        for (int i = 0; i < 5; i++) {
            lists.publicView(list.publicToken());
        }
        lists.publicExport(list.publicToken());
        lists.publicExport(list.publicToken());

        assertThat(events("followlist.public-accessed")).singleElement()
                .satisfies(e -> assertThat(e.get("summary", String.class)).contains("\"Open partners\" opened through its public link"));
        var counted = caller.as(org.member(Role.AUDITOR), () -> lists.publicAccess(7));
        assertThat(counted).singleElement().satisfies(c -> {
            assertThat(c.listName()).isEqualTo("Open partners");
            assertThat(c.views()).isEqualTo(5);
            assertThat(c.downloads()).isEqualTo(2);
        });
        assertThat(verify().intact()).isTrue();
    }

    private List<Record> events(String action) {
        return db.fetch("select * from audit_event where organisation_id = ? and action = ? order by seq", orgId, action);
    }

    private IntegrityReport verify() {
        return caller.as(org.member(Role.AUDITOR), audit::verify);
    }
}
