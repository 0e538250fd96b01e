package org.noticeboard.demo;

import static org.noticeboard.db.jooq.Tables.MENTION;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_METRIC_SNAPSHOT;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Half a year of past activity for the demo's main account, so that its impact dashboard has a
 * story to show: published posts (some broadcast only, more engaging ones later), their metric
 * snapshots at 1 hour, 1 day and 7 days, a few stakeholders and the mentions they and others sent,
 * answered at varying speed. Written straight into the tables because it stands for what happened
 * before the demo began (no post can be published in the past through the workflow); posts end
 * more than 8 days ago with all their snapshots, so the metrics collector never asks X about them.
 * Deterministic (fixed random seed), so every demo shows the same picture.
 */
@Component
class DemoImpact {

    static final int WEEKS = 26;
    private static final String[] BROADCAST = {
        "Our falls clinic is open every Monday at Northshire Community Hospital.",
        "New leaflet: looking after your back at work. Download it from our website.",
        "Our physiotherapy team won a regional award this week.",
        "Flu vaccinations for staff continue this week in the main atrium.",
        "Read our annual report on community rehabilitation.",
    };
    private static final String[] ENGAGING = {
        "What helps you stay active after a fall? Tell us your tips #FallsAwareness",
        "Thank you .@NorthshireICB for visiting our falls clinic today: 300 patients seen this year",
        "Which exercises do you find easiest at home? Our physios will answer #PhysioWorks",
        ".@JaneDoeMP thank you for your question about waiting times: here is what we are doing",
        "Have you used our self-referral service? How could it be better?",
    };

    private final DSLContext db;
    private final Clock clock;

    DemoImpact(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void seed(long organisationId, long accountId, long authorId, String authorName, @Nullable Long campaignId, ZoneId zone) {
        var random = new Random(20260123L);
        // the demo directory's stakeholders (DemoDirectory), seeded before this
        long mp = stakeholder(organisationId, "JaneDoeMP", "Jane Doe MP", "MP");
        long icb = stakeholder(organisationId, "NorthshireICB", "NHS Northshire Integrated Care Board", "ICB_HEALTH_BOARD");
        long charity = stakeholder(organisationId, "AgeUK", "Age UK", "CHARITY");
        long journalist = stakeholder(organisationId, "AlexChenNews", "Alex Chen, Northshire Gazette", "MEDIA");
        List<Long> stakeholders = List.of(mp, icb, charity, journalist);
        LocalDate lastWeek = LocalDate.ofInstant(clock.instant(), zone).minusDays(9).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int n = 0;
        int m = 0;
        for (int w = WEEKS - 1; w >= 0; w--) {
            LocalDate monday = lastWeek.minusWeeks(w);
            int age = WEEKS - 1 - w; // 0 for the oldest week: the account learns to engage over time
            int posts = 2 + random.nextInt(3);
            var ours = new ArrayList<String>();
            for (int i = 0; i < posts; i++) {
                boolean engaging = random.nextInt(WEEKS) < age + 4;
                String text = engaging ? ENGAGING[random.nextInt(ENGAGING.length)] : BROADCAST[random.nextInt(BROADCAST.length)];
                Instant at = monday.plusDays(i * 2L).atTime(9 + random.nextInt(8), 5 * random.nextInt(12)).atZone(zone).toInstant();
                String xId = "demo-impact-" + organisationId + "-" + (++n);
                ours.add(xId);
                long postId = db.insertInto(POST)
                        .set(POST.ORGANISATION_ID, organisationId)
                        .set(POST.ACCOUNT_ID, accountId)
                        .set(POST.AUTHOR_ID, authorId)
                        .set(POST.STATE, "PUBLISHED")
                        .set(POST.CURRENT_REVISION, 1)
                        .set(POST.X_POST_ID, xId)
                        .set(POST.PUBLISHED_AT, utc(at))
                        .set(POST.SCHEDULED_AT, utc(at))
                        .set(POST.CREATED_AT, utc(at.minusSeconds(86_400)))
                        .set(POST.UPDATED_AT, utc(at))
                        .returning(POST.ID).fetchSingle(POST.ID);
                db.insertInto(POST_REVISION)
                        .set(POST_REVISION.ORGANISATION_ID, organisationId)
                        .set(POST_REVISION.POST_ID, postId)
                        .set(POST_REVISION.NUMBER, 1)
                        .set(POST_REVISION.TEXT, text)
                        .set(POST_REVISION.CAMPAIGN_ID, text.contains("#FallsAwareness") || text.contains("falls") ? campaignId : null)
                        .set(POST_REVISION.AUTHOR_ID, authorId)
                        .set(POST_REVISION.AUTHOR_NAME, authorName)
                        .set(POST_REVISION.CONTENT_HASH, "demo-" + postId)
                        .set(POST_REVISION.POLICY_VERSION, 1)
                        .set(POST_REVISION.WEIGHTED_LENGTH, text.length())
                        .set(POST_REVISION.BLOCKED, false)
                        .set(POST_REVISION.FINDINGS, JSONB.valueOf("[]"))
                        .set(POST_REVISION.CREATED_AT, utc(at.minusSeconds(86_400)))
                        .execute();
                int reach = 300 + random.nextInt(400) + age * 40;
                double rate = (engaging ? 0.04 : 0.012) + random.nextDouble() * 0.01;
                int[] hours = {1, 24, 168};
                double[] share = {0.35, 0.85, 1.0};
                for (int k = 0; k < 3; k++) {
                    long impressions = Math.round(reach * share[k]);
                    int engagements = (int) Math.round(impressions * rate);
                    int likes = (int) Math.round(engagements * 0.6);
                    int reposts = (int) Math.round(engagements * 0.2);
                    int replies = engaging ? (int) Math.round(engagements * 0.15) : 0;
                    db.insertInto(POST_METRIC_SNAPSHOT)
                            .set(POST_METRIC_SNAPSHOT.ORGANISATION_ID, organisationId)
                            .set(POST_METRIC_SNAPSHOT.POST_ID, postId)
                            .set(POST_METRIC_SNAPSHOT.MILESTONE_HOURS, hours[k])
                            .set(POST_METRIC_SNAPSHOT.TAKEN_AT, utc(at.plusSeconds(3600L * hours[k])))
                            .set(POST_METRIC_SNAPSHOT.LIKES, likes)
                            .set(POST_METRIC_SNAPSHOT.REPOSTS, reposts)
                            .set(POST_METRIC_SNAPSHOT.REPLIES, replies)
                            .set(POST_METRIC_SNAPSHOT.QUOTES, Math.max(0, engagements - likes - reposts - replies))
                            .set(POST_METRIC_SNAPSHOT.IMPRESSIONS, impressions)
                            .execute();
                }
            }
            int mentions = 2 + random.nextInt(3) + age / 5;
            for (int i = 0; i < mentions; i++) {
                boolean known = random.nextInt(3) == 0;
                Long stakeholder = known ? stakeholders.get(random.nextInt(stakeholders.size())) : null;
                String reply = random.nextBoolean() ? ours.get(random.nextInt(ours.size())) : null;
                Instant at = monday.plusDays(random.nextInt(7)).atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(zone).toInstant();
                // the team gets quicker over the half year
                Instant answered = random.nextInt(5) == 0 ? null : at.plusSeconds(60L * (20 + random.nextInt(Math.max(30, 400 - age * 12))));
                db.insertInto(MENTION)
                        .set(MENTION.ORGANISATION_ID, organisationId)
                        .set(MENTION.ACCOUNT_ID, accountId)
                        .set(MENTION.X_POST_ID, "demo-impact-m-" + organisationId + "-" + (++m))
                        .set(MENTION.AUTHOR_X_USER_ID, "demo-" + (stakeholder == null ? "member-of-public-" + (m % 17) : stakeholder))
                        .set(MENTION.AUTHOR_USERNAME, stakeholder == null ? "local_resident" + (m % 17) : handleOf(stakeholder))
                        .set(MENTION.TEXT, reply == null ? "@NorthshireNHS when does the falls clinic open?"
                                : "Thanks @NorthshireNHS, good to see this")
                        .set(MENTION.POSTED_AT, utc(at))
                        .set(MENTION.FETCHED_AT, utc(at.plusSeconds(120)))
                        .set(MENTION.IN_REPLY_TO_X_POST_ID, reply)
                        .set(MENTION.STAKEHOLDER_ID, stakeholder)
                        .set(MENTION.STATE, answered == null ? "NO_ACTION" : "REPLIED")
                        .set(MENTION.FIRST_RESPONSE_AT, answered == null ? null : utc(answered))
                        .execute();
            }
        }
    }

    private String handleOf(long stakeholderId) {
        return db.select(STAKEHOLDER.HANDLE).from(STAKEHOLDER).where(STAKEHOLDER.ID.eq(stakeholderId)).fetchSingle().value1();
    }

    private long stakeholder(long organisationId, String handle, String name, String category) {
        var existing = db.select(STAKEHOLDER.ID).from(STAKEHOLDER)
                .where(STAKEHOLDER.ORGANISATION_ID.eq(organisationId), STAKEHOLDER.HANDLE.equalIgnoreCase(handle)).fetchOne();
        if (existing != null) {
            return existing.value1();
        }
        return db.insertInto(STAKEHOLDER)
                .set(STAKEHOLDER.ORGANISATION_ID, organisationId)
                .set(STAKEHOLDER.HANDLE, handle)
                .set(STAKEHOLDER.NAME, name)
                .set(STAKEHOLDER.CATEGORY, category)
                .set(STAKEHOLDER.POLITICAL, "MP".equals(category))
                .returning(STAKEHOLDER.ID).fetchSingle(STAKEHOLDER.ID);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
