package org.noticeboard.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.member.Member;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Tenants;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo trust's stakeholder directory and follow lists, drawn from the seeds' "who to follow"
 * advice: national NHS bodies, health think tanks, older people's care, AHP leaders, and the local
 * MP. Seeded by the curators themselves ({@link Access#asMember}), so the lists' history reads as
 * their work. Handles are left unchecked: once an official account is connected to X, the
 * background check fills in what X knows of them (in the demo, the sandbox's users of the same
 * handles).
 */
@Component
public class DemoDirectory {

    /** A stakeholder of the demo directory. */
    public record Entry(String handle, String name, StakeholderCategory category, @Nullable String region,
            List<String> topics, boolean political) {}

    public static final List<Entry> STAKEHOLDERS = List.of(
            new Entry("NHSEngland", "NHS England", StakeholderCategory.NHS_ORGANISATION, "England",
                    List.of("health policy", "commissioning"), false),
            new Entry("NHSProviders", "NHS Providers", StakeholderCategory.NHS_ORGANISATION, "England",
                    List.of("health policy", "workforce"), false),
            new Entry("NHSConfed", "NHS Confederation", StakeholderCategory.NHS_ORGANISATION, "UK",
                    List.of("health policy", "integrated care"), false),
            new Entry("CareQualityComm", "Care Quality Commission", StakeholderCategory.NHS_ORGANISATION, "England",
                    List.of("regulation", "social care"), false),
            new Entry("NICEComms", "NICE", StakeholderCategory.NHS_ORGANISATION, "England",
                    List.of("guidelines", "evidence"), false),
            new Entry("DHSCgovuk", "Department of Health and Social Care", StakeholderCategory.OTHER, "England",
                    List.of("health policy", "government"), true),
            new Entry("HealthwatchE", "Healthwatch England", StakeholderCategory.PATIENT_GROUP, "England",
                    List.of("patient voice"), false),
            new Entry("NorthshireICB", "NHS Northshire Integrated Care Board", StakeholderCategory.ICB_HEALTH_BOARD,
                    "Northshire", List.of("commissioning", "integrated care"), false),
            new Entry("TheKingsFund", "The King's Fund", StakeholderCategory.THINK_TANK, "England",
                    List.of("health policy", "social care"), false),
            new Entry("NuffieldTrust", "Nuffield Trust", StakeholderCategory.THINK_TANK, "England",
                    List.of("health policy", "evidence"), false),
            new Entry("Ageing_Better", "Centre for Ageing Better", StakeholderCategory.THINK_TANK, "England",
                    List.of("older people", "healthy ageing"), false),
            new Entry("AgeUK", "Age UK", StakeholderCategory.CHARITY, "UK", List.of("older people", "social care"),
                    false),
            new Entry("IndependentAge", "Independent Age", StakeholderCategory.CHARITY, "UK",
                    List.of("older people", "loneliness"), false),
            new Entry("GeriSoc", "British Geriatrics Society", StakeholderCategory.PROFESSIONAL_BODY, "UK",
                    List.of("older people", "falls"), false),
            new Entry("thecsp", "Chartered Society of Physiotherapy", StakeholderCategory.PROFESSIONAL_BODY, "UK",
                    List.of("physiotherapy", "AHP"), false),
            new Entry("theRCOT", "Royal College of Occupational Therapists", StakeholderCategory.ROYAL_COLLEGE, "UK",
                    List.of("occupational therapy", "AHP"), false),
            new Entry("RCSLT", "Royal College of Speech and Language Therapists", StakeholderCategory.ROYAL_COLLEGE,
                    "UK", List.of("speech and language therapy", "AHP"), false),
            new Entry("ChiefAHP_North", "Morgan Ellis, Regional Chief AHP", StakeholderCategory.AHP_LEADER,
                    "North of England", List.of("AHP", "workforce"), false),
            new Entry("AHPLeadNShire", "Dr Priya Shah, Director of AHPs", StakeholderCategory.AHP_LEADER,
                    "Northshire", List.of("AHP", "rehabilitation"), false),
            new Entry("JaneDoeMP", "Jane Doe MP", StakeholderCategory.MP, "Northshire South",
                    List.of("health and social care committee"), true),
            new Entry("AlexChenNews", "Alex Chen, Northshire Gazette", StakeholderCategory.MEDIA, "Northshire",
                    List.of("local news"), false));

    private final Tenants tenants;
    private final Access access;
    private final MemberService members;
    private final StakeholderService directory;
    private final FollowListService lists;

    DemoDirectory(Tenants tenants, Access access, MemberService members, StakeholderService directory,
            FollowListService lists) {
        this.tenants = tenants;
        this.access = access;
        this.members = members;
        this.directory = directory;
        this.lists = lists;
    }

    /** Seeds the trust's directory and lists, once: does nothing when the directory already has entries. */
    @Transactional
    public boolean seedIfEmpty() {
        var trust = tenants.findBySlug(DemoData.TRUST).orElse(null);
        if (trust == null) {
            return false;
        }
        long cara = member(trust.id(), "cara.curator");
        long pia = member(trust.id(), "pia.curator");
        return access.asMember(cara, () -> {
            if (directory.search(org.noticeboard.stakeholder.StakeholderQuery.all(), 0, 1).total() > 0) {
                return false;
            }
            Map<String, Long> ids = new HashMap<>();
            for (Entry e : STAKEHOLDERS) {
                var added = directory.add(StakeholderDraft.of(e.handle(), e.name(), e.category()).withRegion(e.region())
                        .withTopics(e.topics()).withPolitical(e.political()));
                ids.put(e.handle(), added.stakeholder().id());
            }
            FollowList national = list("National NHS bodies", "The national bodies that set the rules and the money "
                    + "for our services.", "Policy and decision-making at national level.", Visibility.ORGANISATION,
                    ids, "NHSEngland", "NHSProviders", "NHSConfed", "CareQualityComm", "NICEComms", "DHSCgovuk");
            list("Health think tanks", "Independent analysis of health and care policy.",
                    "Evidence we cite and share.", Visibility.PUBLIC, ids, "TheKingsFund", "NuffieldTrust", "Ageing_Better");
            list("Older people's care", "Charities, professional bodies and decision-makers for older people's "
                    + "services in Northshire.", "Who to follow and amplify for falls prevention and rehabilitation.",
                    Visibility.DEPARTMENT, ids, "AgeUK", "IndependentAge", "GeriSoc", "Ageing_Better", "JaneDoeMP",
                    "NorthshireICB");
            access.asMember(pia, () -> {
                list("AHP leaders", "Allied health professions: their colleges, bodies and leaders.",
                        "Professional leadership and news for our therapists.", Visibility.ORGANISATION, ids, "thecsp",
                        "theRCOT", "RCSLT", "ChiefAHP_North", "AHPLeadNShire");
                lists.subscribe(national.id());
                return null;
            });
            // after Physiotherapy subscribed: the change it has not yet seen
            lists.addMember(national.id(), ids.get("HealthwatchE"), "The patient voice at national level.");
            return true;
        });
    }

    private FollowList list(String name, String description, String purpose, Visibility visibility,
            Map<String, Long> ids, String... handles) {
        FollowList list = lists.create(null, name, description, purpose);
        var members = new ArrayList<Long>();
        for (String handle : handles) {
            members.add(ids.get(handle));
        }
        lists.addMembers(list.id(), members, "Starting list");
        return visibility == Visibility.DEPARTMENT ? list
                : lists.setVisibility(list.id(), visibility, lists.get(list.id()).version());
    }

    private long member(long organisationId, String username) {
        return access.asSystem(organisationId, "Demo set-up", () -> members.list().stream()
                .filter(m -> username.equals(m.username())).map(Member::id).findFirst().orElseThrow());
    }
}
