package org.noticeboard.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.ImpactRows;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard over a seeded history whose right answers are worked out by hand below: two weeks
 * (Monday 2 to Sunday 15 March 2026, Europe/London = UTC then), five posts of the account in it, two
 * outside it, one of another account; seven mentions in it, two outside the scope or period.
 */
@SpringBootTest(classes = DomainTestApplication.class)
class ImpactDashboardTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FROM = LocalDate.of(2026, 3, 2);
    static final LocalDate TO = LocalDate.of(2026, 3, 15);

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired ImpactService impact;
    @Autowired CampaignService campaigns;
    @Autowired OfficialAccountService accounts;
    @Autowired DSLContext db;

    World.Org trust;
    long org;
    long account;
    long other;
    Campaign falls;
    long p1;
    long p2;
    long p4;
    long p5;

    static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 3, day, hour, minute).atZone(LONDON).toInstant();
    }

    @BeforeEach
    void seed() {
        trust = world.organisation("Impact Trust");
        org = trust.organisation().id();
        account = trust.account().id();
        other = caller.as(trust.member(Role.ACCOUNT_ADMIN), () -> accounts.register("ImpactOther" + (org % 1000), "Other", null)).id();
        falls = caller.as(trust.member(Role.APPROVER), () -> campaigns.create("Falls Awareness", List.of("#FallsAwareness"),
                FROM, TO, "Three ICBs fund community falls clinics"));
        var rows = new ImpactRows(db);
        long staff = trust.member(Role.STAFF);
        String x = "9" + org + "0";
        // week 1
        p1 = rows.publishedPost(org, account, staff, "Our falls clinic opens on Monday", null, falls.id(), at(2, 10, 0), x + "1");
        rows.snapshot(org, p1, 168, at(9, 10, 0), 10, 2, 3, 1, 400L);
        p2 = rows.publishedPost(org, account, staff, "What helps you stay active? #PhysioWorks", null, falls.id(), at(4, 12, 0), x + "2");
        rows.snapshot(org, p2, 1, at(4, 13, 0), 1, 0, 0, 0, 50L);
        rows.snapshot(org, p2, 24, at(5, 12, 0), 5, 1, 4, 0, 200L);
        rows.publishedPost(org, account, staff, ".@NHSEngland thanks for the visit", null, null, at(6, 9, 0), x + "3");
        // week 2
        p4 = rows.publishedPost(org, account, staff, "New leaflet on back pain", null, null, at(10, 15, 0), x + "4");
        rows.snapshot(org, p4, 24, at(11, 15, 0), 2, 0, 0, 0, null);
        p5 = rows.publishedPost(org, account, staff, "Thanks, glad it helped", "https://x.com/someone/status/1", null,
                at(12, 8, 0), x + "5");
        rows.snapshot(org, p5, 168, at(19, 8, 0), 30, 10, 5, 5, 1000L);
        // outside the period, or another account's
        long before = rows.publishedPost(org, account, staff, "Before the period", null, falls.id(), at(1, 23, 0), x + "6");
        rows.snapshot(org, before, 168, at(8, 23, 0), 100, 0, 0, 0, 100L);
        rows.publishedPost(org, account, staff, "After the period", null, null, at(16, 0, 30), x + "7");
        rows.publishedPost(org, other, staff, "Falls tips from the other account", null, falls.id(), at(3, 9, 0), x + "8");

        long mp1 = rows.stakeholder(org, "mp_one", "Ann Member", "MP");
        long mp2 = rows.stakeholder(org, "mp_two", "Bob Member", "MP");
        long icb = rows.stakeholder(org, "north_icb", "North ICB", "ICB_HEALTH_BOARD");
        long charity = rows.stakeholder(org, "falls_charity", "Falls Charity", "CHARITY");
        long minister = rows.stakeholder(org, "health_min", "Health Minister", "MINISTER");
        String m = "8" + org + "0";
        rows.mention(org, account, m + "1", "mp_one", mp1, "Great news", at(3, 10, 0), at(3, 10, 30), x + "1");
        rows.mention(org, account, m + "2", "mp_two", mp2, "@ImpactTrust when?", at(5, 9, 0), at(5, 11, 0), null);
        rows.mention(org, account, m + "3", "north_icb", icb, "Let's talk", at(12, 9, 0), at(12, 9, 10), x + "5");
        rows.mention(org, account, m + "4", "falls_charity", charity, "Walking!", at(11, 9, 0), null, x + "2");
        rows.mention(org, account, m + "5", "someone", null, "Hello", at(14, 9, 0), at(14, 10, 0), null);
        rows.mention(org, account, m + "6", "someone_else", null, "Hi", at(15, 18, 0), at(15, 23, 0), null);
        rows.mention(org, account, m + "9", "health_min", minister, "Agreed", at(13, 9, 0), null, "123456789");
        rows.mention(org, account, m + "7", "mp_one", mp1, "Later", at(16, 1, 0), at(16, 2, 0), x + "1");
        rows.mention(org, other, m + "8", "someone", null, "Loving #fallsawareness", at(8, 9, 0), null, null);
    }

    Dashboard accountDashboard(LocalDate from, LocalDate to) {
        return caller.as(trust.member(Role.APPROVER), () -> impact.dashboard(ImpactQuery.account(account, from, to)));
    }

    @Test
    void posts_engagement_and_broadcast_share_of_an_account_over_the_period() {
        Dashboard d = accountDashboard(FROM, TO);

        assertThat(d.scope()).isEqualTo(trust.account().handle().toString());
        assertThat(d.postsPublished()).isEqualTo(5);
        assertThat(d.postsMeasured()).isEqualTo(4);
        assertThat(d.engagements()).isEqualTo(78);
        assertThat(d.impressions()).isEqualTo(1600);
        assertThat(d.engagementRate()).isCloseTo(76.0 / 1600, within(1e-9));
        assertThat(d.weeks()).extracting(Dashboard.Week::startsOn).containsExactly(FROM, FROM.plusWeeks(1));
        assertThat(d.weeks()).extracting(Dashboard.Week::posts).containsExactly(3, 2);
        assertThat(d.weeks()).extracting(Dashboard.Week::engagements).containsExactly(26L, 52L);
        assertThat(d.weeks()).extracting(Dashboard.Week::impressions).containsExactly(600L, 1000L);
        assertThat(d.weeks().get(0).engagementRate()).isCloseTo(26.0 / 600, within(1e-9));
        assertThat(d.weeks().get(1).engagementRate()).isCloseTo(50.0 / 1000, within(1e-9));
        assertThat(d.broadcastOnly()).isEqualTo(2);
        assertThat(d.broadcastOnlyShare()).isCloseTo(0.4, within(1e-9));
        assertThat(d.topPosts()).extracting(Dashboard.TopPost::postId).containsExactly(p5, p1, p2, p4);
        assertThat(d.topPosts()).extracting(Dashboard.TopPost::engagements).containsExactly(50, 16, 10, 2);
        assertThat(d.empty()).isFalse();
    }

    @Test
    void mentions_by_category_replies_from_decision_makers_and_median_first_response() {
        Dashboard d = accountDashboard(FROM, TO);

        assertThat(d.mentions()).isEqualTo(7);
        assertThat(d.mentionsByCategory()).containsExactly(
                new Dashboard.CategoryCount("MP", 2),
                new Dashboard.CategoryCount("Minister", 1),
                new Dashboard.CategoryCount("ICB / health board", 1),
                new Dashboard.CategoryCount("Charity", 1),
                new Dashboard.CategoryCount(ImpactService.NOT_A_STAKEHOLDER, 2));
        // the MP's and the ICB's replies to our posts; the minister replied to someone else's post
        assertThat(d.repliesFromDecisionMakers()).isEqualTo(2);
        assertThat(d.decisionMakerReplies()).extracting(Dashboard.DecisionMakerReply::authorUsername)
                .containsExactly("north_icb", "mp_one");
        // 10, 30, 60, 120 and 300 minutes
        assertThat(d.mentionsAnswered()).isEqualTo(5);
        assertThat(d.medianFirstResponse()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void a_campaign_dashboard_covers_its_posts_on_every_account_and_the_mentions_about_them() {
        Dashboard d = caller.as(trust.member(Role.APPROVER), () -> impact.dashboard(ImpactQuery.campaign(falls.id(), FROM, TO)));

        assertThat(d.scope()).isEqualTo("Falls Awareness");
        assertThat(d.postsPublished()).isEqualTo(3);
        assertThat(d.engagements()).isEqualTo(26);
        assertThat(d.broadcastOnly()).isEqualTo(2);
        // replies to p1 and p2, and a mention carrying the hashtag on the other account
        assertThat(d.mentions()).isEqualTo(3);
        assertThat(d.repliesFromDecisionMakers()).isEqualTo(1);
        assertThat(d.medianFirstResponse()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_period_with_no_data_is_empty_not_broken() {
        Dashboard d = accountDashboard(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 8));

        assertThat(d.empty()).isTrue();
        assertThat(d.weeks()).singleElement().satisfies(w -> {
            assertThat(w.posts()).isZero();
            assertThat(w.engagementRate()).isNull();
        });
        assertThat(d.engagementRate()).isNull();
        assertThat(d.broadcastOnlyShare()).isNull();
        assertThat(d.medianFirstResponse()).isNull();
        assertThat(d.topPosts()).isEmpty();
    }

    @Test
    void a_reversed_or_missing_period_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> accountDashboard(TO, FROM))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The period ends on 2 March 2026, before it starts on 15 March 2026: choose a last day on or after the first.")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("to"));
        assertThatThrownBy(() -> accountDashboard(null, TO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("first day");
        assertThatThrownBy(() -> accountDashboard(FROM, FROM.plusYears(3))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("longer than two years");
    }

    @Test
    void only_communications_and_admins_see_it_and_only_for_their_organisation() {
        assertThatThrownBy(() -> caller.as(trust.member(Role.STAFF), () -> impact.dashboard(ImpactQuery.account(account, FROM, TO))))
                .isInstanceOf(NotPermittedException.class);
        var stranger = world.organisation("Stranger Trust");
        assertThatThrownBy(() -> caller.as(stranger.member(Role.APPROVER),
                () -> impact.dashboard(ImpactQuery.account(account, FROM, TO)))).isInstanceOf(NotFoundException.class);
        assertThat(caller.as(trust.member(Role.ORG_ADMIN), () -> impact.dashboard(ImpactQuery.account(account, FROM, TO)))
                .postsPublished()).isEqualTo(5);
    }

    @Test
    void the_csv_export_holds_the_figures_with_formulas_neutralised() {
        String csv = new String(caller.as(trust.member(Role.APPROVER), () -> impact.csv(ImpactQuery.account(account, FROM, TO))),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFsection,item,measure,value\r\n");
        assertThat(csv).contains("summary,2026-03-02 to 2026-03-15,posts published,5\r\n");
        assertThat(csv).contains("summary,2026-03-02 to 2026-03-15,broadcast-only share,40.0%\r\n");
        assertThat(csv).contains("summary,2026-03-02 to 2026-03-15,median first response (minutes),60\r\n");
        assertThat(csv).contains("week,week of 2026-03-09,posts,2\r\n");
        assertThat(csv).contains("mentions by category,MP,mentions,2\r\n");
        assertThat(csv).contains("'" + trust.account().handle().toString());
    }

    @Test
    void broadcast_only_means_no_mention_no_question_and_no_reply() {
        assertThat(BroadcastOnly.isBroadcastOnly("Our clinic opens on Monday", null)).isTrue();
        assertThat(BroadcastOnly.isBroadcastOnly("Write to physio@trust.nhs.uk for details", null)).isTrue();
        assertThat(BroadcastOnly.isBroadcastOnly(".@NHSEngland thanks for the visit", null)).isFalse();
        assertThat(BroadcastOnly.isBroadcastOnly("Thanks @physiotalk", null)).isFalse();
        assertThat(BroadcastOnly.isBroadcastOnly("What helps you stay active?", null)).isFalse();
        assertThat(BroadcastOnly.isBroadcastOnly("Glad it helped", "https://x.com/a/status/1")).isFalse();
    }
}
