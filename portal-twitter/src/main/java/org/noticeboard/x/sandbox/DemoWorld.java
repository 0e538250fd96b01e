package org.noticeboard.x.sandbox;

import java.time.Duration;
import java.util.Optional;
import org.noticeboard.demo.DemoDirectory;

/**
 * The people and posts of the demo's X. The official accounts are those of the demo organisations
 * (Northshire Community Health NHS Trust and Valley Health Board); around them are the kind of
 * accounts the seeds tell staff to follow and answer: an MP, national bodies, think tanks, a
 * patient and a local journalist. Every name here is fictional or a public body's handle, and
 * every post is invented for training.
 */
final class DemoWorld {

    private DemoWorld() {}

    /**
     * Handles of the demo directory ({@link DemoDirectory}) that X does not know, so the demo shows
     * what the background check says of an account that was renamed or deleted.
     */
    static final java.util.Set<String> NOT_ON_X = java.util.Set.of("AHPLeadNShire");

    static void seed(XSandbox x) {
        stakeholders(x);
        SandboxUser trust = x.ensureUser("NorthshireNHS", "Northshire Community Health NHS Trust",
                "Official account of Northshire Community Health NHS Trust. Not monitored 24/7: in an emergency call 999, "
                        + "for urgent advice call 111.");
        SandboxUser physio = x.ensureUser("NShirePhysio", "Northshire Physiotherapy",
                "Physiotherapy at Northshire Community Health NHS Trust: MSK, pulmonary and neuro rehab.");
        SandboxUser rehab = x.ensureUser("NorthshireOPR", "Northshire Older People's Rehab",
                "Older people's rehabilitation and falls prevention, Northshire Community Health NHS Trust.");
        SandboxUser valley = x.ensureUser("ValleyHealth", "Valley Health Board",
                "Planning and providing health services for the people of the Valley.");
        SandboxUser mp = x.ensureUser("JaneDoeMP", "Jane Doe MP",
                "Member of Parliament for Northshire South. Member of the Health and Social Care Committee.");
        SandboxUser england = x.ensureUser("NHSEngland", "NHS England",
                "News and information from NHS England.");
        SandboxUser kingsFund = x.ensureUser("TheKingsFund", "The King's Fund",
                "Independent charity working to improve health and care in England.");
        SandboxUser nuffield = x.ensureUser("NuffieldTrust", "Nuffield Trust",
                "Independent health think tank: research and policy analysis on health and social care.");
        SandboxUser patient = x.ensureUser("SamRiversCOPD", "Sam Rivers",
                "Living well with COPD. Patient representative on the Northshire pulmonary rehab group.");
        SandboxUser journalist = x.ensureUser("AlexChenNews", "Alex Chen",
                "Health reporter, Northshire Gazette. DMs open for tips.");

        x.seedPost(england, "Winter vaccinations are open for eligible adults. Check if you can have yours and book "
                + "online or through the NHS App. #WinterVaccines", null, Duration.ofHours(30),
                new SandboxMetrics(812, 403, 0, 37, 0, 96_400));
        x.seedPost(kingsFund, "New analysis: waiting lists for community health services grew again this year. "
                + "Our long read looks at what it means for patients and for the workforce. #CommunityHealth",
                null, Duration.ofHours(26), new SandboxMetrics(214, 131, 0, 22, 0, 31_050));
        x.seedPost(nuffield, "How do commissioners judge the quality of rehabilitation services? Our new briefing "
                + "sets out five questions worth asking.", null, Duration.ofHours(22),
                new SandboxMetrics(96, 41, 0, 8, 0, 12_600));
        x.seedPost(valley, "Flu clinics in Valley pharmacies run until the end of January. No appointment needed "
                + "for people aged 65 and over.", null, Duration.ofHours(20), new SandboxMetrics(58, 19, 0, 2, 0, 7_900));
        x.seedPost(trust, "Our new community health hub in Eastgate opens on Monday, 8am to 8pm, seven days a week: "
                + "physiotherapy, podiatry and wound care under one roof.", null, Duration.ofHours(18),
                new SandboxMetrics(143, 52, 0, 6, 0, 18_200));
        x.seedPost(mp, "Visited the falls prevention class run by @NorthshireOPR today. Inspiring to see people "
                + "regaining their confidence. Thank you to the whole team!", null, Duration.ofHours(9),
                new SandboxMetrics(87, 12, 0, 3, 0, 9_300));
        x.seedPost(patient, "@NShirePhysio thank you for the pulmonary rehab course: I can walk to the shops again "
                + "without stopping. Is there a follow-on group?", null, Duration.ofHours(6),
                new SandboxMetrics(24, 2, 0, 0, 0, 1_100));
        x.seedPost(journalist, "@NorthshireNHS could you comment on the opening hours of the new Eastgate hub? "
                + "Writing it up for tomorrow's paper.", null, Duration.ofHours(4),
                new SandboxMetrics(3, 0, 0, 0, 0, 640));
        Optional<SandboxPost> hub = x.postsBy("NorthshireNHS", 20).stream()
                .filter(p -> p.text().startsWith("Our new community health hub in Eastgate"))
                .findFirst();
        hub.ifPresent(post -> x.seedPost(patient, "@NorthshireNHS will there be parking at the Eastgate hub?",
                post.id(), Duration.ofHours(3), new SandboxMetrics(5, 0, 0, 0, 0, 410)));
        // for the inbox: the local MP (a stakeholder in the demo) raises a constituent's complaint
        x.seedPost(mp, "@NorthshireNHS a constituent tells me her mother waited four hours at the Eastgate hub "
                + "yesterday. Can you look into it?", null, Duration.ofMinutes(150), new SandboxMetrics(12, 3, 0, 0, 0, 2_300));
        x.seedPost(physio, "Back pain? Most people get better within six weeks. Keep moving, stay at work if you can, "
                + "and see our self-referral page if it has not improved.", null, Duration.ofHours(2),
                new SandboxMetrics(31, 9, 0, 1, 0, 4_200));
        x.seedPost(rehab, "Thank you @JaneDoeMP for joining our strength and balance class. Falls are not an "
                + "inevitable part of ageing.", null, Duration.ofHours(1), new SandboxMetrics(44, 7, 0, 1, 0, 3_800));
    }

    /** The X users behind the demo directory's stakeholders, bar {@link #NOT_ON_X}. */
    private static void stakeholders(XSandbox x) {
        for (DemoDirectory.Entry entry : DemoDirectory.STAKEHOLDERS) {
            if (!NOT_ON_X.contains(entry.handle())) {
                x.ensureUser(entry.handle(), entry.name(), "Demo account: " + entry.category().label().toLowerCase(
                        java.util.Locale.ROOT) + (entry.region() == null ? "" : ", " + entry.region()) + ".");
            }
        }
    }
}
