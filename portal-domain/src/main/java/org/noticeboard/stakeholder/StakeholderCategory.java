package org.noticeboard.stakeholder;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What kind of stakeholder someone is; the label is what people read and write. */
public enum StakeholderCategory {
    MP("MP"),
    MINISTER("Minister"),
    DEVOLVED_MEMBER("Member of a devolved parliament"),
    NHS_ORGANISATION("NHS organisation"),
    ICB_HEALTH_BOARD("ICB / health board"),
    THINK_TANK("Think tank"),
    CHARITY("Charity"),
    PATIENT_GROUP("Patient group"),
    PROFESSIONAL_BODY("Professional body"),
    ROYAL_COLLEGE("Royal college"),
    MEDIA("Media"),
    ACADEMIC("Academic"),
    AHP_LEADER("AHP leader"),
    OTHER("Other");

    private static final Map<String, StakeholderCategory> LOOSE = new HashMap<>();

    static {
        for (StakeholderCategory category : values()) {
            LOOSE.put(key(category.name()), category);
            LOOSE.put(key(category.label), category);
        }
        // what people write in spreadsheets they keep by hand
        synonyms(MP, "member of parliament", "mps");
        synonyms(MINISTER, "ministers", "secretary of state", "government minister");
        synonyms(DEVOLVED_MEMBER, "devolved", "msp", "ms", "mla", "ams", "member of the senedd",
                "member of the scottish parliament", "devolved parliament member", "devolved member");
        synonyms(NHS_ORGANISATION, "nhs", "nhs body", "nhs trust", "trust", "national nhs body", "nhs organization");
        synonyms(ICB_HEALTH_BOARD, "icb", "health board", "integrated care board", "icb health board", "ics");
        synonyms(CHARITY, "charities", "voluntary sector");
        synonyms(PATIENT_GROUP, "patient", "patients", "patient organisation");
        synonyms(PROFESSIONAL_BODY, "professional bodies", "professional organisation", "union");
        synonyms(ROYAL_COLLEGE, "royal colleges", "college");
        synonyms(MEDIA, "journalist", "press", "news", "newspaper");
        synonyms(ACADEMIC, "academics", "university", "researcher", "research");
        synonyms(AHP_LEADER, "ahp", "ahp director", "ahp leaders", "allied health professional leader");
        synonyms(THINK_TANK, "think tanks", "thinktank", "policy institute");
    }

    private final String label;

    StakeholderCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The category a person meant: its label or name in any case, spacing or punctuation ("think
     * tank", "THINK_TANK", "Think-Tank"), a plural, or a common synonym ("MSP", "health board").
     */
    public static Optional<StakeholderCategory> match(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = key(text);
        StakeholderCategory found = LOOSE.get(key);
        if (found == null && key.endsWith("s")) {
            found = LOOSE.get(key.substring(0, key.length() - 1));
        }
        return Optional.ofNullable(found);
    }

    private static void synonyms(StakeholderCategory category, String... words) {
        for (String word : words) {
            LOOSE.put(key(word), category);
        }
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
